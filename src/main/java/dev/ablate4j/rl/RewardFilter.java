package dev.ablate4j.rl;

/**
 * Reward scaling and clipping (optimizations 2 and 5). Scaling keeps a running discounted return
 * g = gamma*g + r, restarted at 0 at every episode reset, pushes g into running statistics and
 * divides the reward by std(g) + 1e-8 (the mean is not subtracted). Clipping then bounds the
 * (scaled) reward to +-clipMax.
 */
public final class RewardFilter {

    private final boolean scale;
    private final boolean clip;
    private final double clipMax;
    private final double gamma;
    private final RunningMeanStd returnStats = new RunningMeanStd(1);
    private double discountedReturn;

    public RewardFilter(boolean scale, boolean clip, double clipMax, double gamma) {
        this.scale = scale;
        this.clip = clip;
        this.clipMax = clipMax;
        this.gamma = gamma;
    }

    /** The reward the learner sees for true reward {@code r}; updates the running return. */
    public double apply(double r) {
        double x = r;
        if (scale) {
            discountedReturn = gamma * discountedReturn + r;
            returnStats.push(discountedReturn);
            x = r / (returnStats.std(0) + ObservationFilter.EPS);
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

    public RunningMeanStd returnStats() {
        return returnStats;
    }

    public double discountedReturn() {
        return discountedReturn;
    }

    /** Restores the running return (the statistics are restored through {@link #returnStats()}). */
    public void restoreDiscountedReturn(double g) {
        discountedReturn = g;
    }
}
