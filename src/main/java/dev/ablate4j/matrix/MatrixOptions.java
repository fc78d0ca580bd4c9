package dev.ablate4j.matrix;

import java.time.Duration;

/**
 * How a matrix execution runs.
 *
 * @param workers parallel single-threaded runs
 * @param checkpointEvery iterations between checkpoints (0 = none)
 * @param retryFailed rerun runs recorded as diverged or failed (from scratch)
 * @param reuse copy a run that another spec in the same results root finished with the identical
 *     config instead of training it again ({@link RunReuse})
 * @param heartbeat interval at which held locks are rewritten
 * @param staleAfter how long an unchanged lock of an owner on another machine counts as alive
 * @param poll how often a run held by another process is looked at again
 */
public record MatrixOptions(int workers, int checkpointEvery, boolean retryFailed, boolean reuse,
        Duration heartbeat,
        Duration staleAfter, Duration poll) {

    public MatrixOptions {
        if (workers < 1) {
            throw new SpecException("--workers: " + workers + " is not a positive whole number");
        }
        if (checkpointEvery < 0) {
            throw new SpecException("--checkpoint-every: " + checkpointEvery + " is not a whole number >= 0");
        }
        if (staleAfter.compareTo(heartbeat.multipliedBy(2)) < 0) {
            throw new SpecException("--stale-after: " + staleAfter.toSeconds()
                    + " s must be at least twice the heartbeat (" + heartbeat.toSeconds() + " s)");
        }
    }

    /**
     * Defaults: one worker per core, checkpoints every 10 iterations, reuse of identical runs, 10 s
     * heartbeat, stale after 120 s.
     */
    public static MatrixOptions defaults() {
        return new MatrixOptions(Runtime.getRuntime().availableProcessors(), 10, false, true, Duration.ofSeconds(10),
                Duration.ofSeconds(120), Duration.ofSeconds(2));
    }
}
