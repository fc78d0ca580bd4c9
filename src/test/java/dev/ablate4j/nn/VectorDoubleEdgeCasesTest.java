package dev.ablate4j.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** Red-team probes of VectorDoubleKernels against the scalar kernels (raw bits, NaN payloads included). */
class VectorDoubleEdgeCasesTest {

    private static DoubleKernelSet vector() {
        DoubleKernelSet v = DoubleKernelChoice.vectorOrNull();
        Assumptions.assumeTrue(v != null, "no jdk.incubator.vector in this JVM");
        return v;
    }

    private static void checkTanh(DoubleKernelSet v, double[] z) {
        double[] expected = z.clone();
        for (int i = 0; i < z.length; i++) {
            expected[i] = Tanh.tanh(expected[i]);
        }
        double[] got = z.clone();
        v.tanh(got, got.length, new double[DoubleKernelSet.TANH_SCRATCH]);
        for (int i = 0; i < z.length; i++) {
            assertEquals(Double.doubleToRawLongBits(expected[i]), Double.doubleToRawLongBits(got[i]),
                    () -> "tanh differs");
        }
    }

    @Test
    void tanhNearEveryTableTieAndBoundaryRawBits() {
        DoubleKernelSet v = vector();
        List<Double> values = new ArrayList<>();
        for (int k = 0; k <= 600; k++) {
            double u = k + 0.5;
            double a = u / 64;
            double up = a;
            double down = a;
            values.add(a);
            for (int i = 0; i < 4; i++) {
                up = Math.nextUp(up);
                down = Math.nextDown(down);
                values.add(up);
                values.add(down);
            }
            double whole = k / 64.0;
            values.add(whole);
            values.add(Math.nextUp(whole));
            values.add(Math.nextDown(whole));
        }
        for (double e : new double[] {0x1p-28, 0.125, 8, 22, 0x1p-1022, Double.MIN_VALUE, 0x1p51 / 64, 0x1p52 / 64,
            0x1p53 / 64, Double.MAX_VALUE / 64, Double.MAX_VALUE}) {
            double up = e;
            double down = e;
            values.add(e);
            for (int i = 0; i < 3; i++) {
                up = Math.nextUp(up);
                down = Math.nextDown(down);
                values.add(up);
                values.add(down);
            }
        }
        long[] nans = {0x7ff8000000000000L, 0xfff8000000000000L, 0x7ff0000000000001L, 0x7ff4000000000000L,
            0xfff0000000000abcL, 0x7fffffffffffffffL};
        for (long n : nans) {
            values.add(Double.longBitsToDouble(n));
        }
        SplittableRandom rng = new SplittableRandom(7);
        int size = values.size();
        double[] all = new double[2 * size];
        for (int i = 0; i < size; i++) {
            all[2 * i] = values.get(i);
            all[2 * i + 1] = -values.get(i);
        }
        // every value at every lane position, mixed with values of other branches
        for (int shift = 0; shift < 16; shift++) {
            double[] z = new double[all.length + shift];
            for (int i = 0; i < shift; i++) {
                z[i] = rng.nextDouble(-30, 30);
            }
            System.arraycopy(all, 0, z, shift, all.length);
            checkTanh(v, z);
        }
    }

    @Test
    void tanhRandomBitPatternsInEachBranch() {
        DoubleKernelSet v = vector();
        SplittableRandom rng = new SplittableRandom(11);
        double[] z = new double[64];
        for (int round = 0; round < 40_000; round++) {
            for (int i = 0; i < z.length; i++) {
                int kind = rng.nextInt(4);
                double x;
                if (kind == 0) {
                    x = Double.longBitsToDouble(rng.nextLong());
                } else if (kind == 1) { // [1/8, 8): exponent -3..2, any mantissa
                    long bits = ((long) (1023 - 3 + rng.nextInt(6)) << 52) | (rng.nextLong() & 0xfffffffffffffL);
                    x = Double.longBitsToDouble(bits);
                } else if (kind == 2) { // [2^-28, 1/8)
                    long bits = ((long) (1023 - 28 + rng.nextInt(25)) << 52) | (rng.nextLong() & 0xfffffffffffffL);
                    x = Double.longBitsToDouble(bits);
                } else { // a*64 exactly k + 1/2 or within a few ulps of it
                    double a = (rng.nextInt(8, 512) + 0.5) / 64;
                    for (int s = rng.nextInt(-3, 4); s != 0; s += s > 0 ? -1 : 1) {
                        a = s > 0 ? Math.nextUp(a) : Math.nextDown(a);
                    }
                    x = a;
                }
                z[i] = rng.nextBoolean() ? x : -x;
            }
            checkTanh(v, z);
        }
    }

    private static double special(SplittableRandom rng) {
        switch (rng.nextInt(12)) {
            case 0: return Double.longBitsToDouble(0x7ff8000000000000L | rng.nextLong(1L << 40));
            case 1: return Double.longBitsToDouble(0xfff8000000000000L | rng.nextLong(1L << 40));
            case 2: return Double.POSITIVE_INFINITY;
            case 3: return Double.NEGATIVE_INFINITY;
            case 4: return -0.0;
            case 5: return 0.0;
            case 6: return Double.MIN_VALUE * rng.nextInt(1, 1000);
            case 7: return rng.nextDouble(-1, 1) * 1e300;
            case 8: return rng.nextDouble(-1, 1) * 1e-300;
            default: return rng.nextDouble(-1, 1);
        }
    }

    private static double[][] specials(SplittableRandom rng, int rows, int cols) {
        double[][] m = new double[rows][cols];
        for (double[] row : m) {
            for (int i = 0; i < cols; i++) {
                row[i] = special(rng);
            }
        }
        return m;
    }

    private static double[][] copy(double[][] m) {
        double[][] out = new double[m.length][];
        for (int r = 0; r < m.length; r++) {
            out[r] = m[r].clone();
        }
        return out;
    }

    private static int rawMismatches(double[][] e, double[][] g, boolean nanPayloads) {
        int bad = 0;
        for (int r = 0; r < e.length; r++) {
            for (int i = 0; i < e[r].length; i++) {
                long x = Double.doubleToRawLongBits(e[r][i]);
                long y = Double.doubleToRawLongBits(g[r][i]);
                if (nanPayloads ? x != y : Double.doubleToLongBits(e[r][i]) != Double.doubleToLongBits(g[r][i])) {
                    bad++;
                }
            }
        }
        return bad;
    }

    /** Signed zeros, infinities, overflow, subnormals: same bits (NaN counted as one value). */
    @Test
    void productsWithSpecialValuesSameBitsUpToNanPayload() {
        DoubleKernelSet v = vector();
        SplittableRandom rng = new SplittableRandom(13);
        for (int round = 0; round < 200; round++) {
            int rows = rng.nextInt(1, 10);
            int count = rng.nextInt(1, 40);
            int len = rng.nextInt(1, 80);
            double[][] c = specials(rng, rows, count);
            double[][] a = specials(rng, count, len);
            double[][] y = specials(rng, rows, len);
            double[][] e = copy(y);
            MatrixKernels.multiplyAccumulate(c, a, e, rows, count, len);
            v.multiplyAccumulate(c, a, y, rows, count, len);
            assertEquals(0, rawMismatches(e, y, false), "multiplyAccumulate round " + round);
            double[][] ct = specials(rng, count, rows);
            double[][] yt = specials(rng, rows, len);
            double[][] et = copy(yt);
            MatrixKernels.multiplyAccumulateTransposed(ct, 0, a, et, rows, count, len);
            v.multiplyAccumulateTransposed(ct, 0, a, yt, rows, count, len);
            assertEquals(0, rawMismatches(et, yt, false), "multiplyAccumulateTransposed round " + round);
        }
    }

    /** Two threads on the shared kernel singleton at once give what one thread gives. */
    @Test
    void sharedKernelSetIsSafeAcrossThreads() throws InterruptedException {
        DoubleKernelSet v = vector();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread[] threads = new Thread[3];
        for (int t = 0; t < threads.length; t++) {
            long seed = 100 + t;
            threads[t] = new Thread(() -> {
                try {
                    SplittableRandom rng = new SplittableRandom(seed);
                    double[] scratch = new double[DoubleKernelSet.TANH_SCRATCH];
                    for (int round = 0; round < 3000; round++) {
                        double[][] c = specials(rng, 8, 64);
                        double[][] a = specials(rng, 64, 64);
                        double[][] y = new double[8][64];
                        double[][] e = new double[8][64];
                        MatrixKernels.multiplyAccumulate(c, a, e, 8, 64, 64);
                        v.multiplyAccumulate(c, a, y, 8, 64, 64);
                        if (rawMismatches(e, y, false) != 0) {
                            throw new AssertionError("product differs in thread, round " + round);
                        }
                        double[] z = new double[64];
                        for (int i = 0; i < 64; i++) {
                            z[i] = rng.nextDouble(-10, 10);
                        }
                        double[] ez = z.clone();
                        for (int i = 0; i < 64; i++) {
                            ez[i] = Tanh.tanh(ez[i]);
                        }
                        v.tanh(z, 64, scratch);
                        for (int i = 0; i < 64; i++) {
                            if (Double.doubleToRawLongBits(z[i]) != Double.doubleToRawLongBits(ez[i])) {
                                throw new AssertionError("tanh differs in thread, round " + round);
                            }
                        }
                    }
                } catch (Throwable e) {
                    failure.compareAndSet(null, e);
                }
            });
            threads[t].start();
        }
        for (Thread t : threads) {
            t.join();
        }
        if (failure.get() != null) {
            throw new AssertionError(failure.get());
        }
    }
}
