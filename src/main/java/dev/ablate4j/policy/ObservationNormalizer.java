package dev.ablate4j.policy;

import dev.ablate4j.rl.ObservationFilter;
import dev.ablate4j.rl.RunningMeanStd;

/**
 * The observation filter of a saved policy, frozen at the end of training: with {@code normalize},
 * o' = (o − mean) / (std + epsilon); then, with {@code clip}, o' clipped to ±clipMax. The
 * arithmetic is {@link ObservationFilter}'s with its statistics read only, so a saved policy sees
 * exactly the inputs the trained one saw.
 *
 * @param normalize whether observations are normalized (optimization 6, {@code obs-norm})
 * @param clip      whether they are clipped after that (optimization 7, {@code obs-clip})
 * @param clipMax   the clip bound (used only with {@code clip}), positive
 * @param epsilon   added to the std before dividing ({@link ObservationFilter#EPS})
 * @param count     observations the running statistics took in during training
 * @param mean      running mean per observation component
 * @param std       running standard deviation per component ({@link RunningMeanStd#std})
 */
public record ObservationNormalizer(boolean normalize, boolean clip, double clipMax, double epsilon, long count,
        double[] mean, double[] std) {

    public ObservationNormalizer {
        if (mean.length != std.length) {
            throw new BadPolicyException("observation_filter: mean has " + mean.length + " values but std has "
                    + std.length);
        }
        if (!(clipMax > 0) || Double.isInfinite(clipMax)) {
            throw new BadPolicyException("observation_filter.clip_max must be a positive finite number, got " + clipMax);
        }
        if (!(epsilon >= 0) || Double.isInfinite(epsilon)) {
            throw new BadPolicyException("observation_filter.epsilon must be a finite number >= 0, got " + epsilon);
        }
        if (count < 0) {
            throw new BadPolicyException("observation_filter.count must be >= 0, got " + count);
        }
        for (int i = 0; i < std.length; i++) {
            if (!(std[i] >= 0) || Double.isInfinite(std[i])) {
                throw new BadPolicyException("observation_filter.std[" + i + "] must be a finite number >= 0, got "
                        + std[i]);
            }
            if (!Double.isFinite(mean[i])) {
                throw new BadPolicyException("observation_filter.mean[" + i + "] must be finite, got " + mean[i]);
            }
            if (normalize && std[i] + epsilon == 0) {
                throw new BadPolicyException("observation_filter: std[" + i + "] + epsilon is 0; normalizing would "
                        + "divide by zero");
            }
        }
        mean = mean.clone();
        std = std.clone();
    }

    /** The filter of a training run as it stands (its statistics copied). */
    public static ObservationNormalizer of(RunningMeanStd stats, boolean normalize, boolean clip, double clipMax) {
        double[] mean = new double[stats.size()];
        double[] std = new double[stats.size()];
        // prior-count statistics divide by sqrt(var + 1e-8): saved as that std with epsilon 0, the same divisor
        boolean prior = stats.formula() == RunningMeanStd.Formula.PRIOR_COUNT;
        for (int i = 0; i < mean.length; i++) {
            mean[i] = stats.mean(i);
            std[i] = prior ? stats.divisor(i) : stats.std(i);
        }
        return new ObservationNormalizer(normalize, clip, clipMax, prior ? 0.0 : ObservationFilter.EPS, stats.count(),
                mean, std);
    }

    /** Observation width. */
    public int size() {
        return mean.length;
    }

    @Override
    public double[] mean() {
        return mean.clone();
    }

    @Override
    public double[] std() {
        return std.clone();
    }

    /** std[i] + epsilon: the divisor of component {@code i}, computed as the training filter computes it. */
    public double scale(int i) {
        return std[i] + epsilon;
    }

    /** Filters {@code raw} into {@code out} (statistics unchanged). */
    public void apply(double[] raw, double[] out) {
        for (int i = 0; i < raw.length; i++) {
            double x = raw[i];
            if (normalize) {
                x = (x - mean[i]) / (std[i] + epsilon);
            }
            if (clip) {
                x = Math.max(-clipMax, Math.min(clipMax, x));
            }
            out[i] = x;
        }
    }
}
