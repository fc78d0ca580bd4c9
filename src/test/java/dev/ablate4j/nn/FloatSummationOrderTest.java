package dev.ablate4j.nn;

import static dev.ablate4j.nn.NnTestSupport.uniform;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The float32 runner's blocked kernels must give bit for bit what plain float loops with
 * {@code Math.fma} in the documented order give: a layer output is fma(x_k, w_k, ...) over the
 * inputs in ascending k starting from the bias; a weight gradient starts from its previous value
 * (rounded to float) and takes the samples in order; a bias gradient adds the samples in order; an
 * input gradient starts from 0 and takes the outputs in order. Any kernel change that reorders a
 * sum (or stops fusing) fails here. Shapes cover the remainders of every blocking.
 */
class FloatSummationOrderTest {

    private static final int[][] HIDDEN = {{64, 64}, {5, 4}, {7}, {}, {1, 1}, {13, 9, 6}};
    private static final int[] BATCHES = {1, 2, 3, 4, 5, 7, 8, 9, 31, 33, 64, 65};

    @ParameterizedTest
    @EnumSource(Activation.class)
    void forwardBackwardAndJvpFollowTheDocumentedFusedOrder(Activation activation) {
        SplittableRandom rng = new SplittableRandom(78);
        for (int[] hidden : HIDDEN) {
            for (int inputs : new int[] {1, 3, 11}) {
                for (int outputs : new int[] {1, 2, 3}) {
                    Mlp mlp = new Mlp(inputs, hidden, outputs, activation);
                    FloatMlpRunner runner = new FloatMlpRunner(mlp);
                    for (int batch : BATCHES) {
                        check(mlp, runner, batch, rng);
                    }
                }
            }
        }
    }

    private static void check(Mlp mlp, FloatMlpRunner runner, int batch, SplittableRandom rng) {
        int[] sizes = mlp.layerSizes();
        int offset = 2;
        double[] params = uniform(rng, mlp.parameterCount() + offset, -1, 1);
        double[] x = uniform(rng, batch * sizes[0], -3, 3);
        double[] dOut = uniform(rng, batch * mlp.outputSize(), -1, 1);
        double[] tangent = uniform(rng, mlp.parameterCount() + 1, -1, 1);
        double[] gradStart = uniform(rng, mlp.parameterCount() + 3, -1, 1);
        String where = java.util.Arrays.toString(sizes) + " batch " + batch;

        Reference ref = new Reference(mlp, params, offset, x, batch);
        runner.forward(params, offset, x, batch);
        assertBits(ref.activations[sizes.length - 1], runner.output(), "forward " + where);

        double[] grads = gradStart.clone();
        double[] expected = gradStart.clone();
        runner.backward(params, offset, dOut, grads, 3);
        ref.backward(dOut, expected, 3);
        assertBits(expected, grads, "backward " + where);

        runner.jvp(params, offset, tangent, 1);
        assertBits(ref.jvp(tangent, 1), runner.tangentOutput(), "jvp " + where);
    }

    /** Compares the first expected.length values as floats (the gradient array keeps doubles outside the network). */
    private static void assertBits(float[] expected, double[] actual, String what) {
        for (int i = 0; i < expected.length; i++) {
            assertEquals(Float.floatToRawIntBits(expected[i]), Float.floatToRawIntBits((float) actual[i]),
                    what + " element " + i + ": " + expected[i] + " vs " + actual[i]);
            assertEquals((double) (float) actual[i], actual[i], what + " element " + i + " is not a float value");
        }
    }

    private static void assertBits(double[] expected, double[] actual, String what) {
        for (int i = 0; i < expected.length; i++) {
            assertEquals(Double.doubleToRawLongBits(expected[i]), Double.doubleToRawLongBits(actual[i]),
                    what + " element " + i + ": " + expected[i] + " vs " + actual[i]);
        }
    }

    private static float f(double x) {
        return (float) x;
    }

    /** The plain float loops that define the results. */
    private static final class Reference {
        final Mlp mlp;
        final int[] sizes;
        final double[] params;
        final int offset;
        final int batch;
        final float[][] activations;

        Reference(Mlp mlp, double[] params, int offset, double[] x, int batch) {
            this.mlp = mlp;
            this.sizes = mlp.layerSizes();
            this.params = params;
            this.offset = offset;
            this.batch = batch;
            activations = new float[sizes.length][];
            activations[0] = new float[x.length];
            for (int i = 0; i < x.length; i++) {
                activations[0][i] = f(x[i]);
            }
            for (int l = 1; l < sizes.length; l++) {
                int n = sizes[l - 1];
                int m = sizes[l];
                int w = offset + mlp.weightOffset(l - 1);
                float[] z = new float[batch * m];
                for (int b = 0; b < batch; b++) {
                    for (int o = 0; o < m; o++) {
                        float s = f(params[w + n * m + o]);
                        for (int k = 0; k < n; k++) {
                            s = Math.fma(activations[l - 1][b * n + k], f(params[w + k * m + o]), s);
                        }
                        z[b * m + o] = l < sizes.length - 1 ? activate(s) : s;
                    }
                }
                activations[l] = z;
            }
        }

        float activate(float z) {
            return mlp.activation() == Activation.TANH ? FloatTanh.tanh(z) : (z > 0f ? z : 0f);
        }

        float derivative(float a, float d) {
            return mlp.activation() == Activation.TANH ? d * Math.fma(-a, a, 1f) : (a > 0f ? d : 0f);
        }

        /** Writes float values into grads for the network's block (the rest is left as it was). */
        void backward(double[] dOut, double[] grads, int gradOffset) {
            int out = sizes[sizes.length - 1];
            float[] dz = new float[batch * out];
            for (int i = 0; i < dz.length; i++) {
                dz[i] = f(dOut[i]);
            }
            for (int l = sizes.length - 1; l >= 1; l--) {
                int n = sizes[l - 1];
                int m = sizes[l];
                int w = mlp.weightOffset(l - 1);
                int gw = gradOffset + w;
                float[] x = activations[l - 1];
                for (int o = 0; o < m; o++) {
                    float g = f(grads[gw + n * m + o]);
                    for (int b = 0; b < batch; b++) {
                        g = g + dz[b * m + o];
                    }
                    grads[gw + n * m + o] = g;
                }
                for (int i = 0; i < n; i++) {
                    for (int o = 0; o < m; o++) {
                        float g = f(grads[gw + i * m + o]);
                        for (int b = 0; b < batch; b++) {
                            g = Math.fma(x[b * n + i], dz[b * m + o], g);
                        }
                        grads[gw + i * m + o] = g;
                    }
                }
                if (l > 1) {
                    float[] dx = new float[batch * n];
                    for (int b = 0; b < batch; b++) {
                        for (int i = 0; i < n; i++) {
                            float s = 0f;
                            for (int o = 0; o < m; o++) {
                                s = Math.fma(dz[b * m + o], f(params[offset + w + i * m + o]), s);
                            }
                            dx[b * n + i] = derivative(x[b * n + i], s);
                        }
                    }
                    dz = dx;
                }
            }
        }

        float[] jvp(double[] tangent, int tangentOffset) {
            float[] tIn = null;
            float[] tOut = null;
            for (int l = 1; l < sizes.length; l++) {
                int n = sizes[l - 1];
                int m = sizes[l];
                int w = mlp.weightOffset(l - 1);
                int tw = tangentOffset + w;
                float[] x = activations[l - 1];
                tOut = new float[batch * m];
                for (int b = 0; b < batch; b++) {
                    for (int o = 0; o < m; o++) {
                        float s = f(tangent[tw + n * m + o]);
                        for (int k = 0; k < n; k++) {
                            s = Math.fma(x[b * n + k], f(tangent[tw + k * m + o]), s);
                        }
                        if (l > 1) {
                            for (int k = 0; k < n; k++) {
                                s = Math.fma(tIn[b * n + k], f(params[offset + w + k * m + o]), s);
                            }
                        }
                        tOut[b * m + o] = l < sizes.length - 1 ? derivative(activations[l][b * m + o], s) : s;
                    }
                }
                tIn = tOut;
            }
            return tOut;
        }
    }
}
