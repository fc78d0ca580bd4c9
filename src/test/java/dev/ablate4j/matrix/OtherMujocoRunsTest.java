package dev.ablate4j.matrix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ablate4j.config.Keys;
import dev.ablate4j.config.TrainConfig;
import dev.ablate4j.matrix.RunResult.Status;
import dev.ablate4j.run.RunDriver;
import dev.ablate4j.run.RunOutcome;
import dev.ablate4j.tweak.Optimization;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs a process cannot train (with {@code mujoco} as a factor: runs of another MuJoCo than it loads)
 * are left untouched for a process that can, unless an identical finished run can be copied. Tiny
 * Pendulum runs stand in for MuJoCo ones: what the matrix does depends only on
 * {@link RunExecutor#cannotTrain}.
 */
class OtherMujocoRunsTest {

    @TempDir
    Path tmp;

    /** Trains for real; refuses the configs {@code refused} matches, as a process on another MuJoCo would. */
    private static final class Partial implements RunExecutor {
        final List<String> trained = new CopyOnWriteArrayList<>();
        final Predicate<TrainConfig> refused;

        Partial(Predicate<TrainConfig> refused) {
            this.refused = refused;
        }

        @Override
        public RunOutcome execute(ResolvedRun job, RunDriver.Progress progress, int every) {
            trained.add(job.run().id());
            return RunDriver.runOrResume(job.config(), job.dir(), null, progress, every);
        }

        @Override
        public String cannotTrain(TrainConfig config) {
            return refused.test(config) ? "needs MuJoCo 9.9.9 (this process loaded 2.2.2)" : null;
        }
    }

    private Summary run(Plan plan, RunExecutor executor, boolean reuse) {
        MatrixOptions options = new MatrixOptions(2, 2, false, reuse, Duration.ofMillis(100), Duration.ofSeconds(2),
                Duration.ofMillis(50));
        return new MatrixRunner(plan, Shard.ALL, tmp, options, executor, MatrixListener.NONE).run();
    }

    @Test
    void theOtherProcessTrainsWhatThisOneLeftAndNothingOfItIsWritten() {
        Plan plan = Specs.plan(Specs.twoByTwo("both"));
        Predicate<TrainConfig> noValueClip = c -> !c.get(Keys.toggle(Optimization.VALUE_CLIP));
        Partial here = new Partial(noValueClip);
        Summary first = run(plan, here, true);
        assertEquals(4, first.count(Status.DONE), first.table());
        assertEquals(4, first.count(Status.OTHER_MUJOCO), first.table());
        assertFalse(first.allFinished(), "the matrix exits 3: not every run is done");
        assertTrue(first.table().contains("other MuJoCo") && first.table().contains("run the spec again under it")
                && first.table().contains("needs MuJoCo 9.9.9"), first.table());
        for (PlannedRun r : plan.runs()) {
            boolean left = noValueClip.test(Expansion.runConfig(plan.spec(), r));
            assertEquals(left, !Files.exists(r.dir(plan.specDir(tmp))), r.id() + ": nothing written for a run left");
            assertEquals(!left, here.trained.contains(r.id()), r.id());
        }
        for (Cell c : plan.cells()) {
            boolean left = !(Boolean) c.factors().get("value-clip");
            assertEquals(left, !Files.exists(plan.specDir(tmp).resolve(c.id())), c.label() + ": no empty cell directory");
        }

        Partial there = new Partial(noValueClip.negate());
        Summary second = run(plan, there, true);
        assertEquals(4, second.count(Status.DONE), second.table());
        assertEquals(4, second.count(Status.SKIPPED), "the first process's runs count as done here");
        assertTrue(second.allFinished(), second.table());
    }

    @Test
    void aRunItCannotTrainIsCopiedWhenAnotherSpecFinishedIt() {
        run(Specs.plan(Specs.twoByTwo("donor")), new Partial(c -> false), true);
        Plan plan = Specs.plan(Specs.twoByTwo("copies"));
        Partial none = new Partial(c -> true);
        Summary copied = run(plan, none, true);
        assertEquals(8, copied.count(Status.REUSED), copied.table());
        assertEquals(List.of(), none.trained);
        assertTrue(copied.allFinished());

        Plan other = Specs.plan(Specs.twoByTwo("no-reuse"));
        Summary refused = run(other, new Partial(c -> true), false);
        assertEquals(8, refused.count(Status.OTHER_MUJOCO), "--no-reuse: nothing to copy, nothing trained");
        assertFalse(Files.exists(other.specDir(tmp).resolve(other.cells().get(0).id())));
    }
}
