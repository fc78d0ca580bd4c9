package dev.ablate4j.matrix;

/**
 * What became of one planned run in one matrix execution.
 *
 * @param run the run
 * @param status its status
 * @param iteration for diverged runs, the iteration it diverged at (else null)
 * @param error for diverged and failed runs, the message (else null)
 * @param seconds wall time spent on it by this execution
 * @param earlier true when the status was recorded before this execution (not run now)
 */
public record RunResult(PlannedRun run, Status status, Integer iteration, String error, double seconds,
        boolean earlier) {

    /** How a run ended, from this execution's point of view. */
    public enum Status {
        /** Trained to the end by this execution. */
        DONE("done"),
        /** Already done when this execution started. */
        SKIPPED("skipped"),
        /** Finished by another process while this execution was running. */
        ELSEWHERE("done elsewhere"),
        /** Copied from the identical run of another spec in the same results root ({@code reused_from}). */
        REUSED("reused"),
        /** Training diverged (non-finite loss or parameters); recorded in failure.json. */
        DIVERGED("diverged"),
        /** Training threw an error; recorded in failure.json. */
        FAILED("failed"),
        /** Another process took the run over (this one was judged stale); it was stopped. */
        LOST("lost"),
        /**
         * Not touched: the run names another MuJoCo than this process loaded ({@code mujoco} as a factor);
         * a process that loads that MuJoCo trains it.
         */
        OTHER_MUJOCO("other MuJoCo");

        private final String word;

        Status(String word) {
            this.word = word;
        }

        public String word() {
            return word;
        }

        /** Whether the run is complete (its DONE marker exists). */
        public boolean finished() {
            return this == DONE || this == SKIPPED || this == ELSEWHERE || this == REUSED;
        }
    }
}
