package dev.ablate4j.rl;

/**
 * Observation normalization and clipping (optimizations 6 and 7): o' = (o - mean) / (std + 1e-8)
 * with running statistics updated by every observation seen in training (reset states included),
 * then clipped to +-clipMax. Either part can be off; with both off the filter is the identity. With
 * the prior-count statistics ({@code obs-norm-stats rms}, Gymnasium's and SB3's) the divisor is
 * sqrt(var + 1e-8) instead ({@link RunningMeanStd#divisor}).
 */
public final class ObservationFilter {

    /** Added to the std before dividing, as in the paper's code. */
    public static final double EPS = 1e-8;

    private final boolean normalize;
    private final boolean clip;
    private final double clipMax;
    private final RunningMeanStd stats;

    public ObservationFilter(int size, boolean normalize, boolean clip, double clipMax) {
        this(size, normalize, clip, clipMax, RunningMeanStd.Formula.WELFORD);
    }

    public ObservationFilter(int size, boolean normalize, boolean clip, double clipMax,
            RunningMeanStd.Formula formula) {
        this.normalize = normalize;
        this.clip = clip;
        this.clipMax = clipMax;
        this.stats = new RunningMeanStd(size, formula);
    }

    /**
     * Filters {@code raw} into {@code out}; when {@code update} is true the running statistics
     * first take in {@code raw} (training), otherwise they are left as they are (evaluation).
     */
    public void apply(double[] raw, boolean update, double[] out) {
        if (normalize && update) {
            stats.push(raw);
        }
        for (int i = 0; i < raw.length; i++) {
            double x = raw[i];
            if (normalize) {
                x = (x - stats.mean(i)) / stats.divisor(i);
            }
            if (clip) {
                x = Math.max(-clipMax, Math.min(clipMax, x));
            }
            out[i] = x;
        }
    }

    /** The running statistics take in {@code raw} (when normalizing), nothing is filtered. */
    public void update(double[] raw) {
        if (normalize) {
            stats.push(raw);
        }
    }

    public RunningMeanStd stats() {
        return stats;
    }
}
