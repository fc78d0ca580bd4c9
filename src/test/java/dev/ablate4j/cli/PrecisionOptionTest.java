package dev.ablate4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ablate4j.results.RunFiles;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;

/** {@code --precision} on the command line: float32 lands in config.json, float64 stays out, a bad value is exit 2. */
class PrecisionOptionTest {

    @TempDir
    Path tmp;

    private final StringWriter err = new StringWriter();

    private int train(Path out, String... more) {
        CommandLine cl = Main.commandLine();
        cl.setErr(new PrintWriter(err, true));
        cl.setOut(new PrintWriter(new StringWriter(), true));
        String[] base = {"train", "--env", "Pendulum-v1", "--steps", "512", "--rollout-steps", "256",
            "--minibatches", "4", "--epochs", "2", "--hidden", "8,8", "--quiet", "--out", out.toString()};
        String[] all = new String[base.length + more.length];
        System.arraycopy(base, 0, all, 0, base.length);
        System.arraycopy(more, 0, all, base.length, more.length);
        return cl.execute(all);
    }

    private static Map<?, ?> config(Path run) throws Exception {
        return new com.fasterxml.jackson.databind.ObjectMapper().readValue(run.resolve(RunFiles.CONFIG).toFile(),
                Map.class);
    }

    @Test
    void float32IsRecordedAndFloat64IsLeftOut() throws Exception {
        assertEquals(0, train(tmp.resolve("f32"), "--precision", "float32"), err.toString());
        assertEquals("float32", config(tmp.resolve("f32")).get("precision"));
        assertEquals(0, train(tmp.resolve("f64"), "--precision", "float64"), err.toString());
        assertFalse(config(tmp.resolve("f64")).containsKey("precision"));
        assertEquals(0, train(tmp.resolve("default")), err.toString());
        assertEquals(Files.readString(tmp.resolve("f64").resolve(RunFiles.METRICS)),
                Files.readString(tmp.resolve("default").resolve(RunFiles.METRICS)));
        assertFalse(Files.readString(tmp.resolve("f32").resolve(RunFiles.METRICS))
                .equals(Files.readString(tmp.resolve("f64").resolve(RunFiles.METRICS))));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "--precision float16|precision: 'float16' is not float64 or float32",
        "--precision float32 --backend auto|precision: float32 runs on backend java only, not auto"})
    void badPrecisionIsOneLineExitTwoAndWritesNothing(String args, String message) {
        Path out = tmp.resolve("bad");
        assertEquals(ExitCodes.BAD_INPUT, train(out, args.split(" ")));
        String e = err.toString();
        assertTrue(e.startsWith("error: "), e);
        assertTrue(e.contains(message), e);
        assertEquals(1, e.strip().lines().count(), e);
        assertFalse(Files.exists(out), "nothing written");
    }
}
