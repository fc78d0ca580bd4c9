package dev.ablate4j.matrix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ablate4j.config.Keys;
import dev.ablate4j.config.TrainConfig;
import dev.ablate4j.matrix.RunResult.Status;
import dev.ablate4j.results.FailureRecord;
import dev.ablate4j.results.RunFiles;
import dev.ablate4j.results.RunStatus;
import dev.ablate4j.run.RunDriver;
import dev.ablate4j.run.RunOutcome;
import dev.ablate4j.tweak.Optimization;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import java.util.stream.Stream;
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
        return run(plan, executor, reuse, false);
    }

    private Summary run(Plan plan, RunExecutor executor, boolean reuse, boolean retryFailed) {
        MatrixOptions options = new MatrixOptions(2, 2, retryFailed, reuse, Duration.ofMillis(100),
                Duration.ofSeconds(2), Duration.ofMillis(50));
        return new MatrixRunner(plan, Shard.ALL, tmp, options, executor, MatrixListener.NONE).run();
    }

    /** Every file below {@code dir} with its size and a hash of its bytes. */
    private static Map<String, String> files(Path dir) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path f : all.filter(Files::isRegularFile).toList()) {
                byte[] bytes = Files.readAllBytes(f);
                files.put(dir.getParent().getParent().getFileName() + "/" + dir.relativize(f), bytes.length + " bytes, hash " + Arrays.hashCode(bytes));
            }
        }
        return files;
    }

    /** After the first look ({@code started}), removes the results of spec {@code name}: the donors go away. */
    private MatrixListener removing(String name, int toRun) {
        return new MatrixListener() {
            @Override
            public void started(int total, int toRun0, long stepsToRun) {
                assertEquals(toRun, toRun0, "the first look found the runs to copy");
                try (Stream<Path> all = Files.walk(tmp.resolve(name))) {
                    for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                        Files.delete(p);
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        };
    }

    @Test
    void aRunWhoseDonorWentAwayBeforeTheClaimIsLeftWithNothingWritten() throws IOException {
        run(Specs.plan(Specs.twoByTwo("gone")), new Partial(c -> false), true);
        Plan plan = Specs.plan(Specs.twoByTwo("copies"));
        MatrixOptions options = new MatrixOptions(2, 2, false, true, Duration.ofMillis(100), Duration.ofSeconds(2),
                Duration.ofMillis(50));
        Partial none = new Partial(c -> true);
        Summary left = new MatrixRunner(plan, Shard.ALL, tmp, options, none, removing("gone", 8)).run();
        assertEquals(8, left.count(Status.OTHER_MUJOCO), left.table());
        assertEquals(List.of(), none.trained);
        try (Stream<Path> all = Files.list(plan.specDir(tmp))) {
            assertEquals(List.of(), all.toList(), "no run or cell directory is left behind by the claims");
        }
    }

    @Test
    void aDamagedRunWhoseDonorWentAwayBeforeTheClaimKeepsItsFiles() throws IOException {
        run(Specs.plan(Specs.twoByTwo("gone")), new Partial(c -> false), true);
        Plan plan = Specs.plan(Specs.twoByTwo("damaged"));
        run(plan, new Partial(c -> false), false);
        Path damaged = plan.runs().get(0).dir(plan.specDir(tmp));
        Files.delete(damaged.resolve(RunFiles.METRICS)); // not started either: the first look finds it copyable
        Map<String, String> before = files(damaged);
        MatrixOptions retry = new MatrixOptions(2, 2, true, true, Duration.ofMillis(100), Duration.ofSeconds(2),
                Duration.ofMillis(50));
        Partial none = new Partial(c -> true);
        Summary left = new MatrixRunner(plan, Shard.ALL, tmp, retry, none, removing("gone", 1)).run();
        assertEquals(Status.OTHER_MUJOCO, left.results().get(0).status(), left.table());
        assertEquals(7, left.count(Status.SKIPPED), left.table());
        assertEquals(before, files(damaged), "its DONE marker stays: " + left.table());
        assertEquals(List.of(), none.trained);
    }

    @Test
    void retryFailedLeavesADamagedOrFailedRunOfTheOtherMujocoAsItIs() throws IOException {
        Plan plan = Specs.plan(Specs.twoByTwo("damaged"));
        run(plan, new Partial(c -> false), true);
        Predicate<TrainConfig> noValueClip = c -> !c.get(Keys.toggle(Optimization.VALUE_CLIP));
        List<PlannedRun> left = plan.runs().stream()
                .filter(r -> noValueClip.test(Expansion.runConfig(plan.spec(), r))).toList();
        Path damaged = left.get(0).dir(plan.specDir(tmp));
        Files.delete(damaged.resolve(RunFiles.METRICS)); // finished, but its files are damaged
        Path failed = left.get(1).dir(plan.specDir(tmp));
        Files.delete(failed.resolve(RunFiles.DONE));
        new FailureRecord(RunStatus.FAILED, null, null, "killed").write(failed);
        Map<String, String> before = files(damaged);
        before.putAll(files(failed));

        Partial here = new Partial(noValueClip);
        Summary retried = run(plan, here, true, true);
        Map<String, String> after = files(damaged);
        after.putAll(files(failed));
        assertEquals(before, after, "nothing of a run left for the other MuJoCo is deleted or"
                + " written: " + retried.table());
        assertEquals(List.of(), here.trained);
        for (RunResult r : retried.results()) {
            boolean other = r.run() == left.get(0) || r.run() == left.get(1);
            assertEquals(other ? Status.OTHER_MUJOCO : Status.SKIPPED, r.status(), r.run().id() + ": "
                    + retried.table());
        }
        assertTrue(retried.table().contains("needs MuJoCo 9.9.9 (this process loaded 2.2.2); finished, but its files"
                + " are damaged (no metrics.csv)"), retried.table());

        Summary there = run(plan, new Partial(noValueClip.negate()), true, true);
        assertEquals(2, there.count(Status.DONE), "the other MuJoCo retrains both: " + there.table());
        assertTrue(there.allFinished(), there.table());
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
    void theProgressLineCountsTheRunsLeftForTheOtherMujoco() {
        Plan plan = Specs.plan(Specs.twoByTwo("progress"));
        Predicate<TrainConfig> noValueClip = c -> !c.get(Keys.toggle(Optimization.VALUE_CLIP));
        MatrixOptions options = new MatrixOptions(2, 2, false, true, Duration.ofMillis(100), Duration.ofSeconds(2),
                Duration.ofMillis(50));
        for (String expected : List.of("progress: 4 of 8 runs to train, 1,024 env steps left; 4 left for a process"
                + " that loads their MuJoCo", "progress: nothing to train under this MuJoCo: 4 of 8 runs finished or"
                + " recorded, 4 left for a process that loads their MuJoCo")) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            ProgressReporter reporter = new ProgressReporter(new PrintStream(bytes, true, StandardCharsets.UTF_8),
                    false, 1000, "progress");
            new MatrixRunner(plan, Shard.ALL, tmp, options, new Partial(noValueClip), reporter).run();
            String out = bytes.toString(StandardCharsets.UTF_8);
            assertTrue(out.startsWith(expected + System.lineSeparator()), out);
            assertFalse(out.contains("already finished"), out);
        }
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
