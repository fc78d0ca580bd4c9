package dev.ablate4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ablate4j.config.Keys;
import dev.ablate4j.matrix.RunExecutor;
import dev.ablate4j.run.RunOutcome;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The matrix command's exit codes, summary table and rerun behaviour. */
class MatrixCommandTest {

    @TempDir
    Path tmp;

    record Result(int code, String out, String err) {}

    static Result matrix(RunExecutor executor, String... args) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true));
            System.setErr(new PrintStream(err, true));
            MatrixCommand command = new MatrixCommand();
            if (executor != null) {
                command.executor = executor;
            }
            CommandLine cl = new CommandLine(command);
            cl.setExecutionExceptionHandler(new Errors());
            int code = cl.execute(args);
            return new Result(code, out.toString(), err.toString());
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

    private static long count(String table, String status) {
        Matcher m = Pattern.compile("(?m)^  " + Pattern.quote(status) + "\\s+(\\d+)").matcher(table);
        assertTrue(m.find(), status + " row in\n" + table);
        return Long.parseLong(m.group(1));
    }

    @Test
    void exitCodeIsZeroOnlyWhenEveryRunFinishedAndRerunsSkipOrRetry() throws Exception {
        Path spec = tmp.resolve("s.yaml");
        Files.writeString(spec, """
                name: s
                base: {preset: ppo, rollout-steps: 64, minibatches: 4, epochs: 1, hidden: [4]}
                factors: {value-clip: [true, false]}
                envs: [Pendulum-v1]
                seeds: 2
                steps: 256
                """);
        String results = tmp.resolve("r").toString();
        RunExecutor real = RunExecutor.driver(c -> null);
        AtomicInteger calls = new AtomicInteger();
        RunExecutor seedOneDiverges = (job, progress, every) -> {
            calls.incrementAndGet();
            if (job.config().get(Keys.SEED) == 1L && !job.config().on(dev.ablate4j.tweak.Optimization.VALUE_CLIP)) {
                return new RunOutcome(dev.ablate4j.results.RunStatus.DIVERGED, 2, 128, 0, 1, "non-finite value loss");
            }
            return real.execute(job, progress, every);
        };

        Result first = matrix(seedOneDiverges, spec.toString(), "--results", results, "--quiet");
        assertEquals(ExitCodes.DIVERGED, first.code, first.out + first.err);
        assertEquals(3, count(first.out, "done"));
        assertEquals(1, count(first.out, "diverged"));
        assertTrue(first.out.contains("at iteration 1: non-finite value loss"), first.out);
        assertEquals(4, calls.get());

        Result again = matrix(seedOneDiverges, spec.toString(), "--results", results);
        assertEquals(ExitCodes.DIVERGED, again.code);
        assertEquals(3, count(again.out, "skipped"));
        assertEquals(1, count(again.out, "diverged"));
        assertEquals(4, calls.get(), "nothing trained again");
        assertTrue(again.err.contains("all 4 runs already finished or recorded"), again.err);

        Result retry = matrix(null, spec.toString(), "--results", results, "--retry-failed", "--quiet");
        assertEquals(ExitCodes.OK, retry.code, retry.out + retry.err);
        assertEquals(1, count(retry.out, "done"));
        assertEquals(3, count(retry.out, "skipped"));

        Result last = matrix(null, spec.toString(), "--results", results, "--quiet");
        assertEquals(ExitCodes.OK, last.code);
        assertEquals(4, count(last.out, "skipped"));
        assertEquals(0, count(last.out, "done"));
    }

    @Test
    void progressLinesWhenNotATerminal() throws Exception {
        Path spec = tmp.resolve("p.yaml");
        Files.writeString(spec, """
                name: p
                base: {preset: ppo, rollout-steps: 64, minibatches: 4, epochs: 1, hidden: [4]}
                envs: [Pendulum-v1]
                seeds: 2
                steps: 256
                """);
        Result r = matrix(null, spec.toString(), "--results", tmp.resolve("r").toString(), "--workers", "1");
        assertEquals(0, r.code, r.err);
        assertTrue(r.err.contains("[1/2] done"), r.err);
        assertTrue(r.err.contains("[2/2] done"), r.err);
        assertTrue(r.err.contains("512/512 steps"), "the bar counts env steps: " + r.err);
        assertTrue(r.err.contains("runs 2/2"), r.err);
        assertTrue(r.out.startsWith("matrix p: 2 runs"), r.out);
    }
}
