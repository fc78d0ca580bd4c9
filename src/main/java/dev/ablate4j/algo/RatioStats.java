package dev.ablate4j.algo;

import dev.ablate4j.nn.Fn;
import dev.ablate4j.nn.GaussianPolicy;

/**
 * How far the current policy has moved from the one that collected a batch: the largest
 * probability ratio pi_new/pi_old over the samples, the exact mean KL(old||new) of the Gaussians,
 * the sample estimate of KL ((r-1) - log r, averaged), and the fraction of ratios outside
 * [1 - eps, 1 + eps]. These are the paper's trust-region measurements.
 */
public record RatioStats(double maxRatio, double meanKl, double approxKl, double clipFraction) {

    /**
     * Measures the current {@code policy} on n samples (obs, actions) collected by the old policy
     * whose log-probabilities, means and log-std are given.
     */
    public static RatioStats measure(GaussianPolicy policy, double[] obs, double[] actions, double[] oldLogProbs,
            double[] oldMeans, double[] oldLogStd, int n, double clipEps, double[] scratch) {
        policy.logProb(obs, actions, n, scratch);
        double maxRatio = Double.NEGATIVE_INFINITY;
        double approx = 0;
        int clipped = 0;
        for (int i = 0; i < n; i++) {
            double logRatio = scratch[i] - oldLogProbs[i];
            double ratio = Fn.exp(logRatio);
            maxRatio = Math.max(maxRatio, ratio);
            approx += (ratio - 1) - logRatio;
            if (Math.abs(ratio - 1) > clipEps) {
                clipped++;
            }
        }
        double meanKl = policy.meanKl(obs, n, oldMeans, oldLogStd);
        return new RatioStats(maxRatio, meanKl, approx / n, (double) clipped / n);
    }
}
