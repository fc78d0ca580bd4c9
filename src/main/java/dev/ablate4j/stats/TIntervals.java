package dev.ablate4j.stats;

import org.apache.commons.math3.distribution.TDistribution;

/**
 * Intervals from Student's t distribution: of a mean ({@code scipy.stats.t.interval(conf, n − 1,
 * mean, sem)}), of a difference of two independent means with Welch–Satterthwaite degrees of freedom
 * (the interval that agrees with {@link WelchTest}: it excludes 0 exactly when Welch's two-sided
 * p &lt; 1 − conf), and of any linear contrast given its standard error and degrees of freedom.
 *
 * <p>Exact when the data are normal (Welch's approximately so). A sample with fewer than two values
 * or no spread has no estimable standard error: the interval is {@link Interval#NAN}, never a
 * zero-width interval.
 */
public final class TIntervals {

    private TIntervals() {}

    /** Interval of the mean of {@code x}; NaN bounds when n &lt; 2 or every value is equal. */
    public static Interval mean(double[] x, double confidence) {
        int n = x.length;
        if (n < 2) {
            return Interval.NAN;
        }
        return around(Descriptive.mean(x), Math.sqrt(Descriptive.variance(x) / n), n - 1, confidence);
    }

    /** Welch interval of mean x − mean y; NaN bounds when either sample has &lt; 2 values or both have no spread. */
    public static Interval welch(double[] x, double[] y, double confidence) {
        int nx = x.length;
        int ny = y.length;
        if (nx < 2 || ny < 2) {
            return Interval.NAN;
        }
        double vx = Descriptive.variance(x) / nx;
        double vy = Descriptive.variance(y) / ny;
        double se2 = vx + vy;
        double df = se2 * se2 / (vx * vx / (nx - 1) + vy * vy / (ny - 1));
        return around(Descriptive.mean(x) - Descriptive.mean(y), Math.sqrt(se2), df, confidence);
    }

    /**
     * {@code estimate ± t(df) · se}, the quantile at (1 + confidence) / 2; NaN bounds unless se &gt; 0
     * and df &gt; 0 are finite.
     */
    public static Interval around(double estimate, double se, double df, double confidence) {
        if (!Double.isFinite(estimate) || !(se > 0) || !Double.isFinite(se) || !(df > 0) || !Double.isFinite(df)) {
            return Interval.NAN;
        }
        double h = quantile(df, (1 + confidence) / 2) * se;
        return new Interval(estimate - h, estimate + h);
    }

    /** The p-quantile of Student's t with {@code df} degrees of freedom. */
    public static double quantile(double df, double p) {
        return new TDistribution(null, df, 1e-12).inverseCumulativeProbability(p);
    }
}
