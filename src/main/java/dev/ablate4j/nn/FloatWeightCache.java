package dev.ablate4j.nn;

import java.util.Arrays;

/**
 * One layer's weights rounded to float, as rows ([i][o]) and, when asked, as their transpose
 * ([o][i]), kept for as long as the double weights they came from are unchanged.
 *
 * <p>Why: the float32 networks keep their parameters in {@code double[]} (see the package
 * documentation, "Precision"), so every pass rounds the weights it reads. During a rollout the
 * policy and value networks act on one state at a time with unchanged parameters, and the
 * rounding of the whole weight matrix (scalar on JDK 17) cost more than the one-row product
 * itself. The cache does not rely on callers to say when parameters change: each use compares
 * the double weights with the copy they were rounded from ({@link Arrays#equals(double[], int,
 * int, double[], int, int)}, an intrinsic several times cheaper than the rounding), and rounds
 * again on any difference. So the rows are always exactly what rounding the current weights
 * would give: the same bits as without the cache.
 *
 * <p>{@code Arrays.equals} compares doubles as {@link Double#doubleToLongBits} does, which tells
 * -0.0 from 0.0 but takes every NaN as one value; weights holding a NaN (a diverged network) are
 * therefore never served from the cache. Not thread-safe.
 */
final class FloatWeightCache {

    private final int n;
    private final int m;
    private final double[] source;
    private final float[][] rows;
    private final float[][] transposed;
    private boolean valid;
    private boolean transposedValid;

    /** A cache for an n x m weight block (n inputs, m outputs). */
    FloatWeightCache(int n, int m) {
        this.n = n;
        this.m = m;
        this.source = new double[n * m];
        this.rows = new float[n][m];
        this.transposed = new float[m][n];
    }

    /** rows[i][o] = (float) params[w + i*m + o]. The returned rows must not be written to. */
    float[][] rows(double[] params, int w) {
        int size = n * m;
        if (valid && Arrays.equals(params, w, w + size, source, 0, size)) {
            return rows;
        }
        boolean nan = false;
        for (int i = 0; i < n; i++) {
            float[] row = rows[i];
            int base = w + i * m;
            for (int o = 0; o < m; o++) {
                double x = params[base + o];
                nan |= x != x;
                source[i * m + o] = x;
                row[o] = (float) x;
            }
        }
        valid = !nan;
        transposedValid = false;
        return rows;
    }

    /** out[o][i] = (float) params[w + i*m + o]. The returned rows must not be written to. */
    float[][] transposed(double[] params, int w) {
        float[][] r = rows(params, w);
        if (!transposedValid) { // false after every rounding, and never set while a NaN blocks reuse
            transpose(r);
            transposedValid = valid;
        }
        return transposed;
    }

    /** Tiles of 16 x 16 keep the strided side of the transpose in cache. */
    private static final int TILE = 16;

    private void transpose(float[][] r) {
        for (int i0 = 0; i0 < n; i0 += TILE) {
            int i1 = Math.min(n, i0 + TILE);
            for (int o0 = 0; o0 < m; o0 += TILE) {
                int o1 = Math.min(m, o0 + TILE);
                for (int o = o0; o < o1; o++) {
                    float[] t = transposed[o];
                    for (int i = i0; i < i1; i++) {
                        t[i] = r[i][o];
                    }
                }
            }
        }
    }
}
