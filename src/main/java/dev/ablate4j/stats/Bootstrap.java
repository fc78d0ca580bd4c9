package dev.ablate4j.stats;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.function.ToDoubleBiFunction;
import java.util.function.ToDoubleFunction;
import org.apache.commons.math3.special.Erf;

/**
 * Bootstrap confidence intervals: percentile and BCa for one sample, percentile for two independent
 * samples and for samples stratified by environment (resampling within each stratum).
 *
 * <p>A statistic receives a scratch array that is overwritten after it returns: it may reorder it
 * but must not keep it. Resampled statistics that come out NaN are dropped before taking quantiles.
 */
public final class Bootstrap {

    /** Number of resamples used unless the user asks otherwise ({@code --resamples}). */
    public static final int DEFAULT_RESAMPLES = 10_000;

    /**
     * The fewest resamples a percentile interval keeps beyond each of its ends: 25, as 1,000 resamples
     * do at 95%. With fewer, an end rests on a handful of extreme resamples; with less than one, it
     * is read off the most extreme ones, and the interval is narrower than its level says.
     */
    public static final int TAIL_RESAMPLES = 25;

    /** The most resamples {@link #resamplesFor} grants one interval. */
    public static final int MAX_RESAMPLES = 1_000_000;

    private final int resamples;
    private final double confidence;

    /**
     * @param resamples  number of bootstrap resamples, at least 100
     * @param confidence two-sided confidence level in (0, 1), e.g. 0.95
     */
    public Bootstrap(int resamples, double confidence) {
        if (resamples < 100) {
            throw new IllegalArgumentException("resamples must be at least 100, got " + resamples);
        }
        if (!(confidence > 0 && confidence < 1)) {
            throw new IllegalArgumentException("confidence must be in (0, 1), got " + confidence);
        }
        this.resamples = resamples;
        this.confidence = confidence;
    }

    /** 95% intervals from {@value #DEFAULT_RESAMPLES} resamples. */
    public static Bootstrap defaults() {
        return new Bootstrap(DEFAULT_RESAMPLES, 0.95);
    }

    /**
     * The resamples a percentile interval at {@code confidence} needs to keep {@value #TAIL_RESAMPLES}
     * beyond each end: ⌈25 / ((1 − confidence) / 2)⌉, e.g. 1,000 at 95%, 3,333,334 at 99.9985%.
     */
    public static double resamplesNeeded(double confidence) {
        return Math.ceil(TAIL_RESAMPLES / ((1 - confidence) / 2));
    }

    /**
     * Resamples for a percentile interval at {@code confidence}: {@value #DEFAULT_RESAMPLES}, or
     * {@link #resamplesNeeded} where that is more; -1 where it is more than {@value #MAX_RESAMPLES}
     * (the level is beyond what this bootstrap resolves).
     */
    public static int resamplesFor(double confidence) {
        double needed = resamplesNeeded(confidence);
        return needed > MAX_RESAMPLES ? -1 : (int) Math.max(DEFAULT_RESAMPLES, needed);
    }

    public int resamples() {
        return resamples;
    }

    public double confidence() {
        return confidence;
    }

    /** The statistic on each of the resamples of {@code x} (with replacement, same size). */
    public double[] distribution(double[] x, ToDoubleFunction<double[]> stat, SplittableRandom rng) {
        int n = x.length;
        double[] buf = new double[n];
        double[] out = new double[resamples];
        for (int b = 0; b < resamples; b++) {
            for (int i = 0; i < n; i++) {
                buf[i] = x[rng.nextInt(n)];
            }
            out[b] = stat.applyAsDouble(buf);
        }
        return out;
    }

    /** Percentile interval of {@code stat} over resamples of {@code x}; NaN bounds for an empty sample. */
    public Interval percentile(double[] x, ToDoubleFunction<double[]> stat, SplittableRandom rng) {
        if (x.length == 0) {
            return Interval.NAN;
        }
        return percentileOf(distribution(x, stat, rng));
    }

    /**
     * Bias-corrected and accelerated interval (Efron 1987) as scipy.stats.bootstrap computes it: bias
     * z₀ = Φ⁻¹(fraction of resampled statistics strictly below the estimate), acceleration from the
     * jackknife. Falls back to NaN bounds when z₀ is infinite (every resample on one side) or n &lt; 2.
     */
    public Interval bca(double[] x, ToDoubleFunction<double[]> stat, SplittableRandom rng) {
        int n = x.length;
        if (n < 2) {
            return Interval.NAN;
        }
        double estimate = stat.applyAsDouble(x.clone());
        double[] dist = distribution(x, stat, rng);
        int below = 0;
        for (double v : dist) {
            if (v < estimate) {
                below++;
            }
        }
        double z0 = probit((double) below / dist.length);
        double[] jack = new double[n];
        double[] leaveOut = new double[n - 1];
        for (int i = 0; i < n; i++) {
            for (int j = 0, k = 0; j < n; j++) {
                if (j != i) {
                    leaveOut[k++] = x[j];
                }
            }
            jack[i] = stat.applyAsDouble(leaveOut);
        }
        double jackMean = Descriptive.mean(jack);
        double num = 0;
        double den = 0;
        for (double v : jack) {
            double d = jackMean - v;
            num += d * d * d;
            den += d * d;
        }
        double a = den == 0 ? 0 : num / (6 * StrictMath.pow(den, 1.5));
        double alpha = (1 - confidence) / 2;
        double lo = adjustedLevel(z0, a, probit(alpha));
        double hi = adjustedLevel(z0, a, probit(1 - alpha));
        if (!Double.isFinite(z0) || Double.isNaN(lo) || Double.isNaN(hi)) {
            return Interval.NAN;
        }
        double[] sorted = sortedFinite(dist);
        return new Interval(Descriptive.quantileOfSorted(sorted, lo), Descriptive.quantileOfSorted(sorted, hi));
    }

    private static double adjustedLevel(double z0, double a, double z) {
        return normalCdf(z0 + (z0 + z) / (1 - a * (z0 + z)));
    }

    /**
     * Studentized (bootstrap-t) interval of the mean of {@code x}: with t* = (mean* − mean)/se* over
     * the resamples, {@code [mean − q(1 − α/2)·se, mean − q(α/2)·se]}, se = s/√n. A resample without
     * spread has an infinite t* (kept: it widens the interval, as it should at n = 3) or, when its mean
     * equals the sample's, an undefined one (dropped). NaN bounds when n &lt; 2 or the sample has no spread.
     */
    public Interval studentizedMean(double[] x, SplittableRandom rng) {
        int n = x.length;
        if (n < 2) {
            return Interval.NAN;
        }
        double m = Descriptive.mean(x);
        double se = Math.sqrt(Descriptive.variance(x) / n);
        double[] buf = new double[n];
        double[] t = new double[resamples];
        for (int b = 0; b < resamples; b++) {
            fill(buf, x, rng);
            t[b] = (Descriptive.mean(buf) - m) / Math.sqrt(spreadVariance(buf) / n);
        }
        return studentized(m, se, t);
    }

    /**
     * Studentized (bootstrap-t) interval of mean x − mean y, x and y resampled apart, each resample
     * studentized by its Welch standard error √(s²ₓ/nₓ + s²ᵧ/nᵧ). NaN bounds when either sample has
     * fewer than two values or neither has spread.
     */
    public Interval studentizedDiffMeans(double[] x, double[] y, SplittableRandom rng) {
        int nx = x.length;
        int ny = y.length;
        if (nx < 2 || ny < 2) {
            return Interval.NAN;
        }
        double d = Descriptive.mean(x) - Descriptive.mean(y);
        double se = Math.sqrt(Descriptive.variance(x) / nx + Descriptive.variance(y) / ny);
        double[] bx = new double[nx];
        double[] by = new double[ny];
        double[] t = new double[resamples];
        for (int b = 0; b < resamples; b++) {
            fill(bx, x, rng);
            fill(by, y, rng);
            double seB = Math.sqrt(spreadVariance(bx) / nx + spreadVariance(by) / ny);
            t[b] = (Descriptive.mean(bx) - Descriptive.mean(by) - d) / seB;
        }
        return studentized(d, se, t);
    }

    /**
     * The sample variance, exactly 0 when every value is equal (the two-pass formula can leave a
     * rounding residue of ~1e-26 there, which would turn a resample without spread into a finite but
     * absurd t* instead of an infinite one).
     */
    private static double spreadVariance(double[] x) {
        double first = x[0];
        for (double v : x) {
            if (v != first) {
                return Descriptive.variance(x);
            }
        }
        return 0;
    }

    private Interval studentized(double estimate, double se, double[] t) {
        if (!(se > 0)) {
            return Interval.NAN;
        }
        double[] sorted = sortedFinite(t); // drops NaN only; ±∞ stay
        if (sorted.length == 0) {
            return Interval.NAN;
        }
        double alpha = (1 - confidence) / 2;
        double lo = quantileAllowingInfinity(sorted, alpha);
        double hi = quantileAllowingInfinity(sorted, 1 - alpha);
        return new Interval(estimate - hi * se, estimate - lo * se);
    }

    /** Linear quantile as {@link Descriptive#quantileOfSorted}, where an infinite neighbour gives that infinity. */
    private static double quantileAllowingInfinity(double[] sorted, double p) {
        int n = sorted.length;
        double h = (n - 1) * p;
        int lo = (int) Math.floor(h);
        if (lo >= n - 1) {
            return sorted[n - 1];
        }
        double frac = h - lo;
        double a = sorted[lo];
        double b = sorted[lo + 1];
        if (frac == 0 || a == b) {
            return a;
        }
        if (Double.isInfinite(a)) {
            return a;
        }
        if (Double.isInfinite(b)) {
            return b;
        }
        return a + frac * (b - a);
    }

    /** Percentile interval of a statistic of two independent samples, each resampled on its own. */
    public Interval percentileTwoSample(
            double[] x, double[] y, ToDoubleBiFunction<double[], double[]> stat, SplittableRandom rng) {
        if (x.length == 0 || y.length == 0) {
            return Interval.NAN;
        }
        double[] bx = new double[x.length];
        double[] by = new double[y.length];
        double[] out = new double[resamples];
        for (int b = 0; b < resamples; b++) {
            fill(bx, x, rng);
            fill(by, y, rng);
            out[b] = stat.applyAsDouble(bx, by);
        }
        return percentileOf(out);
    }

    /**
     * Percentile interval of a statistic of several strata (e.g. one array of run scores per
     * environment), resampling within each stratum so every stratum keeps its size.
     */
    public Interval percentileStratified(
            double[][] strata, ToDoubleFunction<double[][]> stat, SplittableRandom rng) {
        Interval[] bands = percentileBandsStratified(strata, s -> new double[] {stat.applyAsDouble(s)}, rng);
        return bands[0];
    }

    /**
     * Pointwise percentile bands of a vector-valued statistic (e.g. a performance profile or a
     * learning curve), resampling within each stratum; one interval per component.
     */
    public Interval[] percentileBandsStratified(
            double[][] strata, Function<double[][], double[]> stat, SplittableRandom rng) {
        for (double[] s : strata) {
            if (s.length == 0) {
                throw new IllegalArgumentException("every stratum needs at least one value");
            }
        }
        double[][] buf = new double[strata.length][];
        for (int s = 0; s < strata.length; s++) {
            buf[s] = new double[strata[s].length];
        }
        double[][] dist = null;
        for (int b = 0; b < resamples; b++) {
            for (int s = 0; s < strata.length; s++) {
                fill(buf[s], strata[s], rng);
            }
            double[] v = stat.apply(buf);
            if (dist == null) {
                dist = new double[v.length][resamples];
            }
            for (int k = 0; k < v.length; k++) {
                dist[k][b] = v[k];
            }
        }
        Interval[] out = new Interval[dist == null ? 0 : dist.length];
        for (int k = 0; k < out.length; k++) {
            out[k] = percentileOf(dist[k]);
        }
        return out;
    }

    /** The central {@code confidence} interval of an empirical distribution (linear quantiles). */
    public Interval percentileOf(double[] distribution) {
        double[] sorted = sortedFinite(distribution);
        if (sorted.length == 0) {
            return Interval.NAN;
        }
        double alpha = (1 - confidence) / 2;
        return new Interval(
                Descriptive.quantileOfSorted(sorted, alpha), Descriptive.quantileOfSorted(sorted, 1 - alpha));
    }

    private static void fill(double[] buf, double[] from, SplittableRandom rng) {
        int n = from.length;
        for (int i = 0; i < buf.length; i++) {
            buf[i] = from[rng.nextInt(n)];
        }
    }

    /** The non-NaN values, sorted ascending. */
    private static double[] sortedFinite(double[] x) {
        double[] s = new double[x.length];
        int n = 0;
        for (double v : x) {
            if (!Double.isNaN(v)) {
                s[n++] = v;
            }
        }
        s = n == s.length ? s : Arrays.copyOf(s, n);
        Arrays.sort(s);
        return s;
    }

    /** Standard normal CDF. */
    static double normalCdf(double z) {
        return 0.5 * Erf.erfc(-z / Math.sqrt(2));
    }

    /** Standard normal quantile; ±∞ at 0 and 1. */
    static double probit(double p) {
        if (p <= 0) {
            return Double.NEGATIVE_INFINITY;
        }
        if (p >= 1) {
            return Double.POSITIVE_INFINITY;
        }
        return Math.sqrt(2) * Erf.erfInv(2 * p - 1);
    }
}
