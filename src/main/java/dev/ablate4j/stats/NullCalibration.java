package dev.ablate4j.stats;

import java.util.SplittableRandom;

/**
 * False-positive rates of the tests a report uses, measured on the report's own runs by resampling
 * under the null hypothesis (after Colas, Sigaud and Oudeyer, "A Hitchhiker's Guide to Statistical
 * Comparisons of Reinforcement Learning Algorithms", 2019, who measured them on real RL returns):
 * <ul>
 *   <li>{@link #oneConfig}: both groups drawn with replacement from one config's runs, so they
 *       share one distribution exactly;</li>
 *   <li>{@link #centred}: each group drawn with replacement from its own config's runs after
 *       subtracting that config's mean, so the means are equal while the shapes and spreads of the
 *       two configs are kept (Welch's setting).</li>
 * </ul>
 * Each replicate applies every test at the sizes of the real comparison and counts a rejection at
 * level α: Welch p &lt; α, Mann–Whitney p &lt; α, and "the interval of Δ mean excludes 0". A test that
 * cannot be computed on a replicate (a constant resample) counts as not rejecting. Resampling a
 * handful of runs gives a discrete distribution with ties, which is part of what is measured: the
 * rates are those of the tests on data shaped like these runs, at these n.
 */
public final class NullCalibration {

    /** Rates above this are flagged as the test being too liberal on this data. */
    public static final double FLAG_ABOVE = 0.075;

    /** How the report computes its interval of mean x − mean y (one replicate, its own stream). */
    @FunctionalInterface
    public interface DiffInterval {
        Interval of(double[] x, double[] y, SplittableRandom rng);
    }

    /** Rejection counts out of {@code reps} replicates. */
    public record Rates(int reps, int welch, int mannWhitney, int interval) {

        public double welchRate() {
            return (double) welch / reps;
        }

        public double mannWhitneyRate() {
            return (double) mannWhitney / reps;
        }

        public double intervalRate() {
            return (double) interval / reps;
        }

        /** Whether a count's rate is above {@link #FLAG_ABOVE}. */
        public boolean flagged(int count) {
            return reps > 0 && (double) count / reps > FLAG_ABOVE;
        }
    }

    private NullCalibration() {}

    /** Both groups (sizes nx, ny) drawn with replacement from {@code pool}. */
    public static Rates oneConfig(double[] pool, int nx, int ny, int reps, double alpha, DiffInterval interval,
            SplittableRandom rng) {
        return run(pool, pool, nx, ny, reps, alpha, interval, rng);
    }

    /** Each group drawn with replacement from its own sample centred on its mean, at the samples' sizes. */
    public static Rates centred(double[] x, double[] y, int reps, double alpha, DiffInterval interval,
            SplittableRandom rng) {
        return run(centre(x), centre(y), x.length, y.length, reps, alpha, interval, rng);
    }

    private static Rates run(double[] fromX, double[] fromY, int nx, int ny, int reps, double alpha,
            DiffInterval interval, SplittableRandom rng) {
        if (fromX.length == 0 || fromY.length == 0 || nx < 1 || ny < 1 || reps < 1) {
            return new Rates(0, 0, 0, 0);
        }
        int welch = 0;
        int mw = 0;
        int ci = 0;
        double[] x = new double[nx];
        double[] y = new double[ny];
        for (int r = 0; r < reps; r++) {
            SplittableRandom rep = rng.split();
            for (int i = 0; i < nx; i++) {
                x[i] = fromX[rep.nextInt(fromX.length)];
            }
            for (int i = 0; i < ny; i++) {
                y[i] = fromY[rep.nextInt(fromY.length)];
            }
            if (WelchTest.test(x, y).p() < alpha) {
                welch++;
            }
            if (MannWhitney.test(x, y).p() < alpha) {
                mw++;
            }
            Interval d = interval.of(x, y, rep);
            if (d.lo() > 0 || d.hi() < 0) {
                ci++;
            }
        }
        return new Rates(reps, welch, mw, ci);
    }

    private static double[] centre(double[] v) {
        double m = Descriptive.mean(v);
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = v[i] - m;
        }
        return out;
    }
}
