package dev.ablate4j.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The exact Mann–Whitney p for small samples without ties (scipy method="exact"). */
class MannWhitneyExactTest {

    @Test
    void threeAgainstThreeSeedsGiveTheExactP() {
        MannWhitney.Result r = MannWhitney.test(new double[] {4, 5, 6}, new double[] {1, 2, 3});
        assertEquals(9, r.u());
        // 2 of the 20 equally likely rank splits are as extreme: p = 0.1 (asymptotic: 0.081)
        assertEquals(0.1, r.p(), 1e-12);
        assertTrue(r.exact());
        assertEquals(0.0808556, r.pAsymptotic(), 1e-6);
    }

    @Test
    void scipyExactValues() {
        // scipy.stats.mannwhitneyu([1.1, 2.4, 3.9, 5.2], [2.0, 4.4, 6.1, 7.3, 8.0], method="exact"): U = 4,
        // p = 2 * 12 / 126 (12 of the C(9, 4) = 126 rank splits have U <= 4)
        MannWhitney.Result r = MannWhitney.test(new double[] {1.1, 2.4, 3.9, 5.2}, new double[] {2.0, 4.4, 6.1, 7.3, 8.0});
        assertEquals(4, r.u());
        assertEquals(2 * 12 / 126.0, r.p(), 1e-12);
    }

    @Test
    void tiesOrLargeSamplesUseTheApproximation() {
        MannWhitney.Result ties = MannWhitney.test(new double[] {1, 2, 2}, new double[] {2, 3, 4});
        assertFalse(ties.exact());
        assertEquals("asymptotic", ties.method());
        double[] x = new double[30];
        double[] y = new double[30];
        for (int i = 0; i < 30; i++) {
            x[i] = 2 * i;
            y[i] = 2 * i + 1;
        }
        assertFalse(MannWhitney.test(x, y).exact());
    }
}
