package dev.ablate4j.stats;

import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

/**
 * The one place that turns an {@link IntervalMethod} into the interval of each statistic a report,
 * {@code compare} or the adaptive rules print, and into the words that name it in a caption.
 *
 * <table>
 * <caption>What each method computes, per statistic</caption>
 * <tr><th>statistic</th><th>t (default)</th><th>bootstrap-t</th><th>percentile</th><th>bca</th></tr>
 * <tr><td>mean</td><td>Student-t, n − 1 df</td><td>studentized bootstrap</td><td>percentile</td><td>BCa</td></tr>
 * <tr><td>mean x − mean y</td><td>Welch-t, Welch–Satterthwaite df</td><td>studentized bootstrap (Welch se)</td>
 *     <td>percentile</td><td>percentile (no two-sample BCa)</td></tr>
 * <tr><td>IQM</td><td colspan="3">percentile bootstrap (rliable's choice)</td><td>BCa</td></tr>
 * <tr><td>IQM or profile over strata, AAI/ACLI</td><td colspan="4">percentile bootstrap within strata</td></tr>
 * <tr><td>P(improve)</td><td colspan="4">percentile bootstrap, x and y resampled apart</td></tr>
 * <tr><td>factorial effect</td><td>t on the cell structure ({@link FactorialEffects})</td>
 *     <td colspan="3">percentile bootstrap within cells</td></tr>
 * </table>
 *
 * <p>Every interval goes through {@link #shown}: NaN bounds or zero width (fewer than two values,
 * no spread, or every resample alike) become {@link Interval#NAN}, which tables print as "n/a". A
 * zero-width interval is never printed as if it were one.
 */
public final class Intervals {

    /** Most bootstrap resamples accepted ({@code --resamples}); 10⁶ already pins a 95% bound to ~0.1% of its spread. */
    public static final int MAX_RESAMPLES = 1_000_000;

    /** Fewer runs per config than this and the report and {@code compare} say the intervals are weak. */
    public static final int FEW_RUNS = 5;

    /** The statistics whose interval method can differ. */
    public enum Statistic { MEAN, DIFF_MEANS, IQM, STRATIFIED, PROB_IMPROVEMENT, EFFECT }

    private final IntervalMethod method;
    private final Bootstrap boot;

    public Intervals(IntervalMethod method, Bootstrap boot) {
        this.method = method;
        this.boot = boot;
    }

    /** The default method with {@link Bootstrap#defaults()}. */
    public static Intervals defaults() {
        return new Intervals(IntervalMethod.DEFAULT, Bootstrap.defaults());
    }

    public IntervalMethod method() {
        return method;
    }

    public Bootstrap bootstrap() {
        return boot;
    }

    public double confidence() {
        return boot.confidence();
    }

    /** Interval of the mean of {@code x}. */
    public Interval mean(double[] x, SplittableRandom rng) {
        return shown(switch (method) {
            case T -> TIntervals.mean(x, confidence());
            case BOOTSTRAP_T -> boot.studentizedMean(x, rng);
            case PERCENTILE -> boot.percentile(x, Descriptive::mean, rng);
            case BCA -> boot.bca(x, Descriptive::mean, rng);
        });
    }

    /** Interval of mean x − mean y, x and y independent. */
    public Interval diffMeans(double[] x, double[] y, SplittableRandom rng) {
        return shown(switch (method) {
            case T -> TIntervals.welch(x, y, confidence());
            case BOOTSTRAP_T -> boot.studentizedDiffMeans(x, y, rng);
            case PERCENTILE, BCA -> x.length < 2 || y.length < 2 ? Interval.NAN
                    : boot.percentileTwoSample(x, y, (a, b) -> Descriptive.mean(a) - Descriptive.mean(b), rng);
        });
    }

    /** Interval of the IQM of {@code x}: BCa under {@code bca}, else percentile bootstrap. */
    public Interval iqm(double[] x, SplittableRandom rng) {
        if (x.length < 2) {
            return Interval.NAN;
        }
        return shown(method == IntervalMethod.BCA ? boot.bca(x, Descriptive::iqm, rng)
                : boot.percentile(x, Descriptive::iqm, rng));
    }

    /** Percentile interval of a statistic of strata, resampling within each (rliable's stratified bootstrap). */
    public Interval stratified(double[][] strata, ToDoubleFunction<double[][]> stat, SplittableRandom rng) {
        return shown(boot.percentileStratified(strata, stat, rng));
    }

    /** Percentile intervals of each component of a vector statistic of strata, resampling within each. */
    public Interval[] stratifiedBands(double[][] strata, Function<double[][], double[]> stat, SplittableRandom rng) {
        Interval[] out = boot.percentileBandsStratified(strata, stat, rng);
        for (int i = 0; i < out.length; i++) {
            out[i] = shown(out[i]);
        }
        return out;
    }

    /** Interval of P(X &gt; Y) + ½ P(X = Y): percentile bootstrap; NaN when either sample has fewer than 2 runs. */
    public Interval probImprovement(double[] x, double[] y, SplittableRandom rng) {
        if (x.length < 2 || y.length < 2) {
            return Interval.NAN;
        }
        return shown(boot.percentileTwoSample(x, y, ProbabilityOfImprovement::estimate, rng));
    }

    /** Main effects and interactions with this method's intervals (see {@link FactorialEffects#analyze}). */
    public FactorialEffects.Result effects(
            java.util.List<FactorialEffects.Observation> runs, java.util.List<String> factors, SplittableRandom rng) {
        return FactorialEffects.analyze(runs, factors, this, rng);
    }

    /** NaN bounds or zero width → {@link Interval#NAN}; otherwise the interval itself. */
    public static Interval shown(Interval i) {
        if (i == null || Double.isNaN(i.lo()) || Double.isNaN(i.hi()) || !(i.hi() > i.lo())) {
            return Interval.NAN;
        }
        return i;
    }

    /** "95%". */
    public String level() {
        return Math.round(confidence() * 100) + "%";
    }

    /** The method behind the interval of {@code s}, in words for captions and tables (no level, no resamples). */
    public String describe(Statistic s) {
        return switch (s) {
            case MEAN -> switch (method) {
                case T -> "Student-t";
                case BOOTSTRAP_T -> "bootstrap-t";
                case PERCENTILE -> "percentile bootstrap";
                case BCA -> "BCa bootstrap";
            };
            case DIFF_MEANS -> switch (method) {
                case T -> "Welch-t (Welch–Satterthwaite df)";
                case BOOTSTRAP_T -> "bootstrap-t (Welch standard error)";
                case PERCENTILE -> "percentile bootstrap";
                case BCA -> "percentile bootstrap (no two-sample BCa)";
            };
            case IQM -> method == IntervalMethod.BCA ? "BCa bootstrap" : "percentile bootstrap";
            case STRATIFIED -> "percentile bootstrap within strata";
            case PROB_IMPROVEMENT -> "percentile bootstrap";
            case EFFECT -> method == IntervalMethod.T
                    ? "t on the cell structure (within-config variances, Welch–Satterthwaite df)"
                    : "percentile bootstrap resampling runs within each config";
        };
    }

    /** Whether {@code s}'s interval is drawn by resampling under this method (so resamples and seed matter). */
    public boolean resamples(Statistic s) {
        return switch (s) {
            case MEAN, DIFF_MEANS -> method != IntervalMethod.T;
            case EFFECT -> method != IntervalMethod.T;
            default -> true;
        };
    }
}
