package dev.ablate4j.nn;

/**
 * The float32 twins of {@link MatrixKernels}: the same products on row arrays ({@code float[][]}),
 * the same blocking and the same order of terms, with every multiply-add fused ({@link Math#fma},
 * one rounding per term). {@code Math.fma} is exactly specified, so the results are the same bits
 * on every JVM and CPU; C2 compiles the inner loops (contiguous {@code o} from index 0 in every
 * array) to vector FMA instructions where the CPU has them (x86 FMA3/AVX-512, ARM NEON/SVE).
 *
 * <p>Why rows and this blocking (measured with {@code KernelBenchmark} on JDK 17, Zen 5, loaded
 * machine): with {@code -XX:-UseSuperWord} the 64 x 64 x 64 product runs about 3x slower, so the
 * loops are vectorized; a 4 x 4 blocking (four rows of y, four terms) is not vectorized by C2 17
 * and ran at the scalar speed. Flat arrays read at run-time offsets are not vectorized by C2 17
 * (see {@link MatrixKernels}), so rows stay. At rows of 64 C2 (JDK 17 and 25) packs four floats
 * per instruction (128-bit registers, not 512): it unrolls, and so sizes the vectors, by the
 * loop's profiled trip count. 2 x 4 and 3 x 3 blockings are up to 1.3x faster than 3 x 2 alone,
 * but inside the network C2 left the 2 x 4 loop scalar in some compilations (whole passes up to
 * 1.4x slower), while 3 x 2 was vectorized in every context examined; so 3 x 2 stays
 * ({@code docs/performance.md}, "Kernel shape at 64 x 64").
 * Whatever the blocking, each y element takes its terms in ascending k, one fused multiply-add
 * each, so blocking never changes a bit ({@code FloatSummationOrderTest}). When the JVM has the
 * Vector API module, {@link FloatMlpRunner} runs the same products on {@code VectorFloatKernels}
 * instead (full-width vectors, the same bits; {@link FloatKernelChoice}).
 */
final class FloatKernels {

    private FloatKernels() {}

    /**
     * y[r][o] = fma(c[r][k], a[k][o], y[r][o]) for k = 0, 1, ..., count-1 in that order, for
     * r {@literal <} rows and o {@literal <} len (y += c a). Blocked three rows of y by two rows of a
     * per pass, as {@link MatrixKernels#multiplyAccumulate}; y's rows must be distinct from a's and c's.
     */
    static void multiplyAccumulate(float[][] c, float[][] a, float[][] y, int rows, int count, int len) {
        int r = 0;
        for (; r + 2 < rows; r += 3) {
            float[] c0 = c[r];
            float[] c1 = c[r + 1];
            float[] c2 = c[r + 2];
            float[] y0 = y[r];
            float[] y1 = y[r + 1];
            float[] y2 = y[r + 2];
            int k = 0;
            for (; k + 1 < count; k += 2) {
                float p0 = c0[k];
                float p1 = c0[k + 1];
                float q0 = c1[k];
                float q1 = c1[k + 1];
                float s0 = c2[k];
                float s1 = c2[k + 1];
                float[] a0 = a[k];
                float[] a1 = a[k + 1];
                for (int o = 0; o < len; o++) {
                    float w0 = a0[o];
                    float w1 = a1[o];
                    y0[o] = Math.fma(p1, w1, Math.fma(p0, w0, y0[o]));
                    y1[o] = Math.fma(q1, w1, Math.fma(q0, w0, y1[o]));
                    y2[o] = Math.fma(s1, w1, Math.fma(s0, w0, y2[o]));
                }
            }
            if (k < count) {
                float p = c0[k];
                float q = c1[k];
                float s = c2[k];
                float[] ak = a[k];
                for (int o = 0; o < len; o++) {
                    float wk = ak[o];
                    y0[o] = Math.fma(p, wk, y0[o]);
                    y1[o] = Math.fma(q, wk, y1[o]);
                    y2[o] = Math.fma(s, wk, y2[o]);
                }
            }
        }
        for (; r < rows; r++) {
            rowTimesRows(c[r], a, y[r], count, len);
        }
    }

    /**
     * y[o] = fma(c[k], a[k][o], y[o]) for k = 0, ..., count-1 in order (a row vector times a matrix):
     * the one-row path (acting, the value of one state) and the last rows of a batch. Four rows of
     * a per pass, so y is loaded and stored a quarter as often.
     */
    static void rowTimesRows(float[] c, float[][] a, float[] y, int count, int len) {
        int k = 0;
        for (; k + 3 < count; k += 4) {
            float p0 = c[k];
            float p1 = c[k + 1];
            float p2 = c[k + 2];
            float p3 = c[k + 3];
            float[] a0 = a[k];
            float[] a1 = a[k + 1];
            float[] a2 = a[k + 2];
            float[] a3 = a[k + 3];
            for (int o = 0; o < len; o++) {
                y[o] = Math.fma(p3, a3[o], Math.fma(p2, a2[o], Math.fma(p1, a1[o], Math.fma(p0, a0[o], y[o]))));
            }
        }
        for (; k < count; k++) {
            float p = c[k];
            float[] ak = a[k];
            for (int o = 0; o < len; o++) {
                y[o] = Math.fma(p, ak[o], y[o]);
            }
        }
    }

    /**
     * y[r][o] = fma(c[k][r], a[k][o], y[r][o]) for k = k0, ..., k0+count-1 in order, for
     * r {@literal <} rows and o {@literal <} len (y += c^T a over a block of rows of c and a: the
     * weight gradient x^T dz). Blocked as {@link #multiplyAccumulate}.
     */
    static void multiplyAccumulateTransposed(float[][] c, int k0, float[][] a, float[][] y, int rows, int count,
            int len) {
        int end = k0 + count;
        int r = 0;
        for (; r + 2 < rows; r += 3) {
            float[] y0 = y[r];
            float[] y1 = y[r + 1];
            float[] y2 = y[r + 2];
            int k = k0;
            for (; k + 1 < end; k += 2) {
                float[] ck0 = c[k];
                float[] ck1 = c[k + 1];
                float p0 = ck0[r];
                float p1 = ck1[r];
                float q0 = ck0[r + 1];
                float q1 = ck1[r + 1];
                float s0 = ck0[r + 2];
                float s1 = ck1[r + 2];
                float[] a0 = a[k];
                float[] a1 = a[k + 1];
                for (int o = 0; o < len; o++) {
                    float w0 = a0[o];
                    float w1 = a1[o];
                    y0[o] = Math.fma(p1, w1, Math.fma(p0, w0, y0[o]));
                    y1[o] = Math.fma(q1, w1, Math.fma(q0, w0, y1[o]));
                    y2[o] = Math.fma(s1, w1, Math.fma(s0, w0, y2[o]));
                }
            }
            if (k < end) {
                float p = c[k][r];
                float q = c[k][r + 1];
                float s = c[k][r + 2];
                float[] ak = a[k];
                for (int o = 0; o < len; o++) {
                    float wk = ak[o];
                    y0[o] = Math.fma(p, wk, y0[o]);
                    y1[o] = Math.fma(q, wk, y1[o]);
                    y2[o] = Math.fma(s, wk, y2[o]);
                }
            }
        }
        for (; r < rows; r++) {
            float[] yr = y[r];
            for (int k = k0; k < end; k++) {
                float p = c[k][r];
                float[] ak = a[k];
                for (int o = 0; o < len; o++) {
                    yr[o] = Math.fma(p, ak[o], yr[o]);
                }
            }
        }
    }

    /** Rounds the n x m block at {@code w} of a flat double array into float rows: rows[i][o] = (float) flat[w + i*m + o]. */
    static float[][] weightRows(double[] flat, int w, int n, int m, float[][] rows) {
        for (int i = 0; i < n; i++) {
            float[] row = rows[i];
            int base = w + i * m;
            for (int o = 0; o < m; o++) {
                row[o] = (float) flat[base + o];
            }
        }
        return rows;
    }

    /** Writes float rows back into the n x m block at {@code w} of a flat double array (exactly: a float is a double). */
    static void storeRows(float[][] rows, double[] flat, int w, int n, int m) {
        for (int i = 0; i < n; i++) {
            float[] row = rows[i];
            int base = w + i * m;
            for (int o = 0; o < m; o++) {
                flat[base + o] = row[o];
            }
        }
    }
}
