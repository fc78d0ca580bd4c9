package dev.ablate4j.stats;

/** Standardized mean differences of two independent samples. */
public final class EffectSize {

    private EffectSize() {}

    /** Cohen's d: (mean x − mean y) / pooled sample standard deviation; NaN if either n &lt; 2. */
    public static double cohensD(double[] x, double[] y) {
        int nx = x.length;
        int ny = y.length;
        if (nx < 2 || ny < 2) {
            return Double.NaN;
        }
        double pooled = ((nx - 1) * Descriptive.variance(x) + (ny - 1) * Descriptive.variance(y)) / (nx + ny - 2);
        return (Descriptive.mean(x) - Descriptive.mean(y)) / Math.sqrt(pooled);
    }

    /** Hedges' g: Cohen's d times the small-sample correction 1 − 3 / (4 (n_x + n_y) − 9). */
    public static double hedgesG(double[] x, double[] y) {
        int n = x.length + y.length;
        return cohensD(x, y) * (1 - 3.0 / (4 * n - 9));
    }
}
