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
    private final RunningMeanStd stats = new RunningMeanStd(1);
    private double discountedReturn;

    public RewardFilter(boolean scale, Mode mode, boolean clip, double clipMax, double gamma) {
        this.scale = scale;
        this.mode = mode;
        this.clip = clip;
        this.clipMax = clipMax;
        this.gamma = gamma;
    }

    /** The reward the learner sees for true reward {@code r}; updates the running statistics. */
    public double apply(double r) {
        double x = r;
        if (scale && mode == Mode.RETURNS) {
            discountedReturn = gamma * discountedReturn + r;
            stats.push(discountedReturn);
            x = r / (stats.std(0) + ObservationFilter.EPS);
        } else if (scale) {
            stats.push(r);
            x = (r - stats.mean(0)) / (stats.std(0) + ObservationFilter.EPS) + stats.mean(0);
        }
        if (clip) {
            x = Math.max(-clipMax, Math.min(clipMax, x));
        }
        return x;
    }

    /** Called at every episode reset: the running discounted return restarts at 0. */
    public void resetEpisode() {
        discountedReturn = 0;
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
