package dev.ablate4j.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The float64 Vector API kernels ({@code VectorDoubleKernels}) give bit for bit what
 * {@link MatrixKernels} gives, on shapes around the lane count (whole vectors, blocks of four
 * vectors, the scalar tail, rows beyond the blocks of four, {@link Mlp}'s 3-row blocking), and write
 * nothing outside the block they are given. Like {@code VectorFloatKernelsTest}, needs the JVM to
 * have {@code jdk.incubator.vector} (the build's surefire configuration adds it and makes its
 * absence a failure; elsewhere the comparisons are skipped with the reason printed).
 */
class VectorDoubleKernelsTest {

    private static final double SENTINEL = 12345.5;

    @Test
    void theBuildRunsTheNetworksOnTheVectorKernels() {
        boolean expected = "expected".equals(System.getProperty("ablate4j.test.vectorModule"));
        Assumptions.assumeTrue(expected, "not started by the build's surefire configuration");
        assertTrue(DoubleKernelChoice.KERNELS.description().startsWith("Vector API"),
                DoubleKernelChoice.KERNELS.description());
    }

    private static DoubleKernelSet vector() {
        DoubleKernelSet v = DoubleKernelChoice.vectorOrNull();
        if (v == null) {
            System.out.println("VectorDoubleKernelsTest skipped: the JVM has no jdk.incubator.vector "
                    + "(run it with --add-modules jdk.incubator.vector)");
        }
        Assumptions.assumeTrue(v != null, "no jdk.incubator.vector in this JVM");
        return v;
    }

    private static int[] lengths(DoubleKernelSet v) {
        int lanes = Integer.parseInt(v.description().replaceAll("\\D+", " ").trim().split(" ")[0]);
        return new int[] {1, 2, 3, 7, 8, 9, 17, 31, 32, 33, 63, 64, 65, 129,
            lanes - 1, lanes, lanes + 1, 4 * lanes - 1, 4 * lanes, 4 * lanes + 1, 8 * lanes + 3};
    }

    private static final int[] ROWS = {1, 2, 3, 4, 5, 6, 7, 8, 9, 64, 65};
    private static final int[] COUNTS = {1, 2, 3, 5, 32, 64, 65, 376};

    @Test
    void multiplyAccumulateIsBitIdentical() {
        DoubleKernelSet v = vector();
        SplittableRandom rng = new SplittableRandom(128);
        for (int len : lengths(v)) {
            for (int rows : ROWS) {
                for (int count : COUNTS) {
                    double[][] c = random(rng, rows + 1, count + 2);
                    double[][] a = random(rng, count + 1, len + 3);
                    double[][] y = withSentinels(random(rng, rows, len), rows + 1, len + 2);
                    double[][] expected = copy(y);
                    MatrixKernels.multiplyAccumulate(c, a, expected, rows, count, len);
                    v.multiplyAccumulate(c, a, y, rows, count, len);
                    assertSameBits(expected, y, "multiplyAccumulate rows " + rows + " count " + count + " len " + len);
                    assertSentinels(y, rows, len, "multiplyAccumulate");
                }
            }
        }
    }

    @Test
    void multiplyAccumulateTransposedIsBitIdentical() {
        DoubleKernelSet v = vector();
        SplittableRandom rng = new SplittableRandom(130);
        for (int len : lengths(v)) {
            for (int rows : ROWS) {
                for (int count : new int[] {1, 2, 3, 5, 32, 33}) {
                    for (int k0 : new int[] {0, 3}) {
                        double[][] c = random(rng, k0 + count + 1, rows + 2);
                        double[][] a = random(rng, k0 + count + 1, len + 1);
                        double[][] y = withSentinels(random(rng, rows, len), rows + 2, len + 1);
                        double[][] expected = copy(y);
                        MatrixKernels.multiplyAccumulateTransposed(c, k0, a, expected, rows, count, len);
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
     * tanh lane by lane equals {@link Fn#tanh} for every double tried: random bit patterns
     * (subnormals, huge, infinities, NaNs), each branch's range and both sides of every branch
     * boundary (2^-28, 1/8, 8, 22), exact halves of the table spacing (where the index rounds up),
     * signed zeros; and lengths that leave a scalar tail. The scratch array starts with garbage.
     */
    @Test
    void tanhIsBitIdentical() {
        DoubleKernelSet v = vector();
        SplittableRandom rng = new SplittableRandom(132);
        double[] edges = {0x1p-28, 0.125, 8, 22};
        java.util.List<Double> special = new java.util.ArrayList<>(java.util.List.of(0.0, -0.0, Double.MIN_VALUE,
                Double.MIN_NORMAL, Double.MAX_VALUE, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NaN,
                Double.longBitsToDouble(0x7ff8000000000001L), Double.longBitsToDouble(0xfff8000000000000L), 1.0));
        for (double e : edges) {
            special.add(e);
            special.add(Math.nextUp(e));
            special.add(Math.nextDown(e));
        }
        for (int half = 8; half < 512; half++) {
            special.add((half + 0.5) / 64); // a * 64 an exact half: rounds up in (int) (a * 64 + 0.5)
            special.add(Math.nextDown((half + 0.5) / 64));
        }
        for (int len = 0; len <= 40; len++) {
            for (int round = 0; round < 400; round++) {
                double[] z = new double[len + 1];
                for (int i = 0; i < z.length; i++) {
                    int kind = rng.nextInt(6);
                    double value = kind == 0 ? Double.longBitsToDouble(rng.nextLong())
                            : kind == 1 ? rng.nextDouble(-0.2, 0.2)
                            : kind == 2 ? rng.nextDouble(-9, 9)
                            : kind == 3 ? rng.nextDouble(-30, 30)
                            : kind == 4 ? rng.nextDouble(-1e-6, 1e-6)
                            : special.get(rng.nextInt(special.size()));
                    z[i] = rng.nextBoolean() ? value : -value;
                }
                z[len] = SENTINEL;
                double[] scratch = new double[DoubleKernelSet.TANH_SCRATCH];
                java.util.Arrays.fill(scratch, Double.NaN);
                double[] expected = z.clone();
                for (int i = 0; i < len; i++) {
                    expected[i] = Fn.tanh(expected[i]);
                }
                v.tanh(z, len, scratch);
                for (int i = 0; i <= len; i++) { // raw bits: a NaN keeps its sign and payload, as Fn.tanh returns it
                    assertEquals(Double.doubleToRawLongBits(expected[i]), Double.doubleToRawLongBits(z[i]),
                            "tanh at " + i + " of " + len + ": " + expected[i] + " vs " + z[i]);
                }
            }
        }
    }

    /**
     * The comparison can fail: the same sums in another order of terms, or fused, differ in some
     * bit on these inputs (so the bit-identity above is not an accident of the data).
     */
    @Test
    void theInputsDistinguishOrderAndFusion() {
        SplittableRandom rng = new SplittableRandom(131);
        double[][] c = random(rng, 1, 64);
        double[][] a = random(rng, 64, 64);
        double[][] inOrder = new double[1][64];
        MatrixKernels.multiplyAccumulate(c, a, inOrder, 1, 64, 64);
        int reorderedDiffer = 0;
        int fusedDiffer = 0;
        for (int o = 0; o < 64; o++) {
            double reversed = 0;
            double fused = 0;
            for (int k = 63; k >= 0; k--) {
                reversed = reversed + c[0][k] * a[k][o];
            }
            for (int k = 0; k < 64; k++) {
                fused = Math.fma(c[0][k], a[k][o], fused);
            }
            reorderedDiffer += Double.doubleToRawLongBits(inOrder[0][o]) != Double.doubleToRawLongBits(reversed) ? 1 : 0;
            fusedDiffer += Double.doubleToRawLongBits(inOrder[0][o]) != Double.doubleToRawLongBits(fused) ? 1 : 0;
        }
        assertTrue(reorderedDiffer > 0 && fusedDiffer > 0, reorderedDiffer + " / " + fusedDiffer);
    }

    /** Uniform in [-1, 1), with some exact zeros, tiny and large magnitudes. */
    private static double[][] random(SplittableRandom rng, int rows, int cols) {
        double[][] m = new double[rows][cols];
        for (double[] row : m) {
            for (int i = 0; i < cols; i++) {
                double u = rng.nextDouble(-1, 1);
                int kind = rng.nextInt(40);
                row[i] = kind == 0 ? 0.0 : kind == 1 ? u * 1e-300 : kind == 2 ? u * 1e12 : u;
            }
        }
        return m;
    }

    private static double[][] withSentinels(double[][] y, int rows, int cols) {
        double[][] out = new double[rows][cols];
        for (int r = 0; r < rows; r++) {
            for (int i = 0; i < cols; i++) {
                out[r][i] = r < y.length && i < y[r].length ? y[r][i] : SENTINEL;
            }
        }
        return out;
    }

    private static void assertSentinels(double[][] y, int rows, int len, String what) {
        for (int r = 0; r < y.length; r++) {
            for (int i = 0; i < y[r].length; i++) {
                if (r >= rows || i >= len) {
                    assertEquals(SENTINEL, y[r][i], what + " wrote outside its block at [" + r + "][" + i + "]");
                }
            }
        }
    }

    private static double[][] copy(double[][] m) {
        double[][] out = new double[m.length][];
        for (int r = 0; r < m.length; r++) {
            out[r] = m[r].clone();
        }
        return out;
    }

    private static void assertSameBits(double[][] expected, double[][] actual, String what) {
        for (int r = 0; r < expected.length; r++) {
            for (int i = 0; i < expected[r].length; i++) {
                assertEquals(Double.doubleToRawLongBits(expected[r][i]), Double.doubleToRawLongBits(actual[r][i]),
                        what + " at [" + r + "][" + i + "]: " + expected[r][i] + " vs " + actual[r][i]);
            }
        }
    }
}
