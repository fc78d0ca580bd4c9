package dev.ablate4j.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * {@link FloatWeightCache} never serves rows that differ from rounding the current weights: every
 * in-place change (one weight, a sign of zero, a NaN payload) is seen, in the rows and in the
 * transpose, and a runner whose parameters change between passes computes what a fresh runner
 * computes, bit for bit.
 */
class FloatWeightCacheTest {

    private static final int N = 5;
    private static final int M = 7;
    private static final int OFFSET = 3;

    private static double[] params(long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[] p = new double[OFFSET + N * M + 2];
        for (int i = 0; i < p.length; i++) {
            p[i] = rng.nextDouble(-1, 1);
        }
        return p;
    }

    private static void assertRounded(double[] params, FloatWeightCache cache) {
        float[][] rows = cache.rows(params, OFFSET);
        float[][] transposed = cache.transposed(params, OFFSET);
        for (int i = 0; i < N; i++) {
            for (int o = 0; o < M; o++) {
                int expected = Float.floatToRawIntBits((float) params[OFFSET + i * M + o]);
                assertEquals(expected, Float.floatToRawIntBits(rows[i][o]), "rows[" + i + "][" + o + "]");
                assertEquals(expected, Float.floatToRawIntBits(transposed[o][i]), "transposed[" + o + "][" + i + "]");
            }
        }
    }

    @Test
    void everyInPlaceChangeOfAWeightIsSeen() {
        double[] p = params(1);
        FloatWeightCache cache = new FloatWeightCache(N, M);
        assertRounded(p, cache);
        for (int k = OFFSET; k < OFFSET + N * M; k += 4) {
            p[k] = -p[k] * 0.5;
            assertRounded(p, cache);
        }
        p[OFFSET + N * M - 1] = Math.nextUp(p[OFFSET + N * M - 1]); // the last weight, by one double ulp
        float before = cache.rows(p, OFFSET)[N - 1][M - 1];
        p[OFFSET + N * M - 1] += 1e-3;
        assertRounded(p, cache);
        assertEquals(false, before == cache.rows(p, OFFSET)[N - 1][M - 1]);
    }

    @Test
    void theSignOfZeroAndNanPayloadsAreSeen() {
        double[] p = params(2);
        FloatWeightCache cache = new FloatWeightCache(N, M);
        p[OFFSET] = 0.0;
        assertRounded(p, cache);
        p[OFFSET] = -0.0;
        assertRounded(p, cache);
        p[OFFSET + 1] = Double.longBitsToDouble(0x7ff8_0000_0000_0001L);
        assertRounded(p, cache);
        p[OFFSET + 1] = Double.longBitsToDouble(0x7ff8_4000_0000_0000L); // another NaN: equal to Arrays.equals
        assertRounded(p, cache);
    }

    @Test
    void theSameCacheServesAnotherArrayWithTheSameWeightsOrADifferentOffset() {
        double[] p = params(3);
        FloatWeightCache cache = new FloatWeightCache(N, M);
        assertRounded(p, cache);
        double[] shifted = new double[p.length + 1];
        System.arraycopy(p, 0, shifted, 1, p.length);
        float[][] rows = cache.rows(shifted, OFFSET + 1);
        assertEquals((float) p[OFFSET], rows[0][0]);
        assertRounded(params(4), cache);
    }

    @Test
    void aRunnerWhoseParametersChangeBetweenPassesMatchesAFreshRunner() {
        Mlp mlp = new Mlp(4, new int[] {8, 8}, 2, Activation.TANH);
        SplittableRandom rng = new SplittableRandom(5);
        double[] params = new double[mlp.parameterCount()];
        Initialization.orthogonal(mlp, params, 0, Math.sqrt(2), 1.0, rng);
        Precision.FLOAT32.roundAll(params);
        double[] x = new double[3 * 4];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) rng.nextDouble(-2, 2);
        }
        double[] dOut = {0.5, -1, 0.25, 1, -0.75, 0.125};
        FloatMlpRunner reused = new FloatMlpRunner(mlp);
        for (int step = 0; step < 4; step++) {
            reused.forward(params, 0, x, 3);
            double[] reusedGrads = new double[params.length];
            reused.backward(params, 0, dOut, reusedGrads, 0);
            FloatMlpRunner fresh = new FloatMlpRunner(mlp);
            fresh.forward(params, 0, x, 3);
            double[] freshGrads = new double[params.length];
            fresh.backward(params, 0, dOut, freshGrads, 0);
            assertArrayEquals(java.util.Arrays.copyOf(fresh.output(), 6), java.util.Arrays.copyOf(reused.output(), 6),
                    0.0, "outputs, step " + step);
            assertArrayEquals(freshGrads, reusedGrads, 0.0, "gradients, step " + step);
            for (int i = step; i < params.length; i += 5) { // an optimizer step, in place
                params[i] = (float) (params[i] - 0.01 * reusedGrads[i]);
            }
        }
    }
}
