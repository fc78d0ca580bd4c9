package dev.ablate4j.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * Boundaries of an early look that spends less α than 1 − Φ can show (2 − 2Φ(x) is exactly 0 beyond
 * x ≈ 8.3): a small α (a family-wise α/m) or a small information fraction (min 2 of max 20). Before
 * the fix the first boundary was infinite, the continuation grid NaN, and every later boundary
 * bisected to 0 (3.6e-11): any |z| "decided".
 */
class GroupSequentialTailTest {

    private static double[] fractions(int min, int max, int step) {
        int n = (max - min + step - 1) / step + 1;
        double[] t = new double[n];
        for (int k = 0; k < n; k++) {
            t[k] = Math.min(min + k * step, max) / (double) max;
        }
        return t;
    }

    @Test
    void aFirstLookThatSpendsAlmostNothingStillGivesFiniteDecreasingBoundaries() {
        for (double alpha : new double[] {0.05 / 3, 0.05 / 10, 0.05}) {
            double[] t = alpha == 0.05 ? fractions(2, 40, 2) : fractions(2, 20, 2);
            double[] c = GroupSequential.boundaries(alpha, t);
            String what = "alpha " + alpha + ": " + Arrays.toString(c);
            for (int k = 0; k < c.length; k++) {
                assertTrue(Double.isFinite(c[k]) && c[k] > 1.9, what);
                assertTrue(k == 0 || c[k] < c[k - 1], what);
            }
            // O'Brien–Fleming: the last look needs a little more than the fixed-sample quantile
            double fixed = -new org.apache.commons.math3.distribution.NormalDistribution(null, 0, 1)
                    .inverseCumulativeProbability(alpha / 2);
            assertTrue(c[c.length - 1] > fixed && c[c.length - 1] < fixed + 0.3, what);
        }
    }

    /** A first look that spends nothing constrains nothing: the later looks are those of the design without it. */
    @Test
    void aFirstLookThatSpendsNothingLeavesTheLaterLooksAsWithoutIt() {
        double alpha = 0.05 / 3;
        double[] with = GroupSequential.boundaries(alpha, new double[] {0.1, 0.5, 1.0});
        double[] without = GroupSequential.boundaries(alpha, new double[] {0.5, 1.0});
        assertTrue(with[0] > 8, Arrays.toString(with));
        assertEquals(without[0], with[1], 1e-6, Arrays.toString(with));
        assertEquals(without[1], with[2], 1e-4, Arrays.toString(with));
    }

    @Test
    void theSpentAlphaKeepsItsDigitsFarInTheTail() {
        // 2 (2 − 2Φ(z_{1−α/4} / √t)) at α = 0.05/3, t = 0.1: x = 8.35, 4Φ(−x) = 2.72e-16
        double x = -new org.apache.commons.math3.distribution.NormalDistribution(null, 0, 1)
                .inverseCumulativeProbability(0.05 / 12) / Math.sqrt(0.1);
        double spent = GroupSequential.spent(0.05 / 3, 0.1);
        assertTrue(spent > 0, "spent " + spent);
        assertEquals(4 * new org.apache.commons.math3.distribution.NormalDistribution(null, 0, 1)
                .cumulativeProbability(-x), spent, 1e-30);
    }

    /** Above the tail threshold the boundaries are bit for bit the former ones (rule files keep their bytes). */
    @Test
    void ordinaryDesignsKeepTheirBoundaries() {
        double[] c = GroupSequential.boundaries(0.05, new double[] {0.5, 1.0});
        assertEquals(2.9626, c[0], 1e-4);
        assertEquals(1.9686, c[1], 1e-3);
    }
}
