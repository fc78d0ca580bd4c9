package dev.ablate4j.rl;

import java.util.SplittableRandom;

/**
 * Shuffled minibatch order for one epoch: a Fisher–Yates permutation of 0..n-1 drawn from the
 * run's shuffling stream. Bounded draws are computed here from {@code nextLong()} (whose
 * algorithm is fixed by SplittableRandom's specification) rather than with library helpers whose
 * internals might change between JDK releases.
 */
public final class Minibatches {

    private Minibatches() {}

    /** Writes a uniformly random permutation of 0..n-1 into {@code order}. */
    public static void shuffle(int[] order, int n, SplittableRandom rng) {
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = below(rng, i + 1);
            int tmp = order[i];
            order[i] = order[j];
            order[j] = tmp;
        }
    }

    /** A uniform integer in [0, bound) by the multiply-shift method on the top 32 bits. */
    public static int below(SplittableRandom rng, int bound) {
        long top = rng.nextLong() >>> 32;
        return (int) ((top * bound) >>> 32);
    }

    /** Copies rows {@code order[from..from+m)} of a row-major matrix with {@code width} columns into {@code out}. */
    public static void gather(double[] src, int width, int[] order, int from, int m, double[] out) {
        for (int r = 0; r < m; r++) {
            System.arraycopy(src, order[from + r] * width, out, r * width, width);
        }
    }
}
