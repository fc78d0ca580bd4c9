package dev.ablate4j.rl;

/** Mean, variance and standardization of the first n entries of an array, summed in index order. */
public final class Moments {

    private Moments() {}

    public static double mean(double[] x, int n) {
        double sum = 0;
        for (int i = 0; i < n; i++) {
            sum += x[i];
        }
        return sum / n;
    }

    /** Population variance (divide by n). */
    public static double variance(double[] x, int n) {
        double mean = mean(x, n);
        double sum = 0;
        for (int i = 0; i < n; i++) {
            double d = x[i] - mean;
            sum += d * d;
        }
        return sum / n;
    }

    /**
     * Standardizes x[0..n) in place: (x - mean) / (std + 1e-8), std with Bessel's correction as
     * torch's {@code Tensor.std()} in the paper's code.
     */
    public static void standardize(double[] x, int n) {
        double mean = mean(x, n);
        double sum = 0;
        for (int i = 0; i < n; i++) {
            double d = x[i] - mean;
            sum += d * d;
        }
        double std = n > 1 ? Math.sqrt(sum / (n - 1)) : 0;
        for (int i = 0; i < n; i++) {
            x[i] = (x[i] - mean) / (std + 1e-8);
        }
    }
}
