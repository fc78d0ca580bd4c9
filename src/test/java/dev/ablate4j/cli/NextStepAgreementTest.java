package dev.ablate4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ablate4j.config.Keys;
import dev.ablate4j.matrix.RunExecutor;
import dev.ablate4j.results.RunFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code plan --next-round} refuses exactly what {@code matrix} refuses (a changed adaptive rule, a
 * changed environment override: exit 2, the same message), and a round that waits on a failed run
 * exits {@link ExitCodes#WAITING} with its own message, distinct from "complete" (exit 0, nothing
 * listed) and from "runs to train" (exit 0, runs listed). Before, the first two exited 0 (listing a
 * round, or "all 4 runs finished") and the third exited 0 with empty output.
 */
class NextStepAgreementTest {

    @TempDir
    Path tmp;

    private static final String FIXED = """
            name: ov
            base: {preset: ppo, rollout-steps: 64, minibatches: 4, epochs: 1, hidden: [4]}
            factors: {preset: [ppo, trpo]}
            overrides:
              - when: {env: Pendulum-v1}
                set: {value-lr: 1.0e-3}
            envs: [Pendulum-v1]
            seeds: 2
            steps: 128
            """;

    private static MatrixBadInputTest.Outcome plan(Path spec, Path results, String... more) {
        String[] args = Stream.concat(Stream.of("plan", spec.toString(), "--results", results.toString(),
                "--next-round"), Stream.of(more)).toArray(String[]::new);
        return MatrixBadInputTest.run(args);
    }

    private static MatrixBadInputTest.Outcome matrix(Path spec, Path results, String... more) {
        String[] args = Stream.concat(Stream.of("matrix", spec.toString(), "--results", results.toString(),
                "--quiet"), Stream.of(more)).toArray(String[]::new);
        return MatrixBadInputTest.run(args);
    }

    /** The error line of a refused command. */
    private static String errorLine(MatrixBadInputTest.Outcome o) {
        List<String> lines = o.err().lines().filter(l -> l.startsWith("error: ")).toList();
        assertEquals(1, lines.size(), o.err());
        return lines.get(0);
    }

    @Test
    void aChangedAdaptiveRuleIsRefusedByPlanWithMatrixsMessage() throws IOException {
        Path spec = Files.writeString(tmp.resolve("ad.yaml"), AdaptiveMatrixTest.SPEC);
        Path results = tmp.resolve("r");
        MatrixBadInputTest.Outcome firstShard = matrix(spec, results, "--shard", "1/2");
        assertEquals(0, firstShard.code(), firstShard.err());
        assertEquals(0, plan(spec, results).code(), "the rule as written: runs to train");

        Files.writeString(spec, AdaptiveMatrixTest.SPEC.replace("max: 4", "max: 5"));
        MatrixBadInputTest.Outcome m = matrix(spec, results);
        MatrixBadInputTest.Outcome p = plan(spec, results);
        MatrixBadInputTest.Outcome g = plan(spec, results, "--emit", "github", "--shards", "2");
        assertEquals(ExitCodes.BAD_INPUT, m.code(), m.err());
        assertEquals(ExitCodes.BAD_INPUT, p.code(), p.out() + p.err());
        assertEquals(ExitCodes.BAD_INPUT, g.code(), g.out() + g.err());
        assertTrue(errorLine(m).contains("was written for another adaptive rule"), m.err());
        assertEquals(errorLine(m), errorLine(p));
        assertEquals(errorLine(m), errorLine(g));
        assertEquals("", p.out());
        assertEquals("", g.out(), "no shards emitted for a round matrix refuses");
    }

    @Test
    void aChangedEnvironmentOverrideIsRefusedByPlanAsByMatrixEvenWhenEveryRunFinished() throws IOException {
        Path spec = Files.writeString(tmp.resolve("ov.yaml"), FIXED);
        Path results = tmp.resolve("r");
        assertEquals(0, matrix(spec, results).code());
        MatrixBadInputTest.Outcome complete = plan(spec, results);
        assertEquals(0, complete.code(), complete.err());
        assertEquals("", complete.out());
        assertTrue(complete.err().contains("all 4 runs finished"), complete.err());

        Files.writeString(spec, FIXED.replace("value-lr: 1.0e-3", "value-lr: 2.0e-3"));
        MatrixBadInputTest.Outcome m = matrix(spec, results);
        MatrixBadInputTest.Outcome p = plan(spec, results);
        assertEquals(ExitCodes.BAD_INPUT, m.code(), m.err());
        assertEquals(ExitCodes.BAD_INPUT, p.code(), p.out() + p.err());
        assertTrue(errorLine(m).contains("a spec change altered their config without changing the cell id"), m.err());
        assertEquals(errorLine(m), errorLine(p));
        assertEquals("", p.out());
    }

    @Test
    void aChangedEnvironmentOverrideOfACompleteAdaptiveSpecIsRefusedByPlanAsByMatrix() throws IOException {
        String spec = AdaptiveMatrixTest.SPEC.replace("envs: [Pendulum-v1]", """
                overrides:
                  - when: {env: Pendulum-v1}
                    set: {value-lr: 1.0e-3}
                envs: [Pendulum-v1]""");
        Path file = Files.writeString(tmp.resolve("ad.yaml"), spec);
        Path results = tmp.resolve("r");
        assertEquals(0, matrix(file, results).code());
        MatrixBadInputTest.Outcome complete = plan(file, results);
        assertEquals(0, complete.code(), complete.err());
        assertEquals("", complete.out(), "the rule holds: nothing to train");

        Files.writeString(file, spec.replace("value-lr: 1.0e-3", "value-lr: 2.0e-3"));
        MatrixBadInputTest.Outcome m = matrix(file, results);
        MatrixBadInputTest.Outcome p = plan(file, results);
        assertEquals(ExitCodes.BAD_INPUT, m.code(), m.out() + m.err());
        assertEquals(ExitCodes.BAD_INPUT, p.code(), p.out() + p.err());
        assertEquals(errorLine(m), errorLine(p));
    }

    @Test
    void aRoundWaitingOnAFailedRunHasItsOwnExitCodeAndMessage() throws IOException {
        Path spec = Files.writeString(tmp.resolve("ad.yaml"), AdaptiveMatrixTest.SPEC);
        Path results = tmp.resolve("r");
        RunExecutor real = RunExecutor.driver(c -> null);
        RunExecutor seedZeroFails = (job, progress, every) -> {
            if (job.config().get(Keys.SEED) == 0L && job.config().preset().equals("trpo")) {
                throw new IllegalStateException("disk on fire");
            }
            return real.execute(job, progress, every);
        };
        MatrixCommandTest.Result failed = MatrixCommandTest.matrix(seedZeroFails, spec.toString(), "--results",
                results.toString(), "--quiet");
        assertEquals(ExitCodes.DIVERGED, failed.code(), failed.out() + failed.err());

        for (String emit : new String[] {"list", "github", "slurm"}) {
            MatrixBadInputTest.Outcome p = plan(spec, results, "--emit", emit);
            assertEquals(ExitCodes.WAITING, p.code(), emit + ": " + p.out() + p.err());
            assertEquals("", p.out(), emit);
            assertTrue(p.err().contains("ad: waiting on 1 failed run (") && p.err().contains("/seed-0)")
                    && p.err().contains("matrix --retry-failed reruns it"), p.err());
        }

        // a finished run whose files were damaged later waits the same way
        MatrixBadInputTest.Outcome retried = matrix(spec, results, "--retry-failed");
        assertEquals(0, retried.code(), retried.out() + retried.err());
        MatrixBadInputTest.Outcome complete = plan(spec, results);
        assertEquals(0, complete.code(), complete.err());
        assertEquals("", complete.out(), "complete: nothing listed");
        Path someRun;
        try (Stream<Path> s = Files.walk(results.resolve("ad"))) {
            someRun = s.filter(p -> p.getFileName().toString().equals("seed-3")).sorted().findFirst().orElseThrow();
        }
        Path metrics = someRun.resolve(RunFiles.METRICS);
        List<String> lines = Files.readAllLines(metrics);
        Files.writeString(metrics, String.join("\n", lines.subList(0, 2)) + "\n");
        assertTrue(Files.notExists(someRun.resolve(RunFiles.FAILURE)));
        MatrixBadInputTest.Outcome damaged = plan(spec, results);
        MatrixBadInputTest.Outcome m = matrix(spec, results);
        assertEquals(ExitCodes.DIVERGED, m.code(), "matrix counts it failed: " + m.out() + m.err());
        assertEquals(ExitCodes.WAITING, damaged.code(), damaged.out() + damaged.err());
        assertTrue(damaged.err().contains("waiting on 1 failed run (") && damaged.err().contains("seed-3)"),
                damaged.err());
    }
}
