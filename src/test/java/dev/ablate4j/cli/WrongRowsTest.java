package dev.ablate4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ablate4j.config.Keys;
import dev.ablate4j.matrix.EnvCheck;
import dev.ablate4j.matrix.Expansion;
import dev.ablate4j.matrix.Plan;
import dev.ablate4j.matrix.SpecException;
import dev.ablate4j.matrix.SpecReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

/** Input that used to be handled wrongly, each one clear line and exit 2 (or the right result). */
class WrongRowsTest {

    @TempDir
    Path tmp;

    private StringWriter err = new StringWriter();
    private StringWriter out = new StringWriter();

    private int run(String... args) {
        err = new StringWriter();
        out = new StringWriter();
        CommandLine cl = Main.commandLine();
        cl.setErr(new PrintWriter(err, true));
        cl.setOut(new PrintWriter(out, true));
        return cl.execute(args);
    }

    private void assertOneLine(int code, String expected) {
        String text = err.toString().strip();
        assertEquals(2, code, text);
        assertEquals(1, text.lines().count(), text);
        assertTrue(text.contains(expected), text);
        assertFalse(text.contains("Exception:") || text.contains("\tat "), text);
    }

    private static final List<String> TINY = List.of("--env", "Pendulum-v1", "--preset", "ppo", "--steps", "256",
            "--rollout-steps", "128", "--minibatches", "2", "--epochs", "1", "--hidden", "4", "--quiet");

    private String[] train(String... more) {
        List<String> all = new ArrayList<>(List.of("train"));
        all.addAll(TINY);
        all.addAll(List.of(more));
        return all.toArray(String[]::new);
    }

    @ParameterizedTest
    @ValueSource(strings = {"99999999999999999999", "9223372036854775808", "-9223372036854775809", "1e19"})
    void aSeedBeyondALongIsRefusedNotSaturated(String seed) {
        Path o = tmp.resolve("o");
        assertOneLine(run(train("--seed", seed, "--out", o.toString())), "seed: '" + seed + "' is beyond the range");
        assertFalse(Files.exists(o));
    }

    @Test
    void aSeedBeyondALongInAConfigFileIsRefused() throws Exception {
        Path config = tmp.resolve("c.json");
        Files.writeString(config, "{\"env\": \"Pendulum-v1\", \"preset\": \"ppo\", \"steps\": 256, \"seed\": 99999999999999999999}");
        Path o = tmp.resolve("o");
        assertOneLine(run("train", "--config", config.toString(), "--out", o.toString()), "beyond the range");
        assertFalse(Files.exists(o));
        // the largest long is still a seed
        assertEquals(Long.MAX_VALUE, Keys.SEED.parse("9223372036854775807"));
        assertEquals(Long.MIN_VALUE, Keys.SEED.parse(new java.math.BigInteger("-9223372036854775808")));
    }

    @Test
    void aPaperConfigHoldingNullIsOneLine() throws Exception {
        Path file = tmp.resolve("null.json");
        Files.writeString(file, "null\n");
        Path o = tmp.resolve("o");
        assertOneLine(run("train", "--paper-config", file.toString(), "--out", o.toString()), "holds JSON null");
        assertFalse(Files.exists(o));
    }

    private static final String SPEC = """
            name: x
            base: {preset: ppo, %s}
            envs: [Pendulum-v1]
            seeds: 1
            steps: 2048
            """;

    @Test
    void yamlSpecialFloatsAreNumbersForTheKeyToJudge() {
        Plan inf = Expansion.expand(SpecReader.parse(SPEC.formatted("clip-eps: .inf"), "s.yaml"), EnvCheck.REGISTRY, 10);
        assertEquals(Double.POSITIVE_INFINITY, Expansion.runConfig(inf.spec(), inf.runs().get(0)).get(Keys.CLIP_EPS));
        Plan upper = Expansion.expand(SpecReader.parse(SPEC.formatted("clip-eps: .Inf"), "s.yaml"), EnvCheck.REGISTRY, 10);
        assertEquals(inf.cells().get(0).id(), upper.cells().get(0).id(), "the same config, the same cell");
        for (String bad : List.of("clip-eps: -.inf", "clip-eps: .nan", "policy-lr: .inf")) {
            String message = org.junit.jupiter.api.Assertions.assertThrows(SpecException.class,
                    () -> Expansion.expand(SpecReader.parse(SPEC.formatted(bad), "s.yaml"), EnvCheck.REGISTRY, 10))
                    .getMessage();
            assertFalse(message.contains("malformed YAML"), message);
            String key = bad.substring(0, bad.indexOf(':'));
            assertTrue(message.contains(key + ": '") && message.contains("is not "), message);
        }
        // a quoted '.inf' stays the text the key reads as infinity too; other malformed YAML is still named so
        assertTrue(org.junit.jupiter.api.Assertions.assertThrows(SpecException.class,
                () -> SpecReader.parse(SPEC.formatted("clip-eps: [1"), "s.yaml")).getMessage().contains("malformed YAML"));
    }

    @Test
    void compareRefusesAFirstRowThatIsNeitherNumbersNorNames() throws Exception {
        Path x = tmp.resolve("x.csv");
        Files.writeString(x, "\"2,3\"\n1.5\n2.5\n3.5\n");
        Path y = tmp.resolve("y.csv");
        Files.writeString(y, "1\n2\n3\n");
        assertOneLine(run("compare", "--x", x.toString(), "--y", y.toString()), "'2,3' is neither a number nor a column name");
        // a real header still works
        Files.writeString(x, "return\n1.5\n2.5\n3.5\n");
        assertEquals(0, run("compare", "--x", x.toString(), "--y", y.toString()), err.toString());
    }

    /** A path below a regular file: refused in one line for every command that writes a directory. */
    @Test
    void outputPathsBelowARegularFileAreOneLine() throws Exception {
        Path file = tmp.resolve("file");
        Files.writeString(file, "x");
        Path below = file.resolve("sub");
        Path spec = tmp.resolve("s.yaml");
        Files.writeString(spec, SPEC.formatted("hidden: [4]"));
        Path results = Path.of("reports/quickstart/results");
        assertOneLine(run("tensorboard", results.toString(), "--out", below.toString()), "is a file, not a directory");
        assertOneLine(run("matrix", spec.toString(), "--results", below.toString(), "--quiet"),
                "--results " + below + ": " + file + " is a file, not a directory");
        assertOneLine(run("merge", results.toString(), "--into", below.toString()),
                "--into " + below + ": " + file + " is a file, not a directory");
        assertOneLine(run("matrix", spec.toString(), "--results", tmp.resolve("r").toString(), "--tensorboard",
                below.toString(), "--quiet"), "--tensorboard " + below);
        assertEquals("x", Files.readString(file));
        assertFalse(Files.exists(tmp.resolve("r")));
    }

    @Test
    void outputPathsInAReadOnlyDirectoryAreOneLine() throws Exception {
        Path ro = Files.createDirectories(tmp.resolve("ro"));
        assertTrue(ro.toFile().setWritable(false, false));
        try {
            boolean root = Files.isWritable(ro) && canWrite(ro);
            if (root) {
                System.out.println("WrongRowsTest: skipped the read-only check: this user (root) may write into a"
                        + " read-only directory");
            }
            Assumptions.assumeFalse(root, "running as root: read-only directories are not enforced");
            Path spec = tmp.resolve("s.yaml");
            Files.writeString(spec, SPEC.formatted("hidden: [4]"));
            Path results = Path.of("reports/quickstart/results");
            assertOneLine(run("tensorboard", results.toString(), "--out", ro.resolve("tb").toString()), "cannot write there");
            assertOneLine(run("matrix", spec.toString(), "--results", ro.resolve("r").toString(), "--quiet"),
                    "cannot write there");
            assertOneLine(run("merge", results.toString(), "--into", ro.resolve("m").toString()), "cannot write there");
            try (Stream<Path> s = Files.list(ro)) {
                assertEquals(0, s.count());
            }
        } finally {
            ro.toFile().setWritable(true, false);
        }
    }

    /** A directory no one may create entries in, even root: /proc (Linux). */
    @Test
    void outputPathsWhereNothingCanBeCreatedAreOneLine() throws Exception {
        Assumptions.assumeTrue(Files.isDirectory(Path.of("/proc/self")), "no /proc on this system");
        Path spec = tmp.resolve("s.yaml");
        Files.writeString(spec, SPEC.formatted("hidden: [4]"));
        String results = "reports/quickstart/results";
        assertOneLine(run("tensorboard", results, "--out", "/proc/ablate4j-test/tb"), "--out /proc/ablate4j-test/tb:"
                + " cannot write there");
        assertOneLine(run("matrix", spec.toString(), "--results", "/proc/ablate4j-test/r", "--quiet"),
                "--results /proc/ablate4j-test/r: cannot write there");
        assertOneLine(run("merge", results, "--into", "/proc/ablate4j-test/m"), "--into /proc/ablate4j-test/m: cannot"
                + " write there");
    }

    private static boolean canWrite(Path dir) {
        try {
            Files.delete(Files.createTempFile(dir, "probe", ".tmp"));
            return true;
        } catch (java.io.IOException e) {
            return false;
        }
    }

    /** report, like matrix and merge, follows a symlinked results root and a symlinked cell directory. */
    @Test
    void reportFollowsSymlinkedRootsAndCellsWithoutLooping() throws Exception {
        Path cells = Path.of("reports/quickstart/results/quickstart").toAbsolutePath();
        Path tree = Files.createDirectories(tmp.resolve("tree/quickstart"));
        try (Stream<Path> s = Files.list(cells)) {
            for (Path cell : s.sorted().toList()) {
                Files.createSymbolicLink(tree.resolve(cell.getFileName()), cell);
            }
        }
        Files.createSymbolicLink(tree.resolve("loop"), tree);
        Path link = Files.createSymbolicLink(tmp.resolve("link"), tmp.resolve("tree"));
        int code = run("report", link.toString(), "--out", tmp.resolve("rep").toString(), "--resamples", "200");
        assertEquals(0, code, err.toString());
        assertTrue(out.toString().startsWith("report: 15 runs (0 left out)"), out.toString());
    }
}
