package dev.ablate4j.stats;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Measured coverage of nominal intervals: draw many samples from a population whose mean (or IQM) is
 * known, compute the interval of each with a method, and count how often it holds the truth. Pure
 * and seeded: the same arguments give the same counts on every JVM (normals by Box–Muller with
 * {@link StrictMath}, streams from {@link Seeds}).
 *
 * <p>All methods see the same samples (common random numbers: the data stream depends on the data,
 * the statistic, n and the seed, not on the method), so differences between methods are not noise of
 * the data draw. An interval with NaN bounds ("n/a") counts as not covering; an infinite one covers.
 * The Monte-Carlo standard error of a coverage p over r samples is √(p(1 − p)/r).
 */
public final class CoverageStudy {

    /** A population to draw from. */
    public enum Data {
        /** x, y ~ N(0, 1). */
        NORMAL("normal N(0, 1)"),
        /** x ~ N(0, 1), y ~ N(0, 2²): unequal variances (differences only). */
        NORMAL_UNEQUAL("normal, sd 1 vs 2"),
        /** x, y ~ lognormal(0, σ = 1); mean e^½. */
        LOGNORMAL("lognormal σ = 1"),
        /** x, y ~ 25% N(300, 80²) (failed seeds) + 75% N(2500, 300²); mean 1950. */
        BIMODAL("bimodal 25% failed"),
        /** x: Walker2d paper:trpo+, y: paper:trpo final returns, 40 each, drawn without replacement. */
        WALKER("Walker2d trpo+ / trpo");

        private final String label;

        Data(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** The statistic whose interval is measured. */
    public enum Target {
        MEAN("mean"), DIFF_MEANS("mean x − mean y"), IQM("IQM");

        private final String label;

        Target(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** One measured cell: {@code covered} of {@code reps} intervals held the truth. */
    public record Cell(Data data, Target target, int n, IntervalMethod method, int reps, int covered, double meanWidth) {

        public double coverage() {
            return (double) covered / reps;
        }

        /** Monte-Carlo standard error of {@link #coverage()}. */
        public double mcError() {
            double p = coverage();
            return Math.sqrt(p * (1 - p) / reps);
        }
    }

    private final double[] walkerX;
    private final double[] walkerY;

    /**
     * @param walkerTrpoPlus the population of {@link Data#WALKER}'s x (e.g. 40 final returns)
     * @param walkerTrpo     the population of its y
     */
    public CoverageStudy(double[] walkerTrpoPlus, double[] walkerTrpo) {
        this.walkerX = walkerTrpoPlus.clone();
        this.walkerY = walkerTrpo.clone();
    }

    /** Whether the table has a row for this combination (e.g. no IQM truth for lognormal here). */
    public static boolean applies(Data d, Target t, IntervalMethod m) {
        if (d == Data.NORMAL_UNEQUAL && t != Target.DIFF_MEANS) {
            return false;
        }
        if (t == Target.IQM) {
            // truth known for symmetric normal (= mean) and the finite Walker population; t and
            // bootstrap-t fall back to the percentile bootstrap for an IQM
            return (d == Data.NORMAL || d == Data.WALKER) && (m == IntervalMethod.PERCENTILE || m == IntervalMethod.BCA);
        }
        // a difference under bca is the percentile bootstrap (no two-sample BCa)
        return !(t == Target.DIFF_MEANS && m == IntervalMethod.BCA);
    }

    /** The population value the intervals should hold. */
    public double truth(Data d, Target t) {
        return switch (t) {
            case MEAN -> mean(d, true);
            case DIFF_MEANS -> mean(d, true) - mean(d, false);
            case IQM -> d == Data.WALKER ? Descriptive.iqm(walkerX) : 0.0;
        };
    }

    private double mean(Data d, boolean x) {
        return switch (d) {
            case NORMAL, NORMAL_UNEQUAL -> 0.0;
            case LOGNORMAL -> StrictMath.exp(0.5);
            case BIMODAL -> 0.25 * 300 + 0.75 * 2500;
            case WALKER -> Descriptive.mean(x ? walkerX : walkerY);
        };
    }

    /**
     * Coverage of nominal {@code confidence} intervals of {@code t} by {@code m} over {@code reps}
     * samples of size n (each of x and y for a difference).
     */
    public Cell measure(Data d, Target t, int n, IntervalMethod m, int reps, int resamples, double confidence, long seed) {
        if (n < 2) {
            throw new IllegalArgumentException("n must be at least 2, got " + n);
        }
        if (d == Data.WALKER && (n > walkerX.length || n > walkerY.length)) {
            throw new IllegalArgumentException("n = " + n + " exceeds the Walker2d population of " + walkerX.length);
        }
        SplittableRandom data = Seeds.stream(seed, "coverage", d.name(), t.name(), Integer.toString(n));
        SplittableRandom boot = Seeds.stream(seed, "coverage-bootstrap", d.name(), t.name(), Integer.toString(n), m.name());
        Intervals iv = new Intervals(m, new Bootstrap(resamples, confidence));
        double truth = truth(d, t);
        int covered = 0;
        double width = 0;
        int finite = 0;
        for (int r = 0; r < reps; r++) {
            double[] x = draw(d, true, n, data);
            double[] y = t == Target.DIFF_MEANS ? draw(d, false, n, data) : null;
            Interval ci = switch (t) {
                case MEAN -> iv.mean(x, boot);
                case DIFF_MEANS -> iv.diffMeans(x, y, boot);
                case IQM -> iv.iqm(x, boot);
            };
            if (ci.contains(truth)) {
                covered++;
            }
            if (ci.isFinite()) {
                width += ci.width();
                finite++;
            }
        }
        return new Cell(d, t, n, m, reps, covered, finite == 0 ? Double.NaN : width / finite);
    }

    /** Every applicable cell for the given sizes and methods, in table order. */
    public List<Cell> table(List<Data> data, List<Target> targets, List<Integer> ns, List<IntervalMethod> methods,
            int reps, int resamples, double confidence, long seed) {
        List<Cell> out = new ArrayList<>();
        for (Target t : targets) {
            for (Data d : data) {
                for (int n : ns) {
                    if (d == Data.WALKER && n > Math.min(walkerX.length, walkerY.length)) {
                        continue;
                    }
                    for (IntervalMethod m : methods) {
                        if (applies(d, t, m)) {
                            out.add(measure(d, t, n, m, reps, resamples, confidence, seed));
                        }
                    }
                }
            }
        }
        return out;
    }

    /** One sample of size n from x's (or y's) population. */
    double[] draw(Data d, boolean x, int n, SplittableRandom rng) {
        double[] out = new double[n];
        switch (d) {
            case NORMAL -> fillNormal(out, 0, 1, rng);
            case NORMAL_UNEQUAL -> fillNormal(out, 0, x ? 1 : 2, rng);
            case LOGNORMAL -> {
                fillNormal(out, 0, 1, rng);
                for (int i = 0; i < n; i++) {
                    out[i] = StrictMath.exp(out[i]);
                }
            }
            case BIMODAL -> {
                for (int i = 0; i < n; i++) {
                    boolean failed = rng.nextDouble() < 0.25;
                    out[i] = failed ? 300 + 80 * normal(rng) : 2500 + 300 * normal(rng);
                }
            }
            case WALKER -> {
                double[] pop = (x ? walkerX : walkerY).clone();
                for (int i = 0; i < n; i++) { // partial Fisher–Yates: n draws without replacement
                    int j = i + rng.nextInt(pop.length - i);
                    double tmp = pop[i];
                    pop[i] = pop[j];
                    pop[j] = tmp;
                    out[i] = pop[i];
                }
            }
            default -> throw new IllegalStateException();
        }
        return out;
    }

    private static void fillNormal(double[] out, double mean, double sd, SplittableRandom rng) {
        for (int i = 0; i < out.length; i++) {
            out[i] = mean + sd * normal(rng);
        }
    }

    /** A standard normal by Box–Muller (one of the pair), StrictMath throughout. */
    static double normal(SplittableRandom rng) {
        double u1 = 1.0 - rng.nextDouble(); // (0, 1]
        double u2 = rng.nextDouble();
        return StrictMath.sqrt(-2 * StrictMath.log(u1)) * StrictMath.cos(2 * StrictMath.PI * u2);
    }
}
