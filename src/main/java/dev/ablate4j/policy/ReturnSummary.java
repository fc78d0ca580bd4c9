package dev.ablate4j.policy;

import dev.ablate4j.stats.Descriptive;
import dev.ablate4j.stats.Interval;
import org.apache.commons.math3.distribution.TDistribution;

/**
 * Mean, sample standard deviation (n − 1) and the Student-t confidence interval of the mean,
 * mean ± t(1 − α/2, n − 1) · s / √n, of evaluation returns. Below two values there is no spread to
 * estimate: std and interval are NaN ("n/a" in text).
 *
 * @param n        number of returns
 * @param mean     their mean
 * @param std      sample standard deviation, NaN when n &lt; 2
 * @param interval the interval, NaN bounds when n &lt; 2
 * @param level    its confidence level, e.g. 0.95
 */
public record ReturnSummary(int n, double mean, double std, Interval interval, double level) {

    /** The confidence level of {@code evaluate}'s interval. */
    public static final double LEVEL = 0.95;

    /** The summary of {@code returns} at confidence {@code level}. */
    public static ReturnSummary of(double[] returns, double level) {
        if (returns.length == 0) {
            throw new IllegalArgumentException("no returns");
        }
        double mean = Descriptive.mean(returns);
        if (returns.length < 2) {
            return new ReturnSummary(1, mean, Double.NaN, Interval.NAN, level);
        }
        double std = Descriptive.std(returns);
        int df = returns.length - 1;
        double t = new TDistribution(null, df).inverseCumulativeProbability(1 - (1 - level) / 2);
        double half = t * std / Math.sqrt(returns.length);
        return new ReturnSummary(returns.length, mean, std, new Interval(mean - half, mean + half), level);
    }
}
