package dev.ablate4j.matrix;

/** Receives what a matrix execution does, for progress display. Called from worker threads. */
public interface MatrixListener {

    /**
     * Before {@link #started}, once for each run to train that has a checkpoint: the env steps it
     * will resume at (as far as can be seen when the execution starts).
     */
    default void resumable(PlannedRun run, long envSteps) {}

    /**
     * Before {@link #started}, when some runs name another MuJoCo than this process loaded and are left
     * untouched ({@link RunResult.Status#OTHER_MUJOCO}): how many.
     */
    default void leftForOtherMujoco(int runs) {}

    /**
     * Before the first run: how many runs in total, how many will be trained, and the env steps
     * this execution has left to make for them (checkpointed steps not counted).
     */
    default void started(int total, int toRun, long stepsToRun) {}

    /** A run was claimed and its training starts (or resumes). */
    default void runStarted(PlannedRun run) {}

    /** After an iteration of a run: env steps so far in that run (including steps before a resume). */
    default void progress(PlannedRun run, long envSteps) {}

    /** A run's status is known (also for runs skipped or finished elsewhere). */
    default void runFinished(RunResult result) {}

    /**
     * Right after {@link #started}, for each run whose status the first look settled (done, failed
     * or diverged before, or left for another MuJoCo): not among the runs to train, so not in
     * {@code stepsToRun}. By default the same as {@link #runFinished}.
     */
    default void settledAtStart(RunResult result) {
        runFinished(result);
    }

    /** After the last run. */
    default void finished() {}

    MatrixListener NONE = new MatrixListener() {};
}
