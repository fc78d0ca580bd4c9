package dev.ablate4j.algo.trpo;

/**
 * Conjugate gradient for A x = b with a symmetric positive-definite A given only as products A v
 * (in TRPO: damped Fisher-vector products). Exact in n iterations for an n-by-n system in exact
 * arithmetic; TRPO stops after a fixed small number.
 */
public final class ConjugateGradient {

    /** y = A x. */
    @FunctionalInterface
    public interface Operator {
        void apply(double[] x, double[] y);
    }

    private ConjugateGradient() {}

    /**
     * Runs at most {@code iterations} steps from x = 0 and returns x. Stops early when the squared
     * residual norm falls below {@code tolerance}.
     */
    public static double[] solve(Operator a, double[] b, int iterations, double tolerance) {
        int n = b.length;
        double[] x = new double[n];
        double[] r = b.clone();
        double[] p = b.clone();
        double[] ap = new double[n];
        double rr = dot(r, r);
        for (int it = 0; it < iterations && rr > tolerance; it++) {
            a.apply(p, ap);
            double alpha = rr / dot(p, ap);
            for (int i = 0; i < n; i++) {
                x[i] += alpha * p[i];
                r[i] -= alpha * ap[i];
            }
            double rrNew = dot(r, r);
            double beta = rrNew / rr;
            for (int i = 0; i < n; i++) {
                p[i] = r[i] + beta * p[i];
            }
            rr = rrNew;
        }
        return x;
    }

    static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }
}
