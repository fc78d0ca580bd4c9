package dev.ablate4j.nn;

/** Global gradient-norm clipping, as PyTorch's {@code clip_grad_norm_}. */
public final class GradClip {

    private GradClip() {}

    /**
     * If the global L2 norm of {@code g} exceeds {@code maxNorm}, scales {@code g} in place by
     * maxNorm / (norm + 1e-6) (PyTorch's coefficient, which leaves the norm just below the
     * limit); otherwise leaves it untouched. Returns the norm before clipping (NaN if g holds NaN,
     * in which case g is left as is).
     */
    public static double clipGlobalNorm(double[] g, double maxNorm) {
        if (!(maxNorm > 0.0) || Double.isInfinite(maxNorm)) {
            throw new IllegalArgumentException("gradient clipping max norm must be positive and finite, got " + maxNorm);
        }
        double norm = norm(g);
        if (norm > maxNorm) {
            double scale = maxNorm / (norm + 1e-6);
            for (int k = 0; k < g.length; k++) {
                g[k] *= scale;
            }
        }
        return norm;
    }

    /** Global L2 norm, summed in index order. */
    public static double norm(double[] g) {
        double sumSquares = 0.0;
        for (double x : g) {
            sumSquares += x * x;
        }
        return Math.sqrt(sumSquares);
    }

    /**
     * One global norm over two gradient arrays together (both networks of a joint optimizer step), clipped
     * as PyTorch's {@code clip_grad_norm_} does it: both multiplied by min(1, maxNorm / (norm + 1e-6)), a
     * factor that is below 1 already a hair under the limit. Returns the joint norm before clipping.
     */
    public static double clipJointNorm(double[] a, double[] b, double maxNorm) {
        if (!(maxNorm > 0.0) || Double.isInfinite(maxNorm)) {
            throw new IllegalArgumentException("gradient clipping max norm must be positive and finite, got " + maxNorm);
        }
        double sumSquares = 0.0;
        for (double x : a) {
            sumSquares += x * x;
        }
        for (double x : b) {
            sumSquares += x * x;
        }
        double norm = Math.sqrt(sumSquares);
        double coef = maxNorm / (norm + 1e-6);
        if (coef < 1.0) {
            for (int k = 0; k < a.length; k++) {
                a[k] *= coef;
            }
            for (int k = 0; k < b.length; k++) {
                b[k] *= coef;
            }
        }
        return norm;
    }
}
