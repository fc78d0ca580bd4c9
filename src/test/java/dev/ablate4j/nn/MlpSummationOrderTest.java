package dev.ablate4j.nn;

import static dev.ablate4j.nn.NnTestSupport.uniform;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The blocked, vectorized kernels of {@link Mlp} must give bit for bit what the plain loops below
 * give: every output element is its starting value plus the terms in ascending order of the
 * summation index (forward: bias + x_0 w_0 + x_1 w_1 + ...; weight gradient: g + over the batch
 * in order; input gradient: 0 + over the outputs in order). Kernel work that keeps these orders
 * keeps results; one that breaks them fails here. Shapes cover remainders of every blocking.
 */
class MlpSummationOrderTest {

    private static final int[][] HIDDEN = {{64, 64}, {5, 4}, {7}, {}, {1, 1}, {13, 9, 6}};
    private static final int[] BATCHES = {1, 2, 3, 4, 5, 7, 8, 9, 31, 33, 64};

    @ParameterizedTest
    @EnumSource(Activation.class)
    void forwardBackwardAndJvpFollowTheDocumentedSummationOrder(Activation activation) {
        SplittableRandom rng = new SplittableRandom(77);
        for (int[] hidden : HIDDEN) {
            for (int inputs : new int[] {1, 3, 11}) {
                for (int outputs : new int[] {1, 2, 3}) {
                    Mlp mlp = new Mlp(inputs, hidden, outputs, activation);
                    MlpWorkspace ws = mlp.newWorkspace();
                    for (int batch : BATCHES) {
                        check(mlp, ws, batch, rng);
                    }
                }
            }
        }
    }

    private static void check(Mlp mlp, MlpWorkspace ws, int batch, SplittableRandom rng) {
        int[] sizes = mlp.layerSizes();
        int offset = 2;
        double[] params = uniform(rng, mlp.parameterCount() + offset, -1, 1);
        double[] x = uniform(rng, batch * sizes[0], -3, 3);
        double[] dOut = uniform(rng, batch * mlp.outputSize(), -1, 1);
        double[] tangent = uniform(rng, mlp.parameterCount() + 1, -1, 1);
        double[] gradStart = uniform(rng, mlp.parameterCount() + 3, -1, 1);
        String where = java.util.Arrays.toString(sizes) + " batch " + batch;

        Reference ref = new Reference(mlp, params, offset, x, batch);
        mlp.forward(params, offset, x, batch, ws);
        assertBits(ref.activations[sizes.length - 1], ws.output(), "forward " + where);

        double[] grads = gradStart.clone();
        double[] expected = gradStart.clone();
        mlp.backward(params, offset, dOut, ws, grads, 3);
        ref.backward(dOut, expected, 3);
        assertBits(expected, grads, "backward " + where);

        mlp.jvp(params, offset, tangent, 1, ws);
        assertBits(ref.jvp(tangent, 1), ws.tangentOutput(), "jvp " + where);
    }

    private static void assertBits(double[] expected, double[] actual, String what) {
        for (int i = 0; i < expected.length; i++) {
            assertEquals(Double.doubleToRawLongBits(expected[i]), Double.doubleToRawLongBits(actual[i]),
                    what + " element " + i + ": " + expected[i] + " vs " + actual[i]);
        }
    }

    /** The plain loops that define the results. */
    private static final class Reference {
        final Mlp mlp;
        final int[] sizes;
        final double[] params;
        final int offset;
        final int batch;
        final double[][] activations;

        Reference(Mlp mlp, double[] params, int offset, double[] x, int batch) {
            this.mlp = mlp;
            this.sizes = mlp.layerSizes();
            this.params = params;
            this.offset = offset;
            this.batch = batch;
            activations = new double[sizes.length][];
            activations[0] = x.clone();
            for (int l = 1; l < sizes.length; l++) {
                int n = sizes[l - 1];
                int m = sizes[l];
                int w = offset + mlp.weightOffset(l - 1);
                double[] z = new double[batch * m];
                for (int b = 0; b < batch; b++) {
                    for (int o = 0; o < m; o++) {
                        double s = params[w + n * m + o];
                        for (int k = 0; k < n; k++) {
                            s = s + activations[l - 1][b * n + k] * params[w + k * m + o];
                        }
                        z[b * m + o] = l < sizes.length - 1 ? activate(s) : s;
                    }
                }
                activations[l] = z;
            }
        }

        double activate(double z) {
            return mlp.activation() == Activation.TANH ? Fn.tanh(z) : (z > 0.0 ? z : 0.0);
        }

        double derivative(double a, double d) {
            return mlp.activation() == Activation.TANH ? d * (1.0 - a * a) : (a > 0.0 ? d : 0.0);
        }

        void backward(double[] dOut, double[] grads, int gradOffset) {
            double[] dz = java.util.Arrays.copyOf(dOut, batch * sizes[sizes.length - 1]);
            for (int l = sizes.length - 1; l >= 1; l--) {
                int n = sizes[l - 1];
                int m = sizes[l];
                int w = mlp.weightOffset(l - 1);
                int gw = gradOffset + w;
                double[] x = activations[l - 1];
                for (int o = 0; o < m; o++) {
                    for (int b = 0; b < batch; b++) {
                        grads[gw + n * m + o] = grads[gw + n * m + o] + dz[b * m + o];
                    }
                }
                for (int i = 0; i < n; i++) {
                    for (int o = 0; o < m; o++) {
                        double g = grads[gw + i * m + o];
                        for (int b = 0; b < batch; b++) {
                            g = g + x[b * n + i] * dz[b * m + o];
                        }
                        grads[gw + i * m + o] = g;
                    }
                }
                if (l > 1) {
                    double[] dx = new double[batch * n];
                    for (int b = 0; b < batch; b++) {
                        for (int i = 0; i < n; i++) {
                            double s = 0.0;
                            for (int o = 0; o < m; o++) {
                                s = s + dz[b * m + o] * params[offset + w + i * m + o];
                            }
                            dx[b * n + i] = derivative(x[b * n + i], s);
                        }
                    }
                    dz = dx;
                }
            }
        }

        double[] jvp(double[] tangent, int tangentOffset) {
            double[] tIn = null;
            double[] tOut = null;
            for (int l = 1; l < sizes.length; l++) {
                int n = sizes[l - 1];
                int m = sizes[l];
                int w = mlp.weightOffset(l - 1);
                int tw = tangentOffset + w;
                double[] x = activations[l - 1];
                tOut = new double[batch * m];
                for (int b = 0; b < batch; b++) {
                    for (int o = 0; o < m; o++) {
                        double s = tangent[tw + n * m + o];
                        for (int k = 0; k < n; k++) {
                            s = s + x[b * n + k] * tangent[tw + k * m + o];
                        }
                        if (l > 1) {
                            for (int k = 0; k < n; k++) {
                                s = s + tIn[b * n + k] * params[offset + w + k * m + o];
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
