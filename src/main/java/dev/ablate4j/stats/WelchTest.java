package dev.ablate4j.stats;

import org.apache.commons.math3.distribution.TDistribution;

/**
 * Welch's unequal-variances t-test, two-sided ({@code scipy.stats.ttest_ind(x, y, equal_var=False)}).
 */
public final class WelchTest {

    /** The t statistic (positive when mean x &gt; mean y), Welch–Satterthwaite degrees of freedom, p. */
    public record Result(double t, double df, double p) {}

    private WelchTest() {}

    /** The test of x against y; all NaN when either sample has fewer than two values. */
    public static Result test(double[] x, double[] y) {
        int nx = x.length;
        int ny = y.length;
        if (nx < 2 || ny < 2) {
            return new Result(Double.NaN, Double.NaN, Double.NaN);
        }
        double vx = Descriptive.variance(x) / nx;
        double vy = Descriptive.variance(y) / ny;
        double se2 = vx + vy;
        double t = (Descriptive.mean(x) - Descriptive.mean(y)) / Math.sqrt(se2);
        double df = se2 * se2 / (vx * vx / (nx - 1) + vy * vy / (ny - 1));
        if (!Double.isFinite(t) || !(df > 0)) {
            return new Result(t, df, Double.NaN);
        }
        double p = 2 * new TDistribution(null, df).cumulativeProbability(-Math.abs(t));
        return new Result(t, df, Math.min(1, p));
    }
}
