package dev.ablate4j.algo.trpo;

/**
 * TRPO's backtracking line search along the full natural-gradient step: try fractions 1, 1/2, 1/4,
 * ... ({@code maxBacktracks} halvings, so maxBacktracks + 1 tries) and accept the first whose
 * surrogate improvement is positive, whose mean KL(old||new) is at most delta, and (with
 * {@code acceptRatio} &gt; 0) whose improvement exceeds acceptRatio times the improvement the
 * gradient predicts for it, fraction * g's. The paper's {@code backtracking_line_search} uses
 * ratio 0.1 and 10 tries (2^0 ... 2^-9).
 */
final class LineSearch {

    private LineSearch() {}

    /** What a trial step did: the surrogate there and the mean KL from the old policy. */
    record Trial(double surrogate, double kl) {}

    /** The accepted step: its fraction of the full step and the surrogate there. */
    record Result(double fraction, double surrogate) {}

    /** Moves the policy to old + fraction * full step and measures it. */
    interface Step {
        Trial at(double fraction);
    }

    /**
     * The first accepted fraction, or null if none is (the caller restores the old parameters).
     * The policy is left at the accepted step. {@code maxBacktracks} &lt; 0 tries nothing.
     *
     * @param oldSurrogate the surrogate of the old policy
     * @param expected     the improvement the gradient predicts for the full step, g's (&gt; 0)
     */
    static Result run(Step step, int maxBacktracks, double oldSurrogate, double maxKl, double acceptRatio,
            double expected) {
        double fraction = 1;
        for (int j = 0; j <= maxBacktracks; j++, fraction *= 0.5) {
            Trial trial = step.at(fraction);
            double improvement = trial.surrogate() - oldSurrogate;
            if (improvement > 0 && trial.kl() <= maxKl
                    && meetsExpectation(improvement, fraction * expected, acceptRatio)) {
                return new Result(fraction, trial.surrogate());
            }
        }
        return null;
    }

    /** The paper's test actual/expected &gt; acceptRatio; no test at ratio 0 (ablate4j's default). */
    private static boolean meetsExpectation(double improvement, double expected, double acceptRatio) {
        return acceptRatio == 0 || improvement / expected > acceptRatio;
    }
}
