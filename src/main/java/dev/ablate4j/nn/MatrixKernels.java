package dev.ablate4j.nn;

/**
 * The matrix kernels behind {@link Mlp}'s forward, backward and Jacobian-vector passes, on row
 * arrays ({@code double[][]}). Each keeps the order in which every sum receives its terms (ascending
 * index, as the plain loops would), so blocking and tiling change only how often memory is touched,
 * never a result bit.
 */
final class MatrixKernels {

    private MatrixKernels() {}

    /** Rows of the batch per block in the weight-gradient accumulation (keeps the block in L1). */
    static final int BATCH_BLOCK = 32;

    /**
     * y[r][o] += sum_k c[r][k] a[k][o] for r {@literal <} rows, k {@literal <} count, o {@literal <} len.
     * Each y[r][o] receives its terms one by one in ascending k, exactly as the plain triple loop
     * would, so results are bit-identical to it; the blocking (two rows of y and two of a per pass,
     * so each element of a loaded serves two rows and each y element is stored once per two terms)
     * changes only how often memory is touched. The inner loops run over contiguous o from index
     * 0 in every array, which C2 vectorizes. y's rows must be distinct from a's and c's.
     */
    static void multiplyAccumulate(double[][] c, double[][] a, double[][] y, int rows, int count, int len) {
        int r = 0;
        for (; r + 2 < rows; r += 3) {
            double[] c0 = c[r];
            double[] c1 = c[r + 1];
            double[] c2 = c[r + 2];
            double[] y0 = y[r];
            double[] y1 = y[r + 1];
            double[] y2 = y[r + 2];
            int k = 0;
            for (; k + 1 < count; k += 2) {
                double p0 = c0[k];
                double p1 = c0[k + 1];
                double q0 = c1[k];
                double q1 = c1[k + 1];
                double s0 = c2[k];
                double s1 = c2[k + 1];
                double[] a0 = a[k];
                double[] a1 = a[k + 1];
                for (int o = 0; o < len; o++) {
                    double w0 = a0[o];
                    double w1 = a1[o];
                    y0[o] = y0[o] + p0 * w0 + p1 * w1;
                    y1[o] = y1[o] + q0 * w0 + q1 * w1;
                    y2[o] = y2[o] + s0 * w0 + s1 * w1;
                }
            }
            if (k < count) {
                double p = c0[k];
                double q = c1[k];
                double s = c2[k];
                double[] ak = a[k];
                for (int o = 0; o < len; o++) {
                    double wk = ak[o];
                    y0[o] += p * wk;
                    y1[o] += q * wk;
                    y2[o] += s * wk;
                }
            }
        }
        for (; r + 1 < rows; r += 2) {
            double[] c0 = c[r];
            double[] c1 = c[r + 1];
            double[] y0 = y[r];
            double[] y1 = y[r + 1];
            int k = 0;
            for (; k + 1 < count; k += 2) {
                double p0 = c0[k];
                double p1 = c0[k + 1];
                double q0 = c1[k];
                double q1 = c1[k + 1];
                double[] a0 = a[k];
                double[] a1 = a[k + 1];
                for (int o = 0; o < len; o++) {
                    double w0 = a0[o];
                    double w1 = a1[o];
                    y0[o] = y0[o] + p0 * w0 + p1 * w1;
                    y1[o] = y1[o] + q0 * w0 + q1 * w1;
                }
            }
            if (k < count) {
                double p = c0[k];
                double q = c1[k];
                double[] ak = a[k];
                for (int o = 0; o < len; o++) {
                    double wk = ak[o];
                    y0[o] += p * wk;
                    y1[o] += q * wk;
                }
            }
        }
        if (r < rows) {
            double[] cr = c[r];
            double[] yr = y[r];
            int k = 0;
            for (; k + 3 < count; k += 4) {
                double p0 = cr[k];
                double p1 = cr[k + 1];
                double p2 = cr[k + 2];
                double p3 = cr[k + 3];
                double[] a0 = a[k];
                double[] a1 = a[k + 1];
                double[] a2 = a[k + 2];
                double[] a3 = a[k + 3];
                for (int o = 0; o < len; o++) {
                    yr[o] = yr[o] + p0 * a0[o] + p1 * a1[o] + p2 * a2[o] + p3 * a3[o];
                }
            }
            for (; k < count; k++) {
                axpy(cr[k], a[k], 0, yr, 0, len);
            }
        }
    }

    /**
     * y[r][o] += sum_k c[k0 + k][r] a[k0 + k][o] for r {@literal <} rows, k {@literal <} count,
     * o {@literal <} len (y += c^T a over a block of c's and a's rows), each y[r][o] receiving its
     * terms in ascending k; blocked as {@link #multiplyAccumulate}.
     */
    static void multiplyAccumulateTransposed(double[][] c, int k0, double[][] a, double[][] y, int rows, int count,
            int len) {
        int end = k0 + count;
        int r = 0;
        for (; r + 2 < rows; r += 3) {
            double[] y0 = y[r];
            double[] y1 = y[r + 1];
            double[] y2 = y[r + 2];
            int k = k0;
            for (; k + 1 < end; k += 2) {
                double[] ck0 = c[k];
                double[] ck1 = c[k + 1];
                double p0 = ck0[r];
                double p1 = ck1[r];
                double q0 = ck0[r + 1];
                double q1 = ck1[r + 1];
                double s0 = ck0[r + 2];
                double s1 = ck1[r + 2];
                double[] a0 = a[k];
                double[] a1 = a[k + 1];
                for (int o = 0; o < len; o++) {
                    double w0 = a0[o];
                    double w1 = a1[o];
                    y0[o] = y0[o] + p0 * w0 + p1 * w1;
                    y1[o] = y1[o] + q0 * w0 + q1 * w1;
                    y2[o] = y2[o] + s0 * w0 + s1 * w1;
                }
            }
            if (k < end) {
                double p = c[k][r];
                double q = c[k][r + 1];
                double s = c[k][r + 2];
                double[] ak = a[k];
                for (int o = 0; o < len; o++) {
                    double wk = ak[o];
                    y0[o] += p * wk;
                    y1[o] += q * wk;
                    y2[o] += s * wk;
                }
            }
        }
        for (; r + 1 < rows; r += 2) {
            double[] y0 = y[r];
            double[] y1 = y[r + 1];
            int k = k0;
            for (; k + 1 < end; k += 2) {
                double[] ck0 = c[k];
                double[] ck1 = c[k + 1];
                double p0 = ck0[r];
                double p1 = ck1[r];
                double q0 = ck0[r + 1];
                double q1 = ck1[r + 1];
                double[] a0 = a[k];
                double[] a1 = a[k + 1];
                for (int o = 0; o < len; o++) {
                    double w0 = a0[o];
                    double w1 = a1[o];
                    y0[o] = y0[o] + p0 * w0 + p1 * w1;
                    y1[o] = y1[o] + q0 * w0 + q1 * w1;
                }
            }
            if (k < end) {
                double p = c[k][r];
                double q = c[k][r + 1];
                double[] ak = a[k];
                for (int o = 0; o < len; o++) {
                    double wk = ak[o];
                    y0[o] += p * wk;
                    y1[o] += q * wk;
                }
            }
        }
        if (r < rows) {
            double[] yr = y[r];
            for (int k = k0; k < end; k++) {
                axpy(c[k][r], a[k], 0, yr, 0, len);
            }
        }
    }

    /**
     * y[yOff + o] += sum_k c[cOff + k*cStride] * a[aOff + k*aStride + o] for o {@literal <} len, k {@literal <} count: a
     * linear combination of {@code count} contiguous rows of {@code a}. The terms are added to each
     * y[o] one by one in order of k, exactly as {@code count} successive {@link #axpy} calls would,
     * but four rows per pass so y is loaded and stored a quarter as often. Used for a single sample
     * straight from the flat parameter array.
     */
    static void addCombination(double[] c, int cOff, int cStride, double[] a, int aOff, int aStride, int count,
            double[] y, int yOff, int len) {
        int k = 0;
        for (; k + 3 < count; k += 4) {
            double c0 = c[cOff + k * cStride];
            double c1 = c[cOff + (k + 1) * cStride];
            double c2 = c[cOff + (k + 2) * cStride];
            double c3 = c[cOff + (k + 3) * cStride];
            int a0 = aOff + k * aStride;
            int a1 = a0 + aStride;
            int a2 = a1 + aStride;
            int a3 = a2 + aStride;
            for (int o = 0; o < len; o++) {
                y[yOff + o] = y[yOff + o] + c0 * a[a0 + o] + c1 * a[a1 + o] + c2 * a[a2 + o] + c3 * a[a3 + o];
            }
        }
        for (; k < count; k++) {
            axpy(c[cOff + k * cStride], a, aOff + k * aStride, y, yOff, len);
        }
    }

    /** y[yOff..yOff+n) += a * x[xOff..xOff+n). */
    static void axpy(double a, double[] x, int xOff, double[] y, int yOff, int n) {
        for (int k = 0; k < n; k++) {
            y[yOff + k] += a * x[xOff + k];
        }
    }

    /** Copies the n x m block at {@code w} of a flat array into rows: rows[i][o] = flat[w + i*m + o]. */
    static double[][] weightRows(double[] flat, int w, int n, int m, double[][] rows) {
        for (int i = 0; i < n; i++) {
            System.arraycopy(flat, w + i * m, rows[i], 0, m);
        }
        return rows;
    }

    /** Side of the tiles the transpose works in, so wide layers do not miss the cache on every element. */
    private static final int TILE = 16;

    /** The transpose of the n x m block at {@code w}: out[o][i] = flat[w + i*m + o], tile by tile. */
    static double[][] transposedWeightRows(double[] flat, int w, int n, int m, double[][] out) {
        for (int i0 = 0; i0 < n; i0 += TILE) {
            int i1 = Math.min(n, i0 + TILE);
            for (int o0 = 0; o0 < m; o0 += TILE) {
                int o1 = Math.min(m, o0 + TILE);
                for (int o = o0; o < o1; o++) {
                    double[] row = out[o];
                    for (int i = i0; i < i1; i++) {
                        row[i] = flat[w + i * m + o];
                    }
                }
            }
        }
        return out;
    }

    /** Copies the first {@code batch} rows (width {@code width}) into a row-major flat array. */
    static void flatten(double[][] rows, int batch, int width, double[] out) {
        for (int b = 0; b < batch; b++) {
            System.arraycopy(rows[b], 0, out, b * width, width);
        }
    }
}
