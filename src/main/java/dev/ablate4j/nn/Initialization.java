package dev.ablate4j.nn;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Weight initialization (optimization 3) in one place: the paper's orthogonal scheme with its gains
 * (sqrt 2 for hidden layers, 0.01 for the policy's mean head, 1 for the value head) or, with the
 * switch off, Xavier-uniform; biases 0 either way.
 */
public final class Initialization {

    /** Gain of every hidden layer under orthogonal init. */
    public static final double HIDDEN_GAIN = Math.sqrt(2.0);
    /** Gain of the policy's mean head: its first actions stay near 0. */
    public static final double POLICY_HEAD_GAIN = 0.01;
    /** Gain of the value network's head. */
    public static final double VALUE_HEAD_GAIN = 1.0;

    private Initialization() {}

    /** Orthogonal with the hidden gain and {@code headGain} when {@code orthogonal}, else Xavier-uniform. */
    public static void apply(Mlp mlp, double[] params, boolean orthogonal, double headGain, SplittableRandom rng) {
        if (orthogonal) {
            orthogonal(mlp, params, 0, HIDDEN_GAIN, headGain, rng);
        } else {
            xavierUniform(mlp, params, 0, rng);
        }
    }

    /**
     * Orthogonal weights (QR of a Gaussian matrix with the sign correction that makes them uniformly
     * distributed), scaled by {@code hiddenGain} for the hidden layers and {@code outputGain} for the
     * last layer; biases 0. For an m x n (out x in) weight matrix the rows are orthonormal times the
     * gain when m {@literal <=} n, otherwise the columns are.
     */
    public static void orthogonal(Mlp mlp, double[] params, int offset, double hiddenGain, double outputGain,
            SplittableRandom rng) {
        check(mlp, params, offset);
        int[] sizes = mlp.layerSizes();
        for (int l = 1; l < sizes.length; l++) {
            int n = sizes[l - 1];
            int m = sizes[l];
            double gain = l == sizes.length - 1 ? outputGain : hiddenGain;
            double[][] q = Orthogonal.matrix(m, n, gain, rng);
            int w = offset + mlp.weightOffset(l - 1);
            for (int o = 0; o < m; o++) {
                for (int i = 0; i < n; i++) {
                    params[w + i * m + o] = q[o][i];
                }
            }
            Arrays.fill(params, w + n * m, w + n * m + m, 0.0);
        }
    }

    /**
     * Xavier-uniform (Glorot) weights U(-a, a) with a = sqrt(6 / (fanIn + fanOut)), drawn in the
     * order of the usual out x in matrix, row by row; biases 0.
     */
    public static void xavierUniform(Mlp mlp, double[] params, int offset, SplittableRandom rng) {
        check(mlp, params, offset);
        int[] sizes = mlp.layerSizes();
        for (int l = 1; l < sizes.length; l++) {
            int n = sizes[l - 1];
            int m = sizes[l];
            double a = Math.sqrt(6.0 / (n + m));
            int w = offset + mlp.weightOffset(l - 1);
            for (int o = 0; o < m; o++) {
                for (int i = 0; i < n; i++) {
                    params[w + i * m + o] = rng.nextDouble(-a, a);
                }
            }
            Arrays.fill(params, w + n * m, w + n * m + m, 0.0);
        }
    }

    private static void check(Mlp mlp, double[] params, int offset) {
        if (params == null || offset < 0 || offset + mlp.parameterCount() > params.length) {
            throw new IllegalArgumentException("Mlp parameter array too short: needs " + mlp.parameterCount()
                    + " values from offset " + offset + ", has length " + (params == null ? "null" : params.length));
        }
    }
}
