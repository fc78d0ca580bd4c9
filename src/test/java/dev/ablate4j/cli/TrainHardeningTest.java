package dev.ablate4j.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ablate4j.results.RunFiles;
import dev.ablate4j.run.TinyRuns;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;

/** Train refuses bad input cleanly and is safe on an existing --out. */
class TrainHardeningTest {

    @TempDir
    Path tmp;

    private StringWriter err = new StringWriter();

    private int run(String... args) {
        err = new StringWriter();
        CommandLine cl = Main.commandLine();
        cl.setErr(new PrintWriter(err, true));
        cl.setOut(new PrintWriter(new StringWriter(), true));
        return cl.execute(args);
    }

    private static final List<String> TINY = List.of("--env", "Pendulum-v1", "--steps", "512", "--rollout-steps",
            "256", "--minibatches", "4", "--epochs", "2", "--hidden", "8,8", "--quiet");

    private static String[] train(String... more) {
        List<String> all = new ArrayList<>(List.of("train"));
        all.addAll(TINY);
        all.addAll(List.of(more));
        return all.toArray(String[]::new);
    }

    private void assertBadInput(int code, String expected, Path out) {
        String text = err.toString().strip();
        assertEquals(2, code, text);
        assertEquals(1, text.lines().count(), text);
        assertTrue(text.contains(expected), text);
        if (out != null) {
            assertFalse(Files.exists(out), "nothing written: " + out);
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "--steps|9223372036854775807|largest allowed, 1000000000000",
        "--steps|1e20|steps: '1e20' is beyond the range of a 64-bit whole number",
        "--hidden|100000,100000|the largest allowed is 10,000,000",
        "--rollout-steps|1|is 1000000000000 iterations, more than the largest allowed"})
    void oversizedRunsAreRefusedBeforeAnythingIsAllocated(String flag, String value, String message) {
        Path out = tmp.resolve("A");
        List<String> args = new ArrayList<>(List.of("train", "--out", out.toString(), "--steps", "4096"));
        if (flag.equals("--rollout-steps")) {
            args.addAll(List.of("--steps", "1e12", "--minibatches", "1"));
        }
        args.addAll(List.of(flag, value));
        assertBadInput(run(args.toArray(String[]::new)), message, out);
    }

    @Test
    void aNetworkLargerThanTheHeapIsRefusedWithTheHeapSize() {
        Path out = tmp.resolve("A");
        // 1,000 x 1,000 is under the parameter limit, but not the activations of a 3M-sample batch
        int code = run("train", "--out", out.toString(), "--steps", "3000000", "--rollout-steps", "3000000",
                "--minibatches", "1", "--hidden", "1000,1000");
        assertBadInput(code, "MB of heap", out);
    }

    @Test
    void aFlagGivenTwiceTakesItsLastValue() throws Exception {
        Path out = tmp.resolve("A");
        assertEquals(0, run(train("--steps", "100000", "--steps", "512", "--value-clip", "--no-value-clip",
                "--out", out.toString())), err.toString());
        Map<?, ?> config = AtomicJson.read(out.resolve(RunFiles.CONFIG));
        assertEquals(512, config.get("steps"));
        assertEquals(false, config.get("value-clip"));
    }

    @Test
    void unusableOutputPathsAreRefusedUpFront() throws Exception {
        assertBadInput(run(train("--out", "/proc/ablate4j-x")), "--out /proc/ablate4j-x: cannot write there", null);
        Path file = Files.writeString(tmp.resolve("file"), "x");
        assertBadInput(run(train("--out", file.toString())), "is a file, not a directory", null);
        assertBadInput(run(train("--out", file.resolve("sub").toString())), "is a file, not a directory", null);
        assertBadInput(run(train("--out", "")), "--out: the path is empty", null);
    }

    @Test
    void aSecondRunWithAnotherSeedIsRefusedAndTheFirstKept() throws Exception {
        Path out = tmp.resolve("A");
        assertEquals(0, run(train("--seed", "1", "--out", out.toString())), err.toString());
        String metrics = TinyRuns.sha256(out.resolve(RunFiles.METRICS));
        String provenance = Files.readString(out.resolve(RunFiles.PROVENANCE));
        assertBadInput(run(train("--seed", "2", "--out", out.toString())), "seed 1, not 2", null);
        assertTrue(err.toString().contains("--force"), err.toString());
        assertEquals(metrics, TinyRuns.sha256(out.resolve(RunFiles.METRICS)));
        assertEquals(provenance, Files.readString(out.resolve(RunFiles.PROVENANCE)));

        // the same command again: skipped, nothing rewritten
        assertEquals(0, run(train("--seed", "1", "--out", out.toString())), err.toString());
        assertTrue(err.toString().contains("already done"), err.toString());
        assertEquals(provenance, Files.readString(out.resolve(RunFiles.PROVENANCE)));

        // --force replaces it
        assertEquals(0, run(train("--seed", "2", "--force", "--out", out.toString())), err.toString());
        assertEquals(2, AtomicJson.read(out.resolve(RunFiles.CONFIG)).get("seed"));
    }

    @Test
    void aDirectoryWithSomeoneElsesFilesIsRefused() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("theirs"));
        Files.writeString(dir.resolve(RunFiles.METRICS), "their,metrics\n1,2\n");
        assertBadInput(run(train("--out", dir.toString())), "a run without config.json", null);
        assertEquals("their,metrics\n1,2\n", Files.readString(dir.resolve(RunFiles.METRICS)));
        Files.writeString(dir.resolve("notes.txt"), "mine");
        assertBadInput(run(train("--out", dir.toString())), "not a run's (notes.txt)", null);
        assertEquals(0, run(train("--force", "--out", dir.toString())), err.toString());
        assertEquals("mine", Files.readString(dir.resolve("notes.txt")), "--force keeps files that are not a run's");
        assertTrue(RunFiles.isDone(dir));
    }

    @Test
    void aRunReRunFromItsConfigJsonGivesTheSameMetrics() throws Exception {
        Path a = tmp.resolve("A");
        Path b = tmp.resolve("B");
        assertEquals(0, run(train("--preset", "trpo", "--seed", "7", "--no-obs-norm", "--out", a.toString())),
                err.toString());
        assertEquals(0, run("train", "--config", a.resolve(RunFiles.CONFIG).toString(), "--out", b.toString(),
                "--quiet"), err.toString());
        assertEquals(TinyRuns.sha256(a.resolve(RunFiles.METRICS)), TinyRuns.sha256(b.resolve(RunFiles.METRICS)));
        assertEquals(Files.readString(a.resolve(RunFiles.CONFIG)), Files.readString(b.resolve(RunFiles.CONFIG)));

        Path c = tmp.resolve("C");
        assertEquals(0, run("train", "--config", a.resolve(RunFiles.CONFIG).toString(), "--seed", "8", "--out",
                c.toString(), "--quiet"), err.toString());
        Map<?, ?> config = AtomicJson.read(c.resolve(RunFiles.CONFIG));
        assertEquals(8, config.get("seed"));
        assertEquals("trpo", config.get("preset"));
        assertEquals(false, config.get("obs-norm"));

        Path bad = Files.writeString(tmp.resolve("bad.json"), "{\"gamma\": 7}");
        assertBadInput(run("train", "--config", bad.toString(), "--out", tmp.resolve("D").toString()),
                "gamma: '7' is not a number in [0, 1]", tmp.resolve("D"));
        assertBadInput(run("train", "--config", tmp.resolve("none.json").toString(), "--out",
                tmp.resolve("D").toString()), "no such file", tmp.resolve("D"));
    }

    @Test
    void aKilledTrainResumesToAByteIdenticalRun() throws Exception {
        List<String> args = List.of("train", "--env", "Pendulum-v1", "--steps", "64000", "--rollout-steps", "128",
                "--minibatches", "1", "--epochs", "1", "--hidden", "8,8", "--tr-log-every", "5",
                "--checkpoint-every", "3", "--quiet", "--seed", "4");
        Path clean = tmp.resolve("clean");
        List<String> cleanArgs = new ArrayList<>(args);
        cleanArgs.addAll(List.of("--out", clean.toString()));
        assertEquals(0, run(cleanArgs.toArray(String[]::new)), err.toString());

        Path killed = tmp.resolve("killed");
        List<String> killedArgs = new ArrayList<>(args);
        killedArgs.addAll(List.of("--out", killed.toString()));
        MatrixChild child = MatrixChild.start(tmp.resolve("logs"), "train", killedArgs.toArray(String[]::new));
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (child.process.isAlive() && System.nanoTime() < deadline
                && !(Files.exists(killed.resolve(RunFiles.CHECKPOINT)) && lines(killed) > 40)) {
            Thread.sleep(5);
        }
        assertTrue(child.process.isAlive(), "the child must still be training when killed: " + child.stderr());
        child.kill();
        assertFalse(RunFiles.isDone(killed));

        assertEquals(0, run(killedArgs.toArray(String[]::new)), err.toString());
        for (String f : List.of(RunFiles.CONFIG, RunFiles.METRICS, RunFiles.EPISODES, RunFiles.TRUST_REGION,
                RunFiles.DONE)) {
            assertArrayEquals(Files.readAllBytes(clean.resolve(f)), Files.readAllBytes(killed.resolve(f)), f);
        }
        assertTrue(Files.readString(killed.resolve(RunFiles.PROVENANCE)).contains("\"resumed\""));
    }

    private static long lines(Path run) {
        try {
            return Files.readAllLines(run.resolve(RunFiles.METRICS)).size();
        } catch (Exception e) {
            return 0;
        }
    }

    /** Reads a JSON object file. */
    static final class AtomicJson {
        static Map<?, ?> read(Path file) throws Exception {
            return new com.fasterxml.jackson.databind.ObjectMapper().readValue(file.toFile(), Map.class);
        }
    }
}
