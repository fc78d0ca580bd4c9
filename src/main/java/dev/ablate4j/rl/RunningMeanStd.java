package dev.ablate4j.rl;

/**
 * Element-wise running mean and standard deviation of a stream of vectors, in one of two formulas.
 *
 * <ul>
 *   <li>{@link Formula#WELFORD} (the paper's RunningStat, the default): Welford's algorithm, variance
 *       M2/(n-1) once n &gt; 1, the squared mean when n == 1; a filter divides by std + 1e-8.
 *   <li>{@link Formula#PRIOR_COUNT} (Gymnasium 0.29.1's and Stable-Baselines3's {@code RunningMeanStd}, which
 *       CleanRL's wrappers and {@code VecNormalize} use): starts from mean 0, variance 1 and a prior count of
 *       1e-4, merges each sample by the parallel-variance rule (population variance), and a filter divides by
 *       sqrt(var + 1e-8) ({@link #divisor}).
 * </ul>
 */
public final class RunningMeanStd {

    /** The epsilon both formulas add: to the std (Welford) or to the variance under the root (prior count). */
    public static final double EPS = 1e-8;

    /** Gymnasium's and SB3's initial count ({@code RunningMeanStd(epsilon=1e-4)}). */
    public static final double PRIOR_COUNT = 1e-4;

    /** How the statistics are kept and what a filter divides by. */
    public enum Formula {
        WELFORD("welford"), PRIOR_COUNT("rms");

        private final String id;

        Formula(String id) {
            this.id = id;
        }

        public String id() {
            return id;
        }

        /** The formula a {@code normalizer} value names. */
        public static Formula byId(String id) {
            for (Formula f : values()) {
                if (f.id.equals(id)) {
                    return f;
                }
            }
            throw new IllegalArgumentException("unknown statistics formula '" + id + "'");
        }
    }

    private final Formula formula;
    private long count;
    /** PRIOR_COUNT only: the count including the prior. */
    private double weight;
    private final double[] mean;
    /** WELFORD: the sums of squared deviations; PRIOR_COUNT: the variances. */
    private final double[] m2;

    /** Welford statistics (the paper's). */
    public RunningMeanStd(int size) {
        this(size, Formula.WELFORD);
    }

    public RunningMeanStd(int size, Formula formula) {
        this.formula = formula;
        mean = new double[size];
        m2 = new double[size];
        if (formula == Formula.PRIOR_COUNT) {
            java.util.Arrays.fill(m2, 1.0);
            weight = PRIOR_COUNT;
        }
    }

    public Formula formula() {
        return formula;
    }

    /** Adds one vector to the statistics. */
    public void push(double[] x) {
        if (formula == Formula.PRIOR_COUNT) {
            count++;
            double total = weight + 1;
            for (int i = 0; i < mean.length; i++) {
                mergeOne(i, x[i], total);
            }
            weight = total;
            return;
        }
        count++;
        for (int i = 0; i < mean.length; i++) {
            double delta = x[i] - mean[i];
            mean[i] += delta / count;
            m2[i] += delta * (x[i] - mean[i]);
        }
    }

    /**
     * The parallel-variance merge of one sample into element {@code i} with batch mean x and batch variance 0,
     * in the order of Gymnasium's {@code update_mean_var_count_from_moments}.
     */
    private void mergeOne(int i, double x, double total) {
        double delta = x - mean[i];
        double sumSquares = m2[i] * weight + delta * delta * weight / total;
        mean[i] += delta / total;
        m2[i] = sumSquares / total;
    }

    /** Adds one scalar (for size-1 statistics). */
    public void push(double x) {
        if (formula == Formula.PRIOR_COUNT) {
            count++;
            double total = weight + 1;
            mergeOne(0, x, total);
            weight = total;
            return;
        }
        count++;
        double delta = x - mean[0];
        mean[0] += delta / count;
        m2[0] += delta * (x - mean[0]);
    }

    public long count() {
        return count;
    }

    public double mean(int i) {
        return mean[i];
    }

    /**
     * Standard deviation of element {@code i}: sqrt(M2 / (n - 1)) once n &gt; 1 (the unbiased
     * estimate the paper's RunningStat uses); with a single sample, |mean|; with none, 0. With the prior-count
     * formula, sqrt(var).
     */
    public double std(int i) {
        if (formula == Formula.PRIOR_COUNT) {
            return Math.sqrt(m2[i]);
        }
        if (count > 1) {
            return Math.sqrt(m2[i] / (count - 1));
        }
        return count == 1 ? Math.abs(mean[i]) : 0.0;
    }

    /** The variance (prior-count formula) or std squared (Welford). */
    public double variance(int i) {
        if (formula == Formula.PRIOR_COUNT) {
            return m2[i];
        }
        double s = std(i);
        return s * s;
    }

    /** What a filter divides by: std + 1e-8 (Welford) or sqrt(var + 1e-8) (prior count). */
    public double divisor(int i) {
        return formula == Formula.PRIOR_COUNT ? Math.sqrt(m2[i] + EPS) : std(i) + EPS;
    }

    /** The count including the prior (prior-count formula); the sample count for Welford. */
    public double weight() {
        return formula == Formula.PRIOR_COUNT ? weight : count;
    }

    public int size() {
        return mean.length;
    }

    /**
     * State for checkpoints: count, then means, then M2 sums (Welford); with the prior-count formula the
     * count with its prior, the means, the variances and (last) the sample count.
     */
    public double[] save() {
        if (formula == Formula.PRIOR_COUNT) {
            double[] s = new double[2 + 2 * mean.length];
            s[0] = weight;
            System.arraycopy(mean, 0, s, 1, mean.length);
            System.arraycopy(m2, 0, s, 1 + mean.length, mean.length);
            s[s.length - 1] = count;
            return s;
        }
        double[] s = new double[1 + 2 * mean.length];
        s[0] = count;
        System.arraycopy(mean, 0, s, 1, mean.length);
        System.arraycopy(m2, 0, s, 1 + mean.length, mean.length);
        return s;
    }

    public void restore(double[] s) {
        if (formula == Formula.PRIOR_COUNT) {
            weight = s[0];
            count = (long) s[s.length - 1];
            System.arraycopy(s, 1, mean, 0, mean.length);
            System.arraycopy(s, 1 + mean.length, m2, 0, mean.length);
            return;
        }
        count = (long) s[0];
        System.arraycopy(s, 1, mean, 0, mean.length);
        System.arraycopy(s, 1 + mean.length, m2, 0, mean.length);
    }
}
