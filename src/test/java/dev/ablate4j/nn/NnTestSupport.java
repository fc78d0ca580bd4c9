package dev.ablate4j.nn;

import java.util.SplittableRandom;
import java.util.function.DoubleSupplier;

/** Finite differences and small vector helpers for the nn tests (and the ND4J backend's). */
public final class NnTestSupport {

    private NnTestSupport() {}

    /** Central finite-difference gradient of f w.r.t. x (x is perturbed in place and restored). */
    static double[] finiteDifferenceGradient(DoubleSupplier f, double[] x, double h) {
        double[] g = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            double saved = x[i];
            x[i] = saved + h;
            double plus = f.getAsDouble();
            x[i] = saved - h;
            double minus = f.getAsDouble();
            x[i] = saved;
            g[i] = (plus - minus) / (2 * h);
        }
        return g;
    }

    /**
     * Hessian-vector product H v of f at x by the four-point mixed second difference
     * e_i^T H v ~ [f(x+h e_i+h v) - f(x+h e_i-h v) - f(x-h e_i+h v) + f(x-h e_i-h v)] / (4 h^2).
     */
    static double[] finiteDifferenceHessianVector(DoubleSupplier f, double[] x, double[] v, double h) {
        double[] saved = x.clone();
        double[] hv = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            double sum = 0;
            for (int si = -1; si <= 1; si += 2) {
                for (int sv = -1; sv <= 1; sv += 2) {
                    for (int k = 0; k < x.length; k++) {
                        x[k] = saved[k] + sv * h * v[k];
                    }
                    x[i] += si * h;
                    sum += si * sv * f.getAsDouble();
                }
            }
            hv[i] = sum / (4 * h * h);
        }
        System.arraycopy(saved, 0, x, 0, x.length);
        return hv;
    }

    /** ||a - b|| / max(||a||, ||b||). */
    public static double relativeError(double[] a, double[] b) {
        double diff = 0;
        double na = 0;
        double nb = 0;
        for (int i = 0; i < a.length; i++) {
            diff += (a[i] - b[i]) * (a[i] - b[i]);
            na += a[i] * a[i];
            nb += b[i] * b[i];
        }
        return Math.sqrt(diff) / Math.max(Math.sqrt(Math.max(na, nb)), 1e-300);
    }

    static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    static double[] uniform(SplittableRandom rng, int n, double lo, double hi) {
        double[] a = new double[n];
        for (int i = 0; i < n; i++) {
            a[i] = rng.nextDouble(lo, hi);
        }
        return a;
    }

    /** The usual out x in weight matrix of layer {@code layer}, read from the documented layout. */
    static double[][] weightMatrix(Mlp mlp, double[] params, int offset, int layer) {
        int[] sizes = mlp.layerSizes();
        int n = sizes[layer];
        int m = sizes[layer + 1];
        int w = offset + mlp.weightOffset(layer);
        double[][] matrix = new double[m][n];
        for (int o = 0; o < m; o++) {
            for (int i = 0; i < n; i++) {
                matrix[o][i] = params[w + i * m + o];
            }
        }
        return matrix;
    }

    /** The biases of layer {@code layer}. */
    static double[] biases(Mlp mlp, double[] params, int offset, int layer) {
        int[] sizes = mlp.layerSizes();
        int n = sizes[layer];
        int m = sizes[layer + 1];
        int b = offset + mlp.weightOffset(layer) + n * m;
        return java.util.Arrays.copyOfRange(params, b, b + m);
    }
}
