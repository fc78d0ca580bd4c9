package dev.ablate4j.stats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class GroupSequentialTest {

    @Test
    void fiveEqualLooksGiveTheTabulatedLanDeMetsOBrienFlemingBoundaries() {
        // two-sided alpha 0.05, looks at 1/5 ... 5/5 (Jennison & Turnbull; R ldbounds/gsDesign)
        double[] c = GroupSequential.boundaries(0.05, new double[] {0.2, 0.4, 0.6, 0.8, 1.0});
        assertArrayEquals(new double[] {4.877, 3.357, 2.680, 2.290, 2.031}, c, 1.5e-3);
        double[] one = GroupSequential.boundaries(0.05, new double[] {1.0});
        assertEquals(1.959964, one[0], 1e-6, "one look is the fixed-sample test");
    }

    /**
     * 10,000 simulated experiments under the null (both arms from one distribution), seeds 5 to 40
     * in steps of 5 (8 looks), Welch's t mapped to z: the fraction declared decided stays within
     * alpha +- 0.01. Under a difference of one standard deviation they stop, on average, well before
     * the last look.
     */
    @Test
    void stoppingEarlyKeepsTheFalsePositiveRateAtAlpha() {
        int[] looks = {5, 10, 15, 20, 25, 30, 35, 40};
        double[] t = new double[looks.length];
        for (int k = 0; k < looks.length; k++) {
            t[k] = looks[k] / 40.0;
        }
        double[] c = GroupSequential.boundaries(0.05, t);
        int experiments = 10_000;
        SplittableRandom rng = new SplittableRandom(20261202);
        int falsePositives = 0;
        for (int e = 0; e < experiments; e++) {
            falsePositives += stopsAt(looks, c, 0.0, rng) < looks.length ? 1 : 0;
        }
        double rate = (double) falsePositives / experiments;
        assertTrue(Math.abs(rate - 0.05) <= 0.01, "false-positive rate " + rate);

        double meanSeeds = 0;
        int decided = 0;
        for (int e = 0; e < 2_000; e++) {
            int k = stopsAt(looks, c, 1.0, rng);
            decided += k < looks.length ? 1 : 0;
            meanSeeds += looks[Math.min(k, looks.length - 1)];
        }
        meanSeeds /= 2_000;
        System.err.printf("group-sequential simulation: boundaries %s; null: %d of %d decided (rate %.4f);"
                + " 1 sd: %d of 2000 decided, %.2f seeds per arm on average (max 40)%n",
                java.util.Arrays.toString(c), falsePositives, experiments, rate, decided, meanSeeds);
        assertTrue(meanSeeds < 25, "a 1-sd difference needs " + meanSeeds + " seeds on average");
        assertTrue(decided > 1_900, decided + " of 2000 decided");
    }

    /** The index of the look at which |z| first reaches its boundary, or looks.length if none. */
    private static int stopsAt(int[] looks, double[] c, double shift, SplittableRandom rng) {
        double[] x = new double[looks[looks.length - 1]];
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            x[i] = gaussian(rng) + shift;
            y[i] = gaussian(rng);
        }
        for (int k = 0; k < looks.length; k++) {
            double z = GroupSequential.zFromWelch(java.util.Arrays.copyOf(x, looks[k]), java.util.Arrays.copyOf(y, looks[k]));
            if (Math.abs(z) >= c[k]) {
                return k;
            }
        }
        return looks.length;
    }

    private static double gaussian(SplittableRandom rng) {
        double u = rng.nextDouble();
        double v = rng.nextDouble();
        return Math.sqrt(-2 * Math.log(1 - u)) * Math.cos(2 * Math.PI * v);
    }
}
