package dev.ablate4j.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The Vector API kernels ({@code VectorFloatKernels}) give bit for bit what the scalar kernels
 * ({@link FloatKernels}) give, on shapes around the lane count (whole vectors, blocks of four
 * vectors, the scalar tail, rows beyond the blocks of four), and write nothing outside the block
 * they are given. Needs the JVM to have {@code jdk.incubator.vector}: the build's surefire
 * configuration adds it (and says so with the property {@code ablate4j.test.vectorModule}, which
 * makes its absence a failure); elsewhere the comparisons are skipped with the reason printed.
 */
class VectorFloatKernelsTest {

    private static final float SENTINEL = 12345.5f;

    @Test
    void theBuildRunsTheTestsWithTheVectorKernels() {
        boolean expected = "expected".equals(System.getProperty("ablate4j.test.vectorModule"));
        if (!expected) {
            System.out.println("VectorFloatKernelsTest: not started by the build (no ablate4j.test.vectorModule); "
                    + "module present: " + FloatKernelChoice.moduleAvailable());
        }
        Assumptions.assumeTrue(expected, "not started by the build's surefire configuration");
        assertTrue(FloatKernelChoice.moduleAvailable(),
                "surefire's argLine must add --add-modules jdk.incubator.vector");
        assertTrue(FloatKernelChoice.KERNELS.description().startsWith("Vector API"),
                FloatKernelChoice.KERNELS.description());
        assertEquals(FloatKernelChoice.KERNELS.description(), Precision.float32Kernels());
    }

    private static FloatKernelSet vector() {
        FloatKernelSet v = FloatKernelChoice.vectorOrNull();
        if (v == null) {
            System.out.println("VectorFloatKernelsTest skipped: the JVM has no jdk.incubator.vector "
                    + "(run it with --add-modules jdk.incubator.vector)");
        }
        Assumptions.assumeTrue(v != null, "no jdk.incubator.vector in this JVM");
        return v;
    }

    /** Lengths of o: the brief's list, and each side of one, four and eight vectors of the species in use. */
    private static int[] lengths(FloatKernelSet v) {
        int lanes = Integer.parseInt(v.description().replaceAll("\\D+", " ").trim().split(" ")[0]);
        return new int[] {1, 2, 3, 15, 16, 17, 31, 32, 33, 63, 64, 65, 127, 128, 129,
            lanes - 1, lanes, lanes + 1, 4 * lanes - 1, 4 * lanes, 4 * lanes + 1, 8 * lanes + 3};
    }

    private static final int[] ROWS = {1, 2, 3, 4, 5, 7, 8, 9, 64, 65};
    private static final int[] COUNTS = {1, 2, 3, 5, 32, 64, 65};

    @Test
    void multiplyAccumulateIsBitIdentical() {
        FloatKernelSet v = vector();
        SplittableRandom rng = new SplittableRandom(28);
        for (int len : lengths(v)) {
            for (int rows : ROWS) {
                for (int count : COUNTS) {
                    float[][] c = random(rng, rows + 1, count + 2);
                    float[][] a = random(rng, count + 1, len + 3);
                    float[][] y = withSentinels(random(rng, rows, len), rows + 1, len + 2);
                    float[][] expected = copy(y);
                    FloatKernels.multiplyAccumulate(c, a, expected, rows, count, len);
                    v.multiplyAccumulate(c, a, y, rows, count, len);
                    assertSameBits(expected, y, "multiplyAccumulate rows " + rows + " count " + count + " len " + len);
                    assertSentinels(y, rows, len, "multiplyAccumulate");
                }
            }
        }
    }

    @Test
    void rowTimesRowsIsBitIdentical() {
        FloatKernelSet v = vector();
        SplittableRandom rng = new SplittableRandom(29);
        for (int len : lengths(v)) {
            for (int count : new int[] {1, 2, 3, 4, 5, 7, 11, 64, 65}) {
                float[] c = random(rng, 1, count + 1)[0];
                float[][] a = random(rng, count, len);
                float[][] y = withSentinels(random(rng, 1, len), 1, len + 5);
                float[][] expected = copy(y);
                FloatKernels.rowTimesRows(c, a, expected[0], count, len);
                v.rowTimesRows(c, a, y[0], count, len);
                assertSameBits(expected, y, "rowTimesRows count " + count + " len " + len);
                assertSentinels(y, 1, len, "rowTimesRows");
            }
        }
    }

    @Test
    void multiplyAccumulateTransposedIsBitIdentical() {
        FloatKernelSet v = vector();
        SplittableRandom rng = new SplittableRandom(30);
        for (int len : lengths(v)) {
            for (int rows : ROWS) {
                for (int count : COUNTS) {
                    for (int k0 : new int[] {0, 3}) {
                        float[][] c = random(rng, k0 + count + 1, rows + 2);
                        float[][] a = random(rng, k0 + count + 1, len + 1);
                        float[][] y = withSentinels(random(rng, rows, len), rows + 2, len + 1);
                        float[][] expected = copy(y);
                        FloatKernels.multiplyAccumulateTransposed(c, k0, a, expected, rows, count, len);
                        v.multiplyAccumulateTransposed(c, k0, a, y, rows, count, len);
                        assertSameBits(expected, y, "multiplyAccumulateTransposed rows " + rows + " count " + count
                                + " len " + len + " k0 " + k0);
                        assertSentinels(y, rows, len, "multiplyAccumulateTransposed");
                    }
                }
            }
        }
    }

    /**
     * tanh lane by lane equals {@link FloatTanh#tanh} for every float tried: any bit pattern
     * (subnormals, huge, infinities, NaN), the working range, both sides of the clamp at 9.1,
     * signed zeros; and array lengths that leave a scalar tail. The scratch array starts with
     * garbage.
     */
    @Test
    void tanhIsBitIdentical() {
        FloatKernelSet v = vector();
        SplittableRandom rng = new SplittableRandom(32);
        float clamp = (float) FloatTanh.CLAMP;
        float[] special = {0f, -0f, Float.MIN_VALUE, -Float.MIN_VALUE, Float.MIN_NORMAL, Float.MAX_VALUE,
            -Float.MAX_VALUE, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, Float.NaN, 1f, -1f, clamp,
            -clamp, Math.nextUp(clamp), Math.nextDown(clamp), -Math.nextUp(clamp), -Math.nextDown(clamp),
            Float.intBitsToFloat(0x7fc00001), Float.intBitsToFloat(0xffc00000)};
        for (int len = 0; len <= 70; len++) {
            for (int round = 0; round < 200; round++) {
                float[] z = new float[len + 1];
                for (int i = 0; i < z.length; i++) {
                    int kind = rng.nextInt(4);
                    z[i] = kind == 0 ? Float.intBitsToFloat(rng.nextInt())
                            : kind == 1 ? (float) rng.nextDouble(-4, 4)
                            : kind == 2 ? (float) rng.nextDouble(-12, 12)
                            : special[rng.nextInt(special.length)];
                }
                z[len] = SENTINEL;
                double[] scratch = new double[len];
                java.util.Arrays.fill(scratch, Double.NaN);
                float[] expected = z.clone();
                FloatTanh.apply(expected, len);
                v.tanh(z, len, scratch);
                for (int i = 0; i < len; i++) {
                    if (Float.isNaN(expected[i])) {
                        assertTrue(Float.isNaN(z[i]), "tanh of NaN at " + i);
                    } else {
                        assertEquals(Float.floatToRawIntBits(expected[i]), Float.floatToRawIntBits(z[i]),
                                "tanh at " + i + " of " + len + ": " + expected[i] + " vs " + z[i]);
                    }
                }
                assertEquals(SENTINEL, z[len], "tanh wrote beyond count");
            }
        }
    }

    /**
     * The comparison can fail: the same products with the terms of one element in another order,
     * or unfused, differ in some bit on these inputs (so bit-identity above is not an accident of
     * the data).
     */
    @Test
    void theInputsDistinguishOrderAndFusion() {
        SplittableRandom rng = new SplittableRandom(31);
        float[][] c = random(rng, 1, 64);
        float[][] a = random(rng, 64, 64);
        float[] fused = new float[64];
        float[] reversed = new float[64];
        float[] unfused = new float[64];
        FloatKernels.rowTimesRows(c[0], a, fused, 64, 64);
        for (int o = 0; o < 64; o++) {
            for (int k = 63; k >= 0; k--) {
                reversed[o] = Math.fma(c[0][k], a[k][o], reversed[o]);
            }
            for (int k = 0; k < 64; k++) {
                unfused[o] = unfused[o] + c[0][k] * a[k][o];
            }
        }
        int reorderedDiffer = 0;
        int unfusedDiffer = 0;
        for (int o = 0; o < 64; o++) {
            reorderedDiffer += Float.floatToRawIntBits(fused[o]) != Float.floatToRawIntBits(reversed[o]) ? 1 : 0;
            unfusedDiffer += Float.floatToRawIntBits(fused[o]) != Float.floatToRawIntBits(unfused[o]) ? 1 : 0;
        }
        assertTrue(reorderedDiffer > 0 && unfusedDiffer > 0, reorderedDiffer + " / " + unfusedDiffer);
    }

    /** Uniform in [-1, 1), with some exact zeros, small and large magnitudes. */
    private static float[][] random(SplittableRandom rng, int rows, int cols) {
        float[][] m = new float[rows][cols];
        for (float[] row : m) {
            for (int i = 0; i < cols; i++) {
                double u = rng.nextDouble(-1, 1);
                int kind = rng.nextInt(40);
                row[i] = (float) (kind == 0 ? 0.0 : kind == 1 ? u * 1e-30 : kind == 2 ? u * 1e6 : u);
            }
        }
        return m;
    }

    /** y widened to rows x cols, the new cells holding {@link #SENTINEL}. */
    private static float[][] withSentinels(float[][] y, int rows, int cols) {
        float[][] out = new float[rows][cols];
        for (int r = 0; r < rows; r++) {
            for (int i = 0; i < cols; i++) {
                out[r][i] = r < y.length && i < y[r].length ? y[r][i] : SENTINEL;
            }
        }
        return out;
    }

    private static void assertSentinels(float[][] y, int rows, int len, String what) {
        for (int r = 0; r < y.length; r++) {
            for (int i = 0; i < y[r].length; i++) {
                if (r >= rows || i >= len) {
                    assertEquals(SENTINEL, y[r][i], what + " wrote outside its block at [" + r + "][" + i + "]");
                }
            }
        }
    }

    private static float[][] copy(float[][] m) {
        float[][] out = new float[m.length][];
        for (int r = 0; r < m.length; r++) {
            out[r] = m[r].clone();
        }
        return out;
    }

    private static void assertSameBits(float[][] expected, float[][] actual, String what) {
        for (int r = 0; r < expected.length; r++) {
            for (int i = 0; i < expected[r].length; i++) {
                if (Float.floatToRawIntBits(expected[r][i]) != Float.floatToRawIntBits(actual[r][i])) {
                    assertEquals(expected[r][i], actual[r][i], what + " at [" + r + "][" + i + "]");
                    assertEquals(Float.floatToRawIntBits(expected[r][i]), Float.floatToRawIntBits(actual[r][i]),
                            what + " at [" + r + "][" + i + "] (bits)");
                }
            }
        }
    }
}
