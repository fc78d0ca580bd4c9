package dev.ablate4j.stats;

import java.util.SplittableRandom;

/**
 * Everything the tool reports for sample X against sample Y (e.g. final returns of a config against
 * the baseline). Build with {@link #of}.
 *
 * @param ci95MeanX       percentile bootstrap interval of mean x
 * @param ci95MeanY       percentile bootstrap interval of mean y
 * @param bcaMeanX        BCa bootstrap interval of mean x
 * @param ci95DiffMeans   percentile bootstrap interval of mean x − mean y (x and y resampled apart)
 * @param probImprovementCi percentile bootstrap interval of the probability of improvement
 * @param seedsNeeded     runs per group for 80% power at α = 0.05 at the observed |g|; -1 if none
 */
public record Comparison(
        int nX,
        int nY,
        double meanX,
        double meanY,
        double medianX,
        double medianY,
        double iqmX,
        double iqmY,
        double stdX,
        double stdY,
        WelchTest.Result welch,
        MannWhitney.Result mannWhitney,
        double probImprovement,
        Interval probImprovementCi,
        double hedgesG,
        Interval ci95MeanX,
        Interval ci95MeanY,
        Interval bcaMeanX,
        Interval ci95DiffMeans,
        int seedsNeeded) {

    /**
     * All statistics of x against y. Bootstrap intervals use {@code bootstrap} (its confidence level)
     * with streams split from {@code rng} in a fixed order, so the result depends only on the inputs
     * and the stream.
     */
    public static Comparison of(double[] x, double[] y, Bootstrap bootstrap, SplittableRandom rng) {
        SplittableRandom rMeanX = rng.split();
        SplittableRandom rMeanY = rng.split();
        SplittableRandom rDiff = rng.split();
        SplittableRandom rProb = rng.split();
        SplittableRandom rBca = rng.split();
        double g = EffectSize.hedgesG(x, y);
        return new Comparison(
                x.length,
                y.length,
                Descriptive.mean(x),
                Descriptive.mean(y),
                Descriptive.median(x),
                Descriptive.median(y),
                Descriptive.iqm(x),
                Descriptive.iqm(y),
                Descriptive.std(x),
                Descriptive.std(y),
                WelchTest.test(x, y),
                MannWhitney.test(x, y),
                ProbabilityOfImprovement.estimate(x, y),
                ProbabilityOfImprovement.interval(x, y, bootstrap, rProb),
                g,
                bootstrap.percentile(x, Descriptive::mean, rMeanX),
                bootstrap.percentile(y, Descriptive::mean, rMeanY),
                bootstrap.bca(x, Descriptive::mean, rBca),
                bootstrap.percentileTwoSample(x, y, (a, b) -> Descriptive.mean(a) - Descriptive.mean(b), rDiff),
                PowerAnalysis.seedsNeeded(g));
    }
}
