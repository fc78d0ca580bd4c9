package dev.ablate4j.report.sections;

import dev.ablate4j.stats.Descriptive;
import org.apache.commons.math3.distribution.TDistribution;

/**
 * Mean of one cell's runs with a Student-t interval (exact for normal data at any n ≥ 2, where a
 * percentile bootstrap of a mean is too narrow at the seed counts RL papers use); no interval from
 * a single run.
 */
final class CellInterval {

    private CellInterval() {}

    static InteractionChart.Cell of(double[] v, double confidence) {
        int n = v.length;
        if (n == 0) {
            return new InteractionChart.Cell(Double.NaN, Double.NaN, Double.NaN, 0);
        }
        double mean = Descriptive.mean(v);
        if (n < 2) {
            return new InteractionChart.Cell(mean, Double.NaN, Double.NaN, n);
        }
        double sd = Descriptive.std(v);
        double q = new TDistribution(null, n - 1).inverseCumulativeProbability(1 - (1 - confidence) / 2);
        double half = q * sd / StrictMath.sqrt(n);
        return new InteractionChart.Cell(mean, mean - half, mean + half, n);
    }
}
