package dev.ablate4j.rl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ValueClipTest {

    private static final double EPS = 0.2;

    @Test
    void clippingChangesTheGradientOnlyWhereTheValueMovedMoreThanEps() {
        // sample 0 moved 0.1 (inside eps), sample 1 moved 0.5 away from the return, sample 2 moved 0.5 towards it
        double[] v = {1.1, 1.5, 1.5};
        double[] old = {1.0, 1.0, 1.0};
        double[] ret = {0.0, 0.0, 3.0};
        double[] clippedGrad = new double[3];
        double[] plainGrad = new double[3];
        double clippedLoss = ValueTrainer.lossAndGradient(v, old, ret, null, 3, true, EPS, clippedGrad);
        double plainLoss = ValueTrainer.lossAndGradient(v, old, ret, null, 3, false, EPS, plainGrad);

        assertEquals(2 * 1.1 / 3, plainGrad[0], 1e-12);
        assertEquals(plainGrad[0], clippedGrad[0], 0, "inside eps both losses agree");
        assertEquals(plainGrad[1], clippedGrad[1], 0, "moving away from R: the unclipped loss is larger and kept");
        // moving towards R by more than eps: the clipped term (1.2 - 3)^2 is larger, its gradient is 0
        assertEquals(0.0, clippedGrad[2], 0);
        assertEquals(2 * (1.5 - 3) / 3, plainGrad[2], 1e-12);

        double expectedPlain = (1.1 * 1.1 + 1.5 * 1.5 + 1.5 * 1.5) / 3;
        double expectedClipped = (1.1 * 1.1 + 1.5 * 1.5 + 1.8 * 1.8) / 3;
        assertEquals(expectedPlain, plainLoss, 1e-12, "no 0.5 factor");
        assertEquals(expectedClipped, clippedLoss, 1e-12);
    }

    @Test
    void stepsThatEndAnEpisodeCanBeLeftOutOfTheValueLoss() {
        double[] v = {1, 2, 3};
        double[] ret = {0, 0, 0};
        boolean[] skip = {false, true, false};
        double[] grad = new double[3];
        assertEquals((1.0 + 9.0) / 2, ValueTrainer.lossAndGradient(v, v, ret, skip, 3, false, EPS, grad), 1e-15,
                "the mean runs over the two steps kept");
        assertArrayEquals(new double[] {2 * 1.0 / 2, 0, 2 * 3.0 / 2}, grad, 1e-15);
        double all = ValueTrainer.lossAndGradient(v, v, ret, new boolean[] {true, true, true}, 3, false, EPS, grad);
        assertTrue(Double.isNaN(all), "nothing left: no loss (the trainer skips such a minibatch)");
    }
}
