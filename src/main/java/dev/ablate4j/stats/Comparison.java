package dev.ablate4j.stats;

import java.util.SplittableRandom;

/**
 * Everything the tool reports for sample X against sample Y (e.g. final returns of a config against
 * the baseline). Build with {@link #of}.
 *
 * <p>Intervals come from {@link Intervals} (its method and confidence level; "n/a" as NaN bounds):
 *
 * @param ci95MeanX       interval of mean x
 * @param ci95MeanY       interval of mean y
 * @param bcaMeanX        BCa bootstrap interval of mean x, whatever the method
 * @param ci95DiffMeans   interval of mean x − mean y
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

    /** All statistics of x against y with the default interval method and {@code bootstrap}'s resamples. */
    public static Comparison of(double[] x, double[] y, Bootstrap bootstrap, SplittableRandom rng) {
        return of(x, y, new Intervals(IntervalMethod.DEFAULT, bootstrap), rng);
    }

    /**
     * All statistics of x against y. Bootstrap intervals draw from streams split from {@code rng} in a
     * fixed order, so the result depends only on the inputs, the method and the stream.
     */
    public static Comparison of(double[] x, double[] y, Intervals intervals, SplittableRandom rng) {
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
                intervals.probImprovement(x, y, rProb),
                g,
                intervals.mean(x, rMeanX),
                intervals.mean(y, rMeanY),
                Intervals.shown(intervals.bootstrap().bca(x, Descriptive::mean, rBca)),
                intervals.diffMeans(x, y, rDiff),
                PowerAnalysis.seedsNeeded(g));
    }
}
