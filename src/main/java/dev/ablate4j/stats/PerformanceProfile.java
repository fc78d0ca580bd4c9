package dev.ablate4j.stats;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Performance profiles: the fraction of runs whose (normalized) score is ≥ τ, for a grid of τ. With
 * several strata (environments) the fractions are averaged over strata, so each environment weighs
 * the same whatever its number of runs.
 */
public final class PerformanceProfile {

    private PerformanceProfile() {}

    /** Fraction of {@code scores} that are ≥ tau; NaN for an empty sample. */
    public static double fractionAtLeast(double[] scores, double tau) {
        if (scores.length == 0) {
            return Double.NaN;
        }
        int count = 0;
        for (double s : scores) {
            if (s >= tau) {
                count++;
            }
        }
        return (double) count / scores.length;
    }

    /** The profile at each tau: mean over strata of the fraction of scores ≥ tau. */
    public static double[] profile(double[][] strata, double[] taus) {
        double[] out = new double[taus.length];
        for (double[] stratum : strata) {
            double[] sorted = Descriptive.sorted(stratum);
            for (int k = 0; k < taus.length; k++) {
                out[k] += (double) countAtLeast(sorted, taus[k]) / sorted.length / strata.length;
            }
        }
        return out;
    }

    /** Pointwise bootstrap bands of {@link #profile}, resampling runs within each stratum. */
    public static Interval[] bands(double[][] strata, double[] taus, Bootstrap bootstrap, SplittableRandom rng) {
        return bootstrap.percentileBandsStratified(strata, s -> profile(s, taus), rng);
    }

    /** {@code count} evenly spaced values from lo to hi inclusive. */
    public static double[] grid(double lo, double hi, int count) {
        if (count < 2) {
            throw new IllegalArgumentException("a grid needs at least 2 points, got " + count);
        }
        double[] g = new double[count];
        for (int i = 0; i < count; i++) {
            g[i] = lo + (hi - lo) * i / (count - 1);
        }
        return g;
    }

    private static int countAtLeast(double[] sorted, double tau) {
        int i = Arrays.binarySearch(sorted, tau);
        if (i < 0) {
            return sorted.length - (-i - 1);
        }
        while (i > 0 && sorted[i - 1] == tau) {
            i--;
        }
        return sorted.length - i;
    }
}
