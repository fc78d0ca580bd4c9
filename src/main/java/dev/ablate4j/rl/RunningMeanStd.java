package dev.ablate4j.rl;

/**
 * Element-wise running mean and standard deviation of a stream of vectors (Welford's algorithm).
 * Follows the paper's RunningStat: variance M2/(n-1) once n &gt; 1, the squared mean when n == 1.
 */
public final class RunningMeanStd {

    private long count;
    private final double[] mean;
    private final double[] m2;

    public RunningMeanStd(int size) {
        mean = new double[size];
        m2 = new double[size];
    }

    /** Adds one vector to the statistics. */
    public void push(double[] x) {
        count++;
        for (int i = 0; i < mean.length; i++) {
            double delta = x[i] - mean[i];
            mean[i] += delta / count;
            m2[i] += delta * (x[i] - mean[i]);
        }
    }

    /** Adds one scalar (for size-1 statistics). */
    public void push(double x) {
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
     * estimate the paper's RunningStat uses); with a single sample, |mean|; with none, 0.
     */
    public double std(int i) {
        if (count > 1) {
            return Math.sqrt(m2[i] / (count - 1));
        }
        return count == 1 ? Math.abs(mean[i]) : 0.0;
    }

    public int size() {
        return mean.length;
    }

    /** State for checkpoints: count, then means, then M2 sums. */
    public double[] save() {
        double[] s = new double[1 + 2 * mean.length];
        s[0] = count;
        System.arraycopy(mean, 0, s, 1, mean.length);
        System.arraycopy(m2, 0, s, 1 + mean.length, mean.length);
        return s;
    }

    public void restore(double[] s) {
        count = (long) s[0];
        System.arraycopy(s, 1, mean, 0, mean.length);
        System.arraycopy(s, 1 + mean.length, m2, 0, mean.length);
    }
}
