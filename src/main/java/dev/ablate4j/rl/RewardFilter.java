package dev.ablate4j.rl;

/**
 * Reward scaling and clipping (optimizations 2 and 5), in either of the paper's two modes.
 *
 * <ul>
 *   <li>{@link Mode#RETURNS} (the paper's {@code norm_rewards: returns}, its RewardFilter): keeps a
 *       running discounted return g = gamma*g + r, restarted at 0 at every episode reset, pushes g
 *       into running statistics and divides the reward by std(g) + 1e-8; the mean is not subtracted.
 *   <li>{@link Mode#REWARDS} (the paper's {@code norm_rewards: rewards}, a ZFilter without centring):
 *       pushes r itself into running statistics and returns (r - mean)/(std + 1e-8) + mean. Episode
 *       resets change nothing.
 * </ul>
 * Clipping then bounds the (scaled) reward to +-clipMax.
 *
 * <p>Two variants for other implementations: the prior-count statistics ({@code reward-scale-stats rms},
 * Gymnasium's and SB3's {@code RunningMeanStd}: the divisor is sqrt(var + 1e-8)), and Gymnasium 0.29.1's
 * {@code NormalizeReward} return, g = g*gamma*(1 - terminated) + r ({@code reward-scale-reset gymnasium}): the
 * carried return is zeroed by the step that terminates (before its own reward is added), never by a reset,
 * so it runs on across a time-limit truncation into the next episode.
 */
public final class RewardFilter {

    /** What the scaling divides by. */
    public enum Mode {
        RETURNS("returns"), REWARDS("rewards");

        private final String id;

        Mode(String id) {
            this.id = id;
        }

        /** The mode a {@code reward-scale-mode} value names. */
        public static Mode byId(String id) {
            for (Mode m : values()) {
                if (m.id.equals(id)) {
                    return m;
                }
            }
            throw new IllegalArgumentException("reward-scale-mode: unknown mode '" + id + "'");
        }
    }

    private final boolean scale;
    private final Mode mode;
    private final boolean clip;
    private final double clipMax;
    private final double gamma;
    private final RunningMeanStd stats;
    private final boolean zeroOnTerminated;
    private double discountedReturn;

    public RewardFilter(boolean scale, Mode mode, boolean clip, double clipMax, double gamma) {
        this(scale, mode, clip, clipMax, gamma, RunningMeanStd.Formula.WELFORD, false);
    }

    /**
     * @param formula          the running statistics' formula
     * @param zeroOnTerminated Gymnasium's return: zeroed by a terminating step, not by resets
     */
    public RewardFilter(boolean scale, Mode mode, boolean clip, double clipMax, double gamma,
            RunningMeanStd.Formula formula, boolean zeroOnTerminated) {
        this.scale = scale;
        this.mode = mode;
        this.clip = clip;
        this.clipMax = clipMax;
        this.gamma = gamma;
        this.stats = new RunningMeanStd(1, formula);
        this.zeroOnTerminated = zeroOnTerminated;
    }

    /** The reward the learner sees for true reward {@code r}; updates the running statistics. */
    public double apply(double r) {
        return apply(r, false);
    }

    /** As {@link #apply(double)} for a step that {@code terminated} the episode (used by Gymnasium's return). */
    public double apply(double r, boolean terminated) {
        double x = r;
        if (scale && mode == Mode.RETURNS) {
            if (zeroOnTerminated) {
                discountedReturn = discountedReturn * gamma * (terminated ? 0.0 : 1.0) + r;
            } else {
                discountedReturn = gamma * discountedReturn + r;
            }
            stats.push(discountedReturn);
            x = r / stats.divisor(0);
        } else if (scale) {
            stats.push(r);
            x = (r - stats.mean(0)) / stats.divisor(0) + stats.mean(0);
        }
        if (clip) {
            x = Math.max(-clipMax, Math.min(clipMax, x));
        }
        return x;
    }

    /** Called at every episode reset: the running discounted return restarts at 0 (not with Gymnasium's return). */
    public void resetEpisode() {
        if (!zeroOnTerminated) {
            discountedReturn = 0;
        }
    }

    /** The running statistics: of the discounted return (returns mode) or of the reward (rewards mode). */
    public RunningMeanStd returnStats() {
        return stats;
    }

    public double discountedReturn() {
        return discountedReturn;
    }

    /** Restores the running return (the statistics are restored through {@link #returnStats()}). */
    public void restoreDiscountedReturn(double g) {
        discountedReturn = g;
    }
}
