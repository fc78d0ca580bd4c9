package dev.ablate4j.matrix;

import dev.ablate4j.matrix.RunResult.Status;
import dev.ablate4j.results.CellRecord;
import dev.ablate4j.results.FailureRecord;
import dev.ablate4j.results.RunFiles;
import dev.ablate4j.results.RunIntegrity;
import dev.ablate4j.results.RunStatus;
import dev.ablate4j.run.RunDriver;
import dev.ablate4j.run.RunOutcome;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * One attempt of one planned run by a matrix worker: look at what the directory already records,
 * claim the run ({@link RunLocks}), clear what {@code --retry-failed} replaces, check the directory's
 * config, copy an identical run of another spec ({@link RunReuse}) or train (resuming from the
 * checkpoint), and record the outcome ({@code failure.json}, a {@link RunResult}).
 *
 * <p>Every path ends in exactly one {@link RunResult} handed to {@link Context#finish}, except a run
 * claimed by another live process ({@link #run} then returns false and the matrix looks again later)
 * and an error reading the directory before the claim (it propagates; the matrix records the run as
 * failed).
 * The directory is read again after the claim: another process may have finished or failed the run
 * between the first look and the claim.
 */
final class RunAttempt {

    /** What every attempt of one matrix execution shares. */
    record Context(Spec spec, Path specDir, MatrixOptions options, RunExecutor executor, MatrixListener listener,
            RunLocks locks, Consumer<RunResult> finish) {}

    /**
     * What the matrix's first look ({@code MatrixRunner.check}) allowed this attempt to replace under
     * {@code --retry-failed}.
     *
     * @param damaged the run is finished but its files fail {@link RunIntegrity#finished}
     * @param failure the {@code failure.json} content recorded then (a different one, written since by
     *     another process, is reported, not replaced), or null
     */
    record Retry(boolean damaged, String failure) {
        /** Nothing to replace. */
        static final Retry NONE = new Retry(false, null);
    }

    /** Thrown from a run's progress callback when its lock was taken over. */
    private static final class LockLostException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        LockLostException() {
            super("lock taken over by another process", null, false, false);
        }
    }

    private final Context context;
    private final ResolvedRun job;
    private final PlannedRun run;
    private final Path dir;
    private Retry retry;

    RunAttempt(Context context, ResolvedRun job, Retry retry) {
        this.context = context;
        this.job = job;
        this.run = job.run();
        this.dir = job.dir();
        this.retry = retry;
    }

    /** Tries the run once; false if another process holds it (look again later). */
    boolean run() {
        RunResult recorded = recordedBeforeClaim();
        if (recorded != null) {
            context.finish().accept(recorded);
            return true;
        }
        RunLocks.Lock lock = context.locks().tryAcquire(dir);
        if (lock == null) {
            return false;
        }
        long t0 = System.nanoTime();
        boolean untouched = false;
        try {
            RunResult settled = settleClaimed();
            untouched = settled != null && settled.status() == Status.OTHER_MUJOCO;
            context.finish().accept(settled != null ? settled : train(lock, t0));
        } catch (LockLostException e) {
            context.finish().accept(new RunResult(run, Status.LOST, null, e.getMessage(), seconds(t0), false));
        } catch (IOException | RuntimeException | StackOverflowError | OutOfMemoryError e) {
            double seconds = seconds(t0);
            if (lock.lost()) {
                context.finish().accept(new RunResult(run, Status.LOST, null, "lock taken over by another process",
                        seconds, false));
            } else {
                new FailureRecord(RunStatus.FAILED, null, null, OneLine.of(e)).write(dir);
                context.finish().accept(new RunResult(run, Status.FAILED, null, OneLine.of(e), seconds, false));
            }
        } finally {
            lock.release();
            if (untouched) {
                removeEmpty(dir);
            }
        }
        return true;
    }

    /** Removes {@code dir} and its parents below the spec directory while they are empty (the claim made them). */
    private void removeEmpty(Path dir) {
        try {
            for (Path d = dir; d != null && d.startsWith(context.specDir()) && !d.equals(context.specDir());
                    d = d.getParent()) {
                try (var entries = Files.list(d)) {
                    if (entries.findAny().isPresent()) {
                        return;
                    }
                }
                Files.delete(d);
            }
        } catch (IOException e) {
            // another process is writing there: leave it
        }
    }

    /** Before claiming: the run finished, or failed anew, in another process since the first look; else null. */
    private RunResult recordedBeforeClaim() {
        if (RunFiles.isDone(dir) && !retry.damaged()) {
            return new RunResult(run, Status.ELSEWHERE, null, null, 0, false);
        }
        String failure = readOrNull(FailureRecord.file(dir));
        if (failure != null && !failure.equals(retry.failure())) {
            return failureResult(run, dir, false);
        }
        return null;
    }

    /**
     * Under the claim: clears what {@code --retry-failed} replaces, then the result that needs no
     * training (finished elsewhere, failed elsewhere, another config, copied, not resumable), else null.
     */
    private RunResult settleClaimed() throws IOException {
        if (RunFiles.isDone(dir)) {
            if (!retry.damaged() || RunIntegrity.finished(dir).ok()) {
                return new RunResult(run, Status.ELSEWHERE, null, null, 0, false);
            }
            RunResult left = leftForOtherMujoco(); // its donor went away since the first look
            if (left != null) {
                return left;
            }
            retry = Retry.NONE;
            Files.deleteIfExists(dir.resolve(RunFiles.DONE));
            Files.deleteIfExists(dir.resolve(RunFiles.CHECKPOINT));
        }
        String failure = readOrNull(FailureRecord.file(dir));
        if (failure != null) {
            if (!failure.equals(retry.failure())) {
                return failureResult(run, dir, false);
            }
            RunResult left = leftForOtherMujoco();
            if (left != null) {
                return left;
            }
            retry = Retry.NONE;
            Files.deleteIfExists(FailureRecord.file(dir));
            Files.deleteIfExists(dir.resolve(RunFiles.CHECKPOINT));
        }
        String mismatch = ConfigMismatch.of(dir, job.config());
        if (mismatch != null) {
            return new RunResult(run, Status.FAILED, null, mismatch, 0, false);
        }
        if (context.options().reuse()) {
            RunResult reused = reuse();
            if (reused != null) {
                return reused;
            }
        }
        String otherMujoco = context.executor().cannotTrain(job.config());
        if (otherMujoco != null) { // its donor went away since the first look
            return new RunResult(run, Status.OTHER_MUJOCO, null, otherMujoco, 0, false);
        }
        String stuck = RunIntegrity.resumable(dir).reason();
        if (stuck != null) {
            String error = stuck + "; --retry-failed retrains it from the start";
            new FailureRecord(RunStatus.FAILED, null, null, error).write(dir);
            return new RunResult(run, Status.FAILED, null, error, 0, false);
        }
        return null;
    }

    /**
     * Before {@code --retry-failed} clears anything: the run names another MuJoCo than this process
     * loaded and no identical finished run can be copied, so it is left as it is; else null.
     */
    private RunResult leftForOtherMujoco() {
        String otherMujoco = leftForOtherMujoco(context.executor(), context.options(), context.specDir(), job);
        return otherMujoco == null ? null : new RunResult(run, Status.OTHER_MUJOCO, null, otherMujoco, 0, false);
    }

    /**
     * Why {@code executor} leaves {@code job} untouched (it names another MuJoCo and cannot be copied),
     * or null; the matrix's first look and the attempt under the claim ask the same.
     */
    static String leftForOtherMujoco(RunExecutor executor, MatrixOptions options, Path specDir, ResolvedRun job) {
        String otherMujoco = executor.cannotTrain(job.config());
        return otherMujoco != null && !(options.reuse() && reusable(specDir, job)) ? otherMujoco : null;
    }

    /** Whether {@link #reuse} would find a run to copy (read only: for the matrix's first look). */
    static boolean reusable(Path specDir, ResolvedRun job) {
        return !started(job.dir()) && RunReuse.findDonor(specDir, job.dir(), job.config()) != null;
    }

    private static boolean started(Path dir) {
        return Files.exists(dir.resolve(RunFiles.CHECKPOINT)) || Files.exists(dir.resolve(RunFiles.METRICS));
    }

    /** Copies the identical finished run of another spec, if there is one and this run has not started; else null. */
    private RunResult reuse() {
        if (started(dir)) {
            return null;
        }
        RunReuse.Donor donor = RunReuse.findDonor(context.specDir(), dir, job.config());
        if (donor == null) {
            return null;
        }
        cellRecord().reusedFrom(donor.name()).write(dir);
        RunReuse.copy(donor, dir);
        return new RunResult(run, Status.REUSED, null, null, 0, false);
    }

    /** Trains (or resumes) the claimed run; a run that did not finish is recorded in {@code failure.json}. */
    private RunResult train(RunLocks.Lock lock, long t0) {
        cellRecord().write(dir);
        context.listener().runStarted(run);
        RunDriver.Progress progress = (training, result, stepsPerSecond) -> {
            if (lock.lost()) {
                throw new LockLostException();
            }
            context.listener().progress(run, training.envSteps());
        };
        RunOutcome outcome = context.executor().execute(job, progress, context.options().checkpointEvery());
        double seconds = seconds(t0);
        if (outcome.done()) {
            RunLocks.clearMarkers(dir);
            return new RunResult(run, Status.DONE, null, null, seconds, false);
        }
        Status status = outcome.status() == RunStatus.DIVERGED ? Status.DIVERGED : Status.FAILED;
        new FailureRecord(outcome.status(), outcome.divergedAt(), outcome.envSteps(), outcome.error()).write(dir);
        return new RunResult(run, status, outcome.divergedAt(), outcome.error(), seconds, false);
    }

    private CellRecord cellRecord() {
        Cell cell = run.cell();
        return new CellRecord(context.spec().name(), cell.id(), cell.label(), cell.preset(),
                context.spec().design().id(), cell.factors(), cell.varied(), null);
    }

    private static double seconds(long t0) {
        return (System.nanoTime() - t0) / 1e9;
    }

    /** How a finished run whose files fail {@link RunIntegrity#finished} is reported. */
    static String damaged(String reason) {
        return "finished, but its files are damaged (" + reason + ")";
    }

    /** The run's recorded {@code failure.json} as a result. */
    static RunResult failureResult(PlannedRun run, Path dir, boolean earlier) {
        FailureRecord f = FailureRecord.read(dir);
        if (f == null) {
            return new RunResult(run, Status.FAILED, null, null, 0, earlier);
        }
        return new RunResult(run, f.diverged() ? Status.DIVERGED : Status.FAILED, f.iteration(), f.error(), 0, earlier);
    }

    /** A file's content, or null if there is none. */
    static String readOrNull(Path file) {
        try {
            return Files.readString(file);
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
