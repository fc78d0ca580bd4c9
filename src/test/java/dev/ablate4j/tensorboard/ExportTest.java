package dev.ablate4j.tensorboard;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ablate4j.cli.ExitCodes;
import dev.ablate4j.cli.Main;
import dev.ablate4j.results.AtomicFiles;
import dev.ablate4j.results.CsvTable;
import dev.ablate4j.results.Returns;
import dev.ablate4j.tensorboard.EventFiles.Scalar;
import dev.ablate4j.tensorboard.proto.Event;
import dev.ablate4j.tensorboard.proto.Experiment;
import dev.ablate4j.tensorboard.proto.HParamInfo;
import dev.ablate4j.tensorboard.proto.HParamsPluginData;
import dev.ablate4j.tensorboard.proto.Status;
import dev.ablate4j.tweak.Optimization;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code tensorboard} over the committed quickstart runs, read back with the test's own reader. */
class ExportTest {

    private static final Path QUICKSTART = Path.of("reports/quickstart/results");

    @TempDir
    Path tmp;

    private static List<Path> runDirs(Path root) throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(d -> Files.isRegularFile(d.resolve("config.json"))).sorted().toList();
        }
    }

    private static String nameOf(Path runDir) {
        Map<String, Object> cell = AtomicFiles.readJson(runDir.resolve("cell.json"));
        Map<String, Object> config = AtomicFiles.readJson(runDir.resolve("config.json"));
        return cell.get("spec") + "/" + RunNames.segment(cell.get("label").toString()) + "/" + config.get("env")
                + "/seed-" + config.get("seed");
    }

    private static CsvTable csv(Path file) throws Exception {
        return CsvTable.read(file, file.toString(), List.of());
    }

    private static void assertColumn(List<Event> events, String tag, double[] steps, double[] values) {
        List<Scalar> got = EventFiles.scalars(events, tag);
        int n = 0;
        for (int i = 0; i < values.length; i++) {
            if (Double.isNaN(values[i])) {
                continue;
            }
            Scalar s = got.get(n++);
            assertEquals((long) steps[i], s.step(), tag + " step of row " + i);
            assertEquals((float) values[i], s.value(), tag + " value of row " + i);
        }
        assertEquals(n, got.size(), tag + ": one value per CSV row with a value");
    }

    @Test
    void everyRunDirectoryIsOneRunHoldingItsCsvValues() throws Exception {
        Path out = tmp.resolve("tb");
        Export.Result result = Export.export(List.of(QUICKSTART), out);
        List<Path> dirs = runDirs(QUICKSTART);
        assertEquals(15, dirs.size());
        assertEquals(dirs.size(), result.runs().size());
        assertTrue(result.skipped().isEmpty(), result.skipped().toString());
        for (Path dir : dirs) {
            Path runLog = out.resolve(nameOf(dir));
            List<Event> events = EventFiles.read(EventFiles.single(runLog));

            CsvTable metrics = csv(dir.resolve("metrics.csv"));
            double[] steps = metrics.column("env_steps");
            for (String column : metrics.header()) {
                if (!column.equals("env_steps")) {
                    assertColumn(events, Tags.metric(column), steps, metrics.column(column));
                }
            }
            assertEquals(metrics.rows(), EventFiles.scalars(events, "charts/mean_return").size(), dir.toString());

            CsvTable trust = csv(dir.resolve("trust_region.csv"));
            Map<Long, Double> stepOfIteration = new TreeMap<>();
            double[] iterations = metrics.column("iteration");
            for (int i = 0; i < iterations.length; i++) {
                stepOfIteration.put((long) iterations[i], steps[i]);
            }
            double[] trustSteps = java.util.Arrays.stream(trust.column("iteration"))
                    .map(it -> stepOfIteration.get((long) it)).toArray();
            assertColumn(events, "trust_region/max_ratio_train", trustSteps, trust.column("max_ratio_train"));
            assertColumn(events, "trust_region/mean_kl_heldout", trustSteps, trust.column("mean_kl_heldout"));

            CsvTable episodes = csv(dir.resolve("episodes.csv"));
            assertColumn(events, "charts/episodic_return", episodes.column("env_steps"), episodes.column("return"));

            double[] meanReturn = metrics.column("mean_return");
            List<Scalar> finalReturn = EventFiles.scalars(events, Tags.FINAL_RETURN);
            assertEquals(1, finalReturn.size());
            assertEquals((float) Returns.finalReturn(meanReturn), finalReturn.get(0).value());
            assertEquals((long) steps[steps.length - 1], finalReturn.get(0).step());

            // steps never go back within a tag, and wall times never go back at all
            double wall = 0;
            for (Event e : events) {
                assertTrue(e.getWallTime() >= wall, "wall time order in " + runLog);
                wall = e.getWallTime();
            }
        }
    }

    @Test
    void hparamsCarryTheSwitchesAndTheFinalReturn() throws Exception {
        Path out = tmp.resolve("tb");
        Export.export(List.of(QUICKSTART), out);
        List<Event> root = EventFiles.read(EventFiles.single(out));
        Experiment experiment = EventFiles.hparams(root).get(HParams.EXPERIMENT_TAG).getExperiment();
        List<String> names = experiment.getHparamInfosList().stream().map(HParamInfo::getName).toList();
        for (Optimization o : Optimization.values()) {
            assertTrue(names.contains(o.key()), o.key() + " in " + names);
        }
        // quickstart leaves four optimizations out one at a time: exactly those differ
        List<String> differing = experiment.getHparamInfosList().stream().filter(HParamInfo::getDiffers)
                .map(HParamInfo::getName).toList();
        assertEquals(List.of("cell", "value-clip", "reward-scale", "ortho-init", "lr-anneal"), differing);
        assertTrue(experiment.getMetricInfosList().stream().anyMatch(m -> m.getName().getTag().equals(Tags.FINAL_RETURN)));

        for (Path dir : runDirs(QUICKSTART)) {
            Map<String, HParamsPluginData> data = EventFiles.hparams(
                    EventFiles.read(EventFiles.single(out.resolve(nameOf(dir)))));
            var start = data.get(HParams.SESSION_START_TAG).getSessionStartInfo();
            Map<String, Object> config = AtomicFiles.readJson(dir.resolve("config.json"));
            for (Optimization o : Optimization.values()) {
                assertEquals(config.get(o.key()), start.getHparamsOrThrow(o.key()).getBoolValue(), o.key() + " of " + dir);
            }
            assertEquals("Pendulum-v1", start.getHparamsOrThrow("env").getStringValue());
            assertFalse(start.containsHparams("seed"), "seeds of a cell form one session group");
            assertEquals(RunNames.group(nameOf(dir)), start.getGroupName());
            assertEquals(Status.STATUS_SUCCESS, data.get(HParams.SESSION_END_TAG).getSessionEndInfo().getStatus());
        }
    }

    @Test
    void theSameInputsGiveTheSameBytesAndAnEarlierExportIsReplacedWhole() throws Exception {
        Path a = tmp.resolve("a");
        Path b = tmp.resolve("b");
        Export.export(List.of(QUICKSTART), a);
        Files.writeString(a.resolve("stale.txt"), "from before");
        Export.export(List.of(QUICKSTART), a);
        Export.export(List.of(QUICKSTART), b);
        assertFalse(Files.exists(a.resolve("stale.txt")));
        Map<String, byte[]> fa = files(a);
        Map<String, byte[]> fb = files(b);
        assertEquals(fa.keySet(), fb.keySet());
        for (String f : fa.keySet()) {
            assertArrayEquals(fa.get(f), fb.get(f), f);
        }
        try (Stream<Path> s = Files.list(tmp)) {
            assertEquals(List.of("a", "b"), s.map(p -> p.getFileName().toString()).sorted().toList(),
                    "no temporary directory left behind");
        }
    }

    private static Map<String, byte[]> files(Path root) throws IOException {
        Map<String, byte[]> out = new TreeMap<>();
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                out.put(root.relativize(p).toString(), Files.readAllBytes(p));
            }
        }
        return out;
    }

    @Test
    void aRunningRunIsExportedUpToItsLastCompleteLineWithoutAnEnd() throws Exception {
        Path src = runDirs(QUICKSTART).get(0);
        Path run = tmp.resolve("results/running");
        Files.createDirectories(run);
        for (String f : List.of("config.json", "provenance.json", "metrics.csv", "episodes.csv", "trust_region.csv",
                "timing.csv")) {
            Files.copy(src.resolve(f), run.resolve(f));
        }
        String metrics = Files.readString(run.resolve("metrics.csv"), StandardCharsets.UTF_8);
        String[] lines = metrics.split("\n");
        String kept = String.join("\n", List.of(lines).subList(0, 11)) + "\n" + lines[11].substring(0, 20);
        Files.writeString(run.resolve("metrics.csv"), kept, StandardCharsets.UTF_8);
        Export.export(List.of(tmp.resolve("results")), tmp.resolve("tb"));

        Map<String, Object> config = AtomicFiles.readJson(run.resolve("config.json"));
        List<Event> events = EventFiles.read(EventFiles.single(
                tmp.resolve("tb/running/" + config.get("env") + "/seed-" + config.get("seed"))));
        assertEquals(10, EventFiles.scalars(events, "charts/mean_return").size());
        assertTrue(EventFiles.scalars(events, Tags.FINAL_RETURN).isEmpty());
        Map<String, HParamsPluginData> hp = EventFiles.hparams(events);
        assertTrue(hp.containsKey(HParams.SESSION_START_TAG));
        assertFalse(hp.containsKey(HParams.SESSION_END_TAG));
    }

    @Test
    void badInputIsOneLineExitTwoAndNothingWritten() throws Exception {
        Path out = tmp.resolve("tb");
        assertEquals(ExitCodes.BAD_INPUT, Main.run("tensorboard", tmp.resolve("missing").toString(), "--out",
                out.toString()));
        assertFalse(Files.exists(out));

        Path empty = tmp.resolve("empty");
        Files.createDirectories(empty);
        assertEquals(ExitCodes.BAD_INPUT, Main.run("tensorboard", empty.toString(), "--out", out.toString()));
        assertFalse(Files.exists(out));

        Path other = tmp.resolve("other");
        Files.createDirectories(other);
        Files.writeString(other.resolve("keep.txt"), "mine");
        assertEquals(ExitCodes.BAD_INPUT, Main.run("tensorboard", QUICKSTART.toString(), "--out", other.toString()));
        try (Stream<Path> s = Files.list(other)) {
            assertEquals(List.of(other.resolve("keep.txt")), s.toList());
        }

        Path file = tmp.resolve("file");
        Files.writeString(file, "x");
        assertEquals(ExitCodes.BAD_INPUT, Main.run("tensorboard", QUICKSTART.toString(), "--out", file.toString()));
        assertEquals("x", Files.readString(file));
        try (Stream<Path> s = Files.list(tmp)) {
            assertEquals(List.of("empty", "file", "other"), s.map(p -> p.getFileName().toString()).sorted().toList());
        }
    }
}
