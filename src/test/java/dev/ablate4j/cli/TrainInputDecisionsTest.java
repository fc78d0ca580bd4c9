package dev.ablate4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The questionable rows of train's (and compare's) input files and --steps, decided. */
class TrainInputDecisionsTest {

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

    /** Exit 2, one line holding {@code expected}, and {@code out} not created. */
    private void assertRefused(int code, String expected, Path out) {
        String text = err.toString().strip();
        assertEquals(2, code, text);
        assertEquals(1, text.lines().count(), text);
        assertTrue(text.contains(expected), text);
        assertFalse(Files.exists(out), "nothing written: " + out);
    }

    private Path file(String name, String text) throws Exception {
        Path f = tmp.resolve(name);
        Files.writeString(f, text);
        return f;
    }

    @Test
    void aKeyGivenTwiceInAConfigJsonIsRefusedNamingTheKey() throws Exception {
        Path config = file("config.json", "{\"preset\": \"ppo\", \"env\": \"Pendulum-v1\", \"seed\": 1,\n"
                + "\"steps\": 512, \"seed\": 2}\n");
        Path out = tmp.resolve("out");
        assertRefused(run("train", "--config", config.toString(), "--out", out.toString()),
                "--config " + config + ": line 2: the key 'seed' is given twice", out);
        Path paper = file("paper.json", "{\"t\": 2048, \"t\": 1024}");
        assertRefused(run("train", "--paper-config", paper.toString(), "--out", out.toString()),
                "--paper-config " + paper + ": line 1: the key 't' is given twice", out);
    }

    @Test
    void aSecondValueAfterTheObjectIsRefused() throws Exception {
        Path config = file("two.json", "{\"env\": \"Pendulum-v1\"} {\"env\": \"Pendulum-v1\"}");
        Path out = tmp.resolve("out");
        assertRefused(run("train", "--config", config.toString(), "--out", out.toString()),
                "more follows the JSON object", out);
    }

    @Test
    void aFileThatIsNotUtf8IsNamedAsSuchWithoutAnExceptionName() throws Exception {
        Path latin1 = tmp.resolve("latin1.json");
        Files.write(latin1, "{\"env\": \"Pendel-\u00fc\"}".getBytes(StandardCharsets.ISO_8859_1));
        Path out = tmp.resolve("out");
        for (String flag : new String[] {"--config", "--paper-config"}) {
            int code = run("train", flag, latin1.toString(), "--out", out.toString());
            assertRefused(code, flag + " " + latin1 + ": not UTF-8 text (a byte at offset 16", out);
            assertFalse(err.toString().contains("Exception"), err.toString());
        }
    }

    @Test
    void aCompareSampleThatIsNotUtf8IsNamedAsSuch() throws Exception {
        Path latin1 = tmp.resolve("x.csv");
        Files.write(latin1, "x\n1\n2\n3\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));
        Path ok = file("y.csv", "y\n1\n2\n3\n");
        int code = run("compare", "--x", latin1.toString(), "--y", ok.toString());
        String text = err.toString().strip();
        assertEquals(2, code, text);
        assertEquals(1, text.lines().count(), text);
        assertTrue(text.endsWith("--x " + latin1 + ": not UTF-8 text (save the file as UTF-8)"), text);
    }

    @Test
    void paperConfigRefusalsNameThePapersKey() throws Exception {
        Path out = tmp.resolve("out");
        Path t = file("t.json", "{\"t\": 0}");
        assertRefused(run("train", "--paper-config", t.toString(), "--out", out.toString()),
                "--paper-config " + t + ": t (ablate4j's rollout-steps): '0' is not a positive whole number", out);
        Path lambda = file("lambda.json", "{\"lambda\": 2}");
        assertRefused(run("train", "--paper-config", lambda.toString(), "--out", out.toString()),
                ": lambda (ablate4j's gae-lambda): '2.0' is not a number in [0, 1]", out);
        Path both = file("both.json", "{\"t\": 100}");
        assertRefused(run("train", "--paper-config", both.toString(), "--out", out.toString()),
                ": num_minibatches (ablate4j's minibatches): 32 does not divide t 100", out);
        // a value given by a flag keeps ablate4j's name
        assertRefused(run("train", "--paper-config", both.toString(), "--minibatches", "7", "--out", out.toString()),
                ": minibatches: 7 does not divide t 100", out);
        assertRefused(run("train", "--paper-config", lambda.toString(), "--gae-lambda", "3", "--out",
                out.toString()), ": gae-lambda: '3' is not a number in [0, 1]", out);
    }

    @Test
    void stepsThatAreNotWholeIterationsAreRoundedUpWithANotice() throws Exception {
        Path out = tmp.resolve("out");
        int code = run("train", "--env", "Pendulum-v1", "--steps", "300", "--rollout-steps", "128", "--minibatches",
                "4", "--epochs", "1", "--hidden", "8,8", "--quiet", "--out", out.toString());
        assertEquals(0, code, err.toString());
        assertTrue(err.toString().contains("note: steps 300 is not a whole number of iterations of rollout-steps 128:"
                + " training 3 iterations = 384 env steps (config.json keeps steps 300)"), err.toString());
        assertTrue(Files.readString(out.resolve("config.json")).contains("\"steps\" : 300,"));
        assertEquals(1 + 3, Files.readAllLines(out.resolve("metrics.csv")).size());
        Path spec = file("round.yaml", "name: round\nbase: {preset: ppo, rollout-steps: 128, minibatches: 4,"
                + " epochs: 1, hidden: [8, 8]}\nenvs: [Pendulum-v1]\nseeds: 1\nsteps: 300\n");
        MatrixBadInputTest.Outcome m = MatrixBadInputTest.run("matrix", spec.toString(), "--results",
                tmp.resolve("results").toString(), "--quiet");
        assertEquals(0, m.code(), m.err());
        assertTrue(m.err().contains("note: steps 300 is not a whole number of iterations of rollout-steps 128:"
                + " training 3 iterations = 384 env steps"), m.err());
        run("train", "--env", "Pendulum-v1", "--steps", "256", "--rollout-steps", "128", "--minibatches", "4",
                "--epochs", "1", "--hidden", "8,8", "--quiet", "--out", tmp.resolve("whole").toString());
        assertFalse(err.toString().contains("note:"), err.toString());
    }
}
