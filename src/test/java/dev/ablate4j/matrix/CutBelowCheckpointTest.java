package dev.ablate4j.matrix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ablate4j.config.TrainConfig;
import dev.ablate4j.matrix.RunResult.Status;
import dev.ablate4j.results.RunFiles;
import dev.ablate4j.run.RunDriver;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run killed after a checkpoint whose metrics.csv was then cut below it: matrix records it as failed
 * with a reason that says how to go on (not an IOException), and {@code --retry-failed} retrains it.
 */
class CutBelowCheckpointTest {

    @TempDir
    Path tmp;

    private static final String SPEC = Specs.twoByTwo("cut").replace("seeds: 2", "seeds: 1");

    private Summary run(Plan plan, boolean retry) {
        MatrixOptions options = new MatrixOptions(1, 2, retry, false, Duration.ofMillis(100), Duration.ofSeconds(2),
                Duration.ofMillis(50));
        return new MatrixRunner(plan, Shard.ALL, tmp, options,
                (job, progress, every) -> RunDriver.runOrResume(job.config(), job.dir(), null, progress, every),
                MatrixListener.NONE).run();
    }

    @Test
    void aRunCutBelowItsCheckpointFailsWithTheReasonAndRetryFailedRetrainsIt() throws IOException {
        Plan plan = Specs.plan(SPEC);
        PlannedRun first = plan.runs().get(0);
        Path dir = first.dir(plan.specDir(tmp));
        TrainConfig config = Expansion.runConfig(plan.spec(), first);
        try {
            RunDriver.runOrResume(config, dir, null, (training, result, sps) -> {
                if (training.iteration() == 3) {
                    throw new IllegalStateException("killed");
                }
            }, 2);
        } catch (IllegalStateException expected) {
            // as a kill -9 after iteration 3 would leave it: checkpoint after iteration 2
        }
        Path metrics = dir.resolve(RunFiles.METRICS);
        List<String> lines = Files.readAllLines(metrics);
        Files.writeString(metrics, String.join("\n", lines.subList(0, 2)) + "\n");

        Summary s = run(plan, false);
        assertEquals(1, s.count(Status.FAILED));
        RunResult failed = s.results().stream().filter(r -> r.status() == Status.FAILED).findFirst().orElseThrow();
        assertTrue(failed.error().startsWith("metrics.csv is shorter (") && failed.error().endsWith(
                "--retry-failed retrains it from the start"), failed.error());

        Summary retried = run(plan, true);
        assertEquals(1, retried.count(Status.DONE), retried.table());
        assertTrue(retried.allFinished());
        assertTrue(Files.exists(dir.resolve(RunFiles.DONE)));
    }
}
