package dev.ablate4j.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class AdamTest {

    private static final double LR = 0.01;
    private static final double[] G1 = {0.5, -1.0, 1e-5, 0.0};
    private static final double[] G2 = {0.1, 0.3, -2.0, 0.25};

    @Test
    void twoStepsMatchAHandComputation() {
        double[] p = {1.0, -2.0, 0.0, 0.5};
        Adam adam = new Adam(4, 0.9, 0.999, 1e-5);

        // Step 1: m = 0.1 g, v = 0.001 g^2, bias corrections 0.1 and 0.001, so the step is
        // lr * g / (|g| + eps): for g = 1e-5 that is lr / 2 (eps outside the square root).
        adam.step(p, G1, LR);
        assertEquals(1.0 - 0.01 * 0.5 / 0.50001, p[0], 1e-15);
        assertEquals(-2.0 + 0.01 / 1.00001, p[1], 1e-15);
        assertEquals(-0.005, p[2], 1e-15);
        assertEquals(0.5, p[3], 0.0);
        assertEquals(1, adam.steps());

        // Step 2: m = 0.09 g1 + 0.1 g2, v = 0.000999 g1^2 + 0.001 g2^2, bias corrections
        // 1 - 0.9^2 = 0.19 and 1 - 0.999^2 = 0.001999; values from a 40-digit decimal evaluation.
        adam.step(p, G2, LR);
        assertArrayEquals(new double[] {
            0.9819700129804457687147738319618244949419,
            -1.985721672050402155893921358729245623512,
            0.002441282144765334436059512699897515816539,
            0.4925590525826362634984853492369879579525}, p, 1e-14);
        assertEquals(0.09 * 0.5 + 0.1 * 0.1, adam.firstMoment()[0], 1e-15);
        assertEquals(0.000999 * 0.25 + 0.001 * 0.01, adam.secondMoment()[0], 1e-17);
    }

    @Test
    void restoredStateContinuesExactly() {
        double[] straight = {1.0, -2.0, 0.0, 0.5};
        Adam a = new Adam(4);
        a.step(straight, G1, LR);
        a.step(straight, G2, LR);

        double[] resumed = {1.0, -2.0, 0.0, 0.5};
        Adam b = new Adam(4);
        b.step(resumed, G1, LR);
        Adam c = new Adam(4);
        c.restore(b.firstMoment().clone(), b.secondMoment().clone(), b.steps());
        c.step(resumed, G2, LR);
        assertArrayEquals(straight, resumed, 0.0);
        assertEquals(2, c.steps());
    }

    @Test
    void biasCorrectionPowersAreAccurate() {
        assertEquals(1.0, Adam.power(0.9, 0), 0.0);
        assertEquals(0.81, Adam.power(0.9, 2), 1e-16);
        for (long t : new long[] {1, 7, 100, 4097, 1_000_000}) {
            double expected = StrictMath.pow(0.999, t);
            assertEquals(expected, Adam.power(0.999, t), 1e-13 * expected, "t = " + t);
        }
    }

    @Test
    void rejectsMismatchedLengths() {
        Adam adam = new Adam(4);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> adam.step(new double[3], new double[4], LR));
        assertEquals("Adam params must have length 4, got 3", e.getMessage());
    }
}
