package dev.ablate4j.tensorboard;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ablate4j.cli.ExitCodes;
import dev.ablate4j.cli.Main;
import dev.ablate4j.tensorboard.proto.Event;
import dev.ablate4j.tensorboard.proto.HParamsPluginData;
import dev.ablate4j.tensorboard.proto.Status;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code --tensorboard} on train and matrix: the live events hold what an export of the finished runs
 * holds, and the runs' own files and cell ids are exactly what they are without it.
 */
class LiveBoardTest {

    @TempDir
    Path tmp;

    private static final String[] TINY = {"--env", "Pendulum-v1", "--steps", "1024", "--rollout-steps", "256",
        "--minibatches", "4", "--epochs", "2", "--hidden", "8,8", "--tr-log-every", "2", "--seed", "5", "--quiet"};

    /** The files that make a run's results (timing.csv and provenance.json hold wall-clock figures). */
    private static final List<String> DETERMINISTIC = List.of("config.json", "cell.json", "metrics.csv",
            "episodes.csv", "trust_region.csv", "DONE");

    private static int run(String... args) {
        CommandLine cl = Main.commandLine();
        StringWriter err = new StringWriter();
        cl.setErr(new PrintWriter(err, true));
        cl.setOut(new PrintWriter(new StringWriter(), true));
        int code = cl.execute(args);
        assertTrue(code == 0 || code == ExitCodes.BAD_INPUT, err.toString());
        return code;
    }

    private static String[] with(String[] base, String... more) {
        String[] all = new String[base.length + more.length];
        System.arraycopy(base, 0, all, 0, base.length);
        System.arraycopy(more, 0, all, base.length, more.length);
        return all;
    }

    /** (tag, step, value) of every scalar, without wall times (live ones are the clock's). */
    private static List<String> values(Path eventFile) throws IOException {
        return EventFiles.scalars(EventFiles.read(eventFile)).stream()
                .map(s -> s.tag() + "@" + s.step() + "=" + s.value()).toList();
    }

    private static Map<String, byte[]> files(Path root, List<String> names) throws IOException {
        Map<String, byte[]> out = new TreeMap<>();
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                if (names.contains(p.getFileName().toString())) {
                    out.put(root.relativize(p).toString(), Files.readAllBytes(p));
                }
            }
        }
        return out;
    }

    private static void assertSameFiles(Map<String, byte[]> a, Map<String, byte[]> b) {
        assertEquals(a.keySet(), b.keySet());
        a.forEach((k, v) -> assertArrayEquals(v, b.get(k), k));
    }

    @Test
    void trainWritesLiveWhatAnExportOfTheRunHoldsAndChangesNoRunFile() throws Exception {
        Path plain = tmp.resolve("plain/A");
        Path live = tmp.resolve("live/A");
        Path logdir = tmp.resolve("logdir");
        assertEquals(0, run(with(new String[] {"train"}, with(TINY, "--out", plain.toString()))));
        assertEquals(0, run(with(new String[] {"train"}, with(TINY, "--out", live.toString(), "--tensorboard",
                logdir.toString()))));
        assertSameFiles(files(plain, DETERMINISTIC), files(live, DETERMINISTIC));

        Path liveFile = EventFiles.single(logdir.resolve("A/Pendulum-v1/seed-5"));
        Path exported = tmp.resolve("exported");
        Export.export(List.of(live), exported);
        Path exportFile = EventFiles.single(exported.resolve("A/Pendulum-v1/seed-5"));
        List<String> liveValues = values(liveFile);
        assertEquals(values(exportFile), liveValues);
        assertEquals(4, liveValues.stream().filter(v -> v.startsWith("charts/mean_return@")).count());
        assertEquals(2, liveValues.stream().filter(v -> v.startsWith("trust_region/max_ratio_train@")).count());

        Map<String, HParamsPluginData> hp = EventFiles.hparams(EventFiles.read(liveFile));
        assertEquals(Status.STATUS_SUCCESS, hp.get(HParams.SESSION_END_TAG).getSessionEndInfo().getStatus());
        assertEquals(EventFiles.hparams(EventFiles.read(exportFile)).get(HParams.SESSION_START_TAG)
                .getSessionStartInfo().getHparamsMap(), hp.get(HParams.SESSION_START_TAG).getSessionStartInfo()
                .getHparamsMap());
    }

    @Test
    void aTensorboardPathThatIsAFileIsBadInputAndNothingIsTrained() throws Exception {
        Path file = tmp.resolve("file");
        Files.writeString(file, "x");
        Path out = tmp.resolve("A");
        assertEquals(ExitCodes.BAD_INPUT, run(with(new String[] {"train"}, with(TINY, "--out", out.toString(),
                "--tensorboard", file.toString()))));
        assertFalse(Files.exists(out));
        Path spec = writeSpec();
        Path results = tmp.resolve("results");
        assertEquals(ExitCodes.BAD_INPUT, run("matrix", spec.toString(), "--results", results.toString(), "--quiet",
                "--workers", "1", "--tensorboard", file.toString()));
        assertFalse(Files.exists(results));
    }

    private Path writeSpec() throws IOException {
        Path spec = tmp.resolve("tiny.yaml");
        Files.writeString(spec, """
                name: tiny
                base: {preset: ppo, rollout-steps: 64, minibatches: 4, epochs: 2, hidden: [8, 8], tr-log-every: 2}
                factors:
                  value-clip: [true, false]
                  reward-scale: [true, false]
                envs: [Pendulum-v1]
                seeds: 2
                steps: 256
                """);
        return spec;
    }

    @Test
    void matrixWritesEveryTrainedRunLiveAndChangesNothingInTheResults() throws Exception {
        Path spec = writeSpec();
        Path plain = tmp.resolve("plain");
        Path live = tmp.resolve("live");
        Path logdir = tmp.resolve("logdir");
        assertEquals(0, run("matrix", spec.toString(), "--results", plain.toString(), "--quiet", "--workers", "2"));
        assertEquals(0, run("matrix", spec.toString(), "--results", live.toString(), "--quiet", "--workers", "2",
                "--tensorboard", logdir.toString()));
        assertSameFiles(files(plain, DETERMINISTIC), files(live, DETERMINISTIC));

        Path exported = tmp.resolve("exported");
        Export.Result result = Export.export(List.of(live), exported);
        assertEquals(8, result.runs().size());
        for (String name : result.runs()) {
            assertEquals(values(EventFiles.single(exported.resolve(name))),
                    values(EventFiles.single(logdir.resolve(name))), name);
        }
        List<Event> root = EventFiles.read(EventFiles.single(logdir));
        assertTrue(EventFiles.hparams(root).get(HParams.EXPERIMENT_TAG).getExperiment().getHparamInfosList().stream()
                .anyMatch(h -> h.getName().equals("reward-scale") && h.getDiffers()));
    }
}
