package dev.ablate4j.nn;

import static dev.ablate4j.nn.NnTestSupport.biases;
import static dev.ablate4j.nn.NnTestSupport.dot;
import static dev.ablate4j.nn.NnTestSupport.finiteDifferenceGradient;
import static dev.ablate4j.nn.NnTestSupport.relativeError;
import static dev.ablate4j.nn.NnTestSupport.uniform;
import static dev.ablate4j.nn.NnTestSupport.weightMatrix;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

class MlpTest {

    private static final int BATCH = 6;

    @Test
    void parameterCountFollowsTheLayout() {
        Mlp mlp = new Mlp(11, new int[] {64, 64}, 3, Activation.TANH);
        assertEquals(11 * 64 + 64 + 64 * 64 + 64 + 64 * 3 + 3, mlp.parameterCount());
        assertEquals(3, mlp.layerCount());
        assertEquals(0, mlp.weightOffset(0));
        assertEquals(11 * 64 + 64, mlp.weightOffset(1));
        assertEquals(4, new Mlp(3, new int[0], 1, Activation.RELU).parameterCount());
    }

    @Test
    void rejectsBadSizesWithAClearMessage() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Mlp(3, new int[] {0}, 1, Activation.TANH));
        assertTrue(e.getMessage().contains("[3, 0, 1]"), e.getMessage());
        Mlp mlp = new Mlp(3, new int[] {4}, 2, Activation.TANH);
        double[] params = new double[mlp.parameterCount()];
        e = assertThrows(IllegalArgumentException.class,
                () -> mlp.forward(params, 0, new double[5], 2, mlp.newWorkspace()));
        assertTrue(e.getMessage().contains("input"), e.getMessage());
    }

    @ParameterizedTest
    @EnumSource(Activation.class)
    void forwardMatchesANaiveMatrixComputation(Activation activation) {
        Mlp mlp = new Mlp(3, new int[] {5, 4}, 2, activation);
        SplittableRandom rng = new SplittableRandom(1);
        double[] params = uniform(rng, mlp.parameterCount() + 3, -1, 1); // offset 3 into a longer array
        double[] x = uniform(rng, BATCH * 3, -2, 2);
        MlpWorkspace ws = mlp.newWorkspace();
        mlp.forward(params, 3, x, BATCH, ws);
        for (int b = 0; b < BATCH; b++) {
            double[] a = Arrays.copyOfRange(x, b * 3, b * 3 + 3);
            for (int l = 0; l < mlp.layerCount(); l++) {
                double[][] w = weightMatrix(mlp, params, 3, l);
                double[] bias = biases(mlp, params, 3, l);
                double[] z = new double[w.length];
                for (int o = 0; o < w.length; o++) {
                    z[o] = bias[o] + dot(w[o], a);
                    if (l < mlp.layerCount() - 1) {
                        z[o] = activation == Activation.TANH ? Math.tanh(z[o]) : Math.max(0, z[o]);
                    }
                }
                a = z;
            }
            for (int k = 0; k < 2; k++) {
                assertEquals(a[k], ws.output()[b * 2 + k], 1e-12);
            }
        }
    }

    @Test
    void batchForwardIsBitIdenticalToOneSampleAtATime() {
        Mlp mlp = new Mlp(4, new int[] {16, 16}, 3, Activation.TANH);
        SplittableRandom rng = new SplittableRandom(5);
        double[] params = new double[mlp.parameterCount()];
        Initialization.xavierUniform(mlp, params, 0, rng);
        double[] x = uniform(rng, 33 * 4, -3, 3);
        MlpWorkspace batchWs = mlp.newWorkspace();
        MlpWorkspace singleWs = mlp.newWorkspace();
        mlp.forward(params, 0, x, 33, batchWs);
        for (int b = 0; b < 33; b++) {
            mlp.forward(params, 0, Arrays.copyOfRange(x, b * 4, b * 4 + 4), 1, singleWs);
            for (int k = 0; k < 3; k++) {
                assertEquals(batchWs.output()[b * 3 + k], singleWs.output()[k], 0.0);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Activation.class)
    void backwardMatchesFiniteDifferences(Activation activation) {
        for (int[] hidden : new int[][] {{5, 4}, {7}, {}}) {
            Mlp mlp = new Mlp(3, hidden, 2, activation);
            SplittableRandom rng = new SplittableRandom(11);
            double[] params = uniform(rng, mlp.parameterCount(), -1, 1);
            double[] x = uniform(rng, BATCH * 3, -2, 2);
            double[] dOut = uniform(rng, BATCH * 2, -1, 1);
            MlpWorkspace ws = mlp.newWorkspace();

            double[] grads = new double[mlp.parameterCount()];
            grads[0] = 0.25; // backward accumulates
            mlp.forward(params, 0, x, BATCH, ws);
            mlp.backward(params, 0, dOut, ws, grads, 0);
            grads[0] -= 0.25;

            double[] numeric = finiteDifferenceGradient(() -> {
                mlp.forward(params, 0, x, BATCH, ws);
                return dot(Arrays.copyOf(ws.output(), BATCH * 2), dOut);
            }, params, 1e-6);
            double err = relativeError(grads, numeric);
            assertTrue(err < 1e-6, activation + " " + Arrays.toString(hidden) + ": relative error " + err);
        }
    }

    @ParameterizedTest
    @EnumSource(Activation.class)
    void jvpMatchesFiniteDifferencesAndIsTheAdjointOfBackward(Activation activation) {
        Mlp mlp = new Mlp(3, new int[] {5, 4}, 2, activation);
        SplittableRandom rng = new SplittableRandom(12);
        double[] params = uniform(rng, mlp.parameterCount(), -1, 1);
        double[] v = uniform(rng, mlp.parameterCount(), -1, 1);
        double[] x = uniform(rng, BATCH * 3, -2, 2);
        MlpWorkspace ws = mlp.newWorkspace();
        mlp.forward(params, 0, x, BATCH, ws);
        mlp.jvp(params, 0, v, 0, ws);
        double[] jv = Arrays.copyOf(ws.tangentOutput(), BATCH * 2);

        double h = 1e-6;
        double[] plus = params.clone();
        double[] minus = params.clone();
        for (int i = 0; i < params.length; i++) {
            plus[i] += h * v[i];
            minus[i] -= h * v[i];
        }
        mlp.forward(plus, 0, x, BATCH, ws);
        double[] outPlus = Arrays.copyOf(ws.output(), BATCH * 2);
        mlp.forward(minus, 0, x, BATCH, ws);
        double[] numeric = new double[BATCH * 2];
        for (int k = 0; k < numeric.length; k++) {
            numeric[k] = (outPlus[k] - ws.output()[k]) / (2 * h);
        }
        double err = relativeError(jv, numeric);
        assertTrue(err < 1e-6, "relative error " + err);

        // <u, J v> == <J^T u, v>
        double[] u = uniform(rng, BATCH * 2, -1, 1);
        double[] jtu = new double[params.length];
        mlp.forward(params, 0, x, BATCH, ws);
        mlp.backward(params, 0, u, ws, jtu, 0);
        assertEquals(dot(u, jv), dot(jtu, v), 1e-12 * Math.abs(dot(u, jv)));
    }

    @Test
    void workspaceGrowsOnceAndIsReused() {
        Mlp mlp = new Mlp(2, new int[] {3}, 1, Activation.TANH);
        double[] params = new double[mlp.parameterCount()];
        MlpWorkspace ws = mlp.newWorkspace();
        mlp.forward(params, 0, new double[20], 10, ws);
        double[] out = ws.output();
        mlp.forward(params, 0, new double[8], 4, ws);
        assertSame(out, ws.output());
        assertEquals(4, ws.batch());
        assertThrows(IllegalStateException.class,
                () -> mlp.backward(params, 0, new double[1], mlp.newWorkspace(), new double[params.length], 0));
    }

    @Test
    void orthogonalInitGivesScaledOrthonormalWeights() {
        // square hidden layers, a wide input layer (3 -> 6 is tall: 6 x 3) and a 2 x 6 head
        Mlp mlp = new Mlp(3, new int[] {6, 6}, 2, Activation.TANH);
        double[] params = uniform(new SplittableRandom(0), mlp.parameterCount(), -1, 1);
        Initialization.orthogonal(mlp, params, 0, Math.sqrt(2), 0.01, new SplittableRandom(99));

        assertGram(columnsGram(weightMatrix(mlp, params, 0, 0)), 2.0); // 6 x 3: orthogonal columns
        assertGram(columnsGram(weightMatrix(mlp, params, 0, 1)), 2.0); // square: W^T W = 2 I
        assertGram(rowsGram(weightMatrix(mlp, params, 0, 1)), 2.0);
        assertGram(rowsGram(weightMatrix(mlp, params, 0, 2)), 1e-4); // 2 x 6 head: rows of norm 0.01
        for (int l = 0; l < 3; l++) {
            assertArrayEquals(new double[biases(mlp, params, 0, l).length], biases(mlp, params, 0, l), 0.0);
        }
    }

    @Test
    void orthogonalInitIsSignCorrectedSoEntriesAreSymmetric() {
        // Householder QR without the sign correction makes Q[0][0] always of one sign.
        Mlp mlp = new Mlp(4, new int[0], 4, Activation.TANH);
        double[] params = new double[mlp.parameterCount()];
        SplittableRandom rng = new SplittableRandom(4);
        int positive = 0;
        int draws = 400;
        for (int d = 0; d < draws; d++) {
            Initialization.orthogonal(mlp, params, 0, 1.0, 1.0, rng);
            if (params[0] > 0) {
                positive++;
            }
        }
        double fraction = (double) positive / draws;
        assertTrue(fraction > 0.4 && fraction < 0.6, "fraction of positive W[0][0]: " + fraction);
    }

    @Test
    void orthogonalInitIsReproducible() {
        Mlp mlp = new Mlp(3, new int[] {8}, 2, Activation.TANH);
        double[] a = new double[mlp.parameterCount()];
        double[] b = new double[mlp.parameterCount()];
        Initialization.orthogonal(mlp, a, 0, 1.0, 1.0, new SplittableRandom(3));
        Initialization.orthogonal(mlp, b, 0, 1.0, 1.0, new SplittableRandom(3));
        assertArrayEquals(a, b, 0.0);
    }

    @Test
    void xavierUniformStaysWithinItsBoundsAndFillsThem() {
        Mlp mlp = new Mlp(20, new int[] {30}, 10, Activation.RELU);
        double[] params = uniform(new SplittableRandom(0), mlp.parameterCount(), 5, 6);
        Initialization.xavierUniform(mlp, params, 0, new SplittableRandom(17));
        int[] sizes = mlp.layerSizes();
        for (int l = 0; l < 2; l++) {
            double a = Math.sqrt(6.0 / (sizes[l] + sizes[l + 1]));
            double max = 0;
            double sum = 0;
            double sumSq = 0;
            int count = 0;
            for (double[] row : weightMatrix(mlp, params, 0, l)) {
                for (double w : row) {
                    assertTrue(w >= -a && w < a, "layer " + l + " weight " + w + " outside +-" + a);
                    max = Math.max(max, Math.abs(w));
                    sum += w;
                    sumSq += w * w;
                    count++;
                }
            }
            assertTrue(max > 0.95 * a, "layer " + l + " max |w| " + max + " vs bound " + a);
            assertEquals(0.0, sum / count, 0.1 * a);
            assertEquals(a * a / 3, sumSq / count, 0.15 * a * a / 3); // variance of U(-a, a)
            assertArrayEquals(new double[sizes[l + 1]], biases(mlp, params, 0, l), 0.0);
        }
    }

    static double[][] rowsGram(double[][] w) {
        double[][] g = new double[w.length][w.length];
        for (int i = 0; i < w.length; i++) {
            for (int j = 0; j < w.length; j++) {
                g[i][j] = dot(w[i], w[j]);
            }
        }
        return g;
    }

    static double[][] columnsGram(double[][] w) {
        int cols = w[0].length;
        double[][] g = new double[cols][cols];
        for (int i = 0; i < cols; i++) {
            for (int j = 0; j < cols; j++) {
                for (double[] row : w) {
                    g[i][j] += row[i] * row[j];
                }
            }
        }
        return g;
    }

    /** gram == scale * I. */
    static void assertGram(double[][] gram, double scale) {
        for (int i = 0; i < gram.length; i++) {
            for (int j = 0; j < gram.length; j++) {
                assertEquals(i == j ? scale : 0.0, gram[i][j], 1e-12 * scale, "gram[" + i + "][" + j + "]");
            }
        }
    }
}
