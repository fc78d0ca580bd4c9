package dev.ablate4j.stats;

import java.util.Arrays;

/** Descriptive statistics of a sample. None of these methods modifies its argument. */
public final class Descriptive {

    private Descriptive() {}

    /** Arithmetic mean; NaN for an empty sample. */
    public static double mean(double[] x) {
        if (x.length == 0) {
            return Double.NaN;
        }
        double sum = 0;
        for (double v : x) {
            sum += v;
        }
        return sum / x.length;
    }

    /** Sample variance (n − 1 denominator, two-pass); NaN when n &lt; 2. */
    public static double variance(double[] x) {
        if (x.length < 2) {
            return Double.NaN;
        }
        double m = mean(x);
        double ss = 0;
        for (double v : x) {
            double d = v - m;
            ss += d * d;
        }
        return ss / (x.length - 1);
    }

    /** Sample standard deviation (n − 1 denominator); NaN when n &lt; 2. */
    public static double std(double[] x) {
        return Math.sqrt(variance(x));
    }

    /** Median (average of the two middle values for even n); NaN for an empty sample. */
    public static double median(double[] x) {
        return quantile(x, 0.5);
    }

    /**
     * The {@code p}-quantile with linear interpolation between order statistics (numpy's default):
     * position {@code p (n − 1)} in the sorted sample.
     */
    public static double quantile(double[] x, double p) {
        if (x.length == 0) {
            return Double.NaN;
        }
        return quantileOfSorted(sorted(x), p);
    }

    /** As {@link #quantile} for a sample that is already sorted ascending. */
    public static double quantileOfSorted(double[] sorted, double p) {
        int n = sorted.length;
        if (n == 0) {
            return Double.NaN;
        }
        if (!(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException("quantile level must be in [0, 1], got " + p);
        }
        double h = (n - 1) * p;
        int lo = (int) Math.floor(h);
        if (lo >= n - 1) {
            return sorted[n - 1];
        }
        double frac = h - lo;
        return sorted[lo] + frac * (sorted[lo + 1] - sorted[lo]);
    }

    /**
     * Interquartile mean: the 25% trimmed mean, {@code scipy.stats.trim_mean(x, 0.25)}.
     */
    public static double iqm(double[] x) {
        return trimmedMean(x, 0.25);
    }

    /**
     * Mean after dropping {@code floor(proportion · n)} values from each end of the sorted sample
     * (scipy's {@code trim_mean}); NaN for an empty sample.
     */
    public static double trimmedMean(double[] x, double proportion) {
        if (!(proportion >= 0 && proportion < 0.5)) {
            throw new IllegalArgumentException("trim proportion must be in [0, 0.5), got " + proportion);
        }
        int n = x.length;
        if (n == 0) {
            return Double.NaN;
        }
        int cut = (int) (proportion * n);
        double[] s = sorted(x);
        double sum = 0;
        for (int i = cut; i < n - cut; i++) {
            sum += s[i];
        }
        return sum / (n - 2 * cut);
    }

    /** Largest value; NaN for an empty sample. */
    public static double max(double[] x) {
        double m = Double.NaN;
        for (double v : x) {
            m = Double.isNaN(m) ? v : Math.max(m, v);
        }
        return m;
    }

    /** Smallest value; NaN for an empty sample. */
    public static double min(double[] x) {
        double m = Double.NaN;
        for (double v : x) {
            m = Double.isNaN(m) ? v : Math.min(m, v);
        }
        return m;
    }

    /** The values that are neither NaN nor infinite, in their original order. */
    public static double[] finite(double[] x) {
        return Arrays.stream(x).filter(Double::isFinite).toArray();
    }

    /** An ascending copy. */
    public static double[] sorted(double[] x) {
        double[] s = x.clone();
        Arrays.sort(s);
        return s;
    }
}
