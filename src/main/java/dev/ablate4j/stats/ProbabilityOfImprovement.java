package dev.ablate4j.stats;

import java.util.SplittableRandom;

/** Probability of improvement P(X &gt; Y) + ½ P(X = Y) of one run of X over one run of Y. */
public final class ProbabilityOfImprovement {

    private ProbabilityOfImprovement() {}

    /** The estimate over all pairs; NaN if either sample is empty. */
    public static double estimate(double[] x, double[] y) {
        if (x.length == 0 || y.length == 0) {
            return Double.NaN;
        }
        double wins = 0;
        for (double a : x) {
            for (double b : y) {
                if (a > b) {
                    wins += 1;
                } else if (a == b) {
                    wins += 0.5;
                }
            }
        }
        return wins / ((double) x.length * y.length);
    }

    /** Percentile bootstrap interval, resampling x and y independently. */
    public static Interval interval(double[] x, double[] y, Bootstrap bootstrap, SplittableRandom rng) {
        return bootstrap.percentileTwoSample(x, y, ProbabilityOfImprovement::estimate, rng);
    }
}
