package dev.ablate4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;

class BenchCommandTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cl = new CommandLine(new BenchCommand());
        cl.setExecutionExceptionHandler(new Errors());
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        return cl.execute(args);
    }

    @Test
    void benchTrainsThePaperConfigurationAndPrintsSpeedAndHeap() {
        assertEquals(0, run("--steps", "2048"), err.toString());
        String table = out.toString();
        assertTrue(table.contains("ppo on Pendulum-v1, 2048 env steps (1 iterations of 2048)"), table);
        assertTrue(table.contains("10 epochs x 32 minibatches"), table);
        for (String row : new String[] {"sampling", "update", "total", "steady state", "heap: peak", "machine: "}) {
            assertTrue(table.contains(row), row + " missing in:\n" + table);
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "--steps 0|--steps: 0 is not a positive whole number",
        "--backend torch|backend: 'torch' is not java, nd4j or auto",
        "--precision half|precision: 'half' is not float64 or float32",
        "--matrix --workers 1|--workers: 1 must be at least 2",
        "--matrix --workers 2 --spec no-such-spec.yaml|--spec: no-such-spec.yaml is not a file"})
    void badInputIsOneLineAndExitCodeTwo(String args, String message) {
        assertEquals(ExitCodes.BAD_INPUT, run(args.split(" ")));
        assertTrue(err.toString().startsWith("error: "), err.toString());
        assertTrue(err.toString().contains(message), err.toString());
        assertEquals(1, err.toString().strip().lines().count(), err.toString());
    }
}
