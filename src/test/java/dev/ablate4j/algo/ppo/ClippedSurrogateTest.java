package dev.ablate4j.algo.ppo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ClippedSurrogateTest {

    @Test
    void matchesHandComputedLossAndGradient() {
        double eps = 0.2;
        // ratios e^0.1 (inside), e^0.5 with A>0 (clipped), e^0.5 with A<0 (unclipped is the minimum), e^-0.5 with A<0 (clipped)
        double[] logp = {0.1, 0.5, 0.5, -0.5};
        double[] old = {0, 0, 0, 0};
        double[] adv = {1.0, 2.0, -1.0, -3.0};
        double[] grad = new double[4];
        double loss = PolicyMinibatch.clippedSurrogate(logp, old, adv, 4, eps, grad);

        double r0 = Math.exp(0.1);
        double r2 = Math.exp(0.5);
        double expected = -(r0 * 1.0 + 1.2 * 2.0 + r2 * -1.0 + 0.8 * -3.0) / 4;
        assertEquals(expected, loss, 1e-12);
        assertEquals(-r0 * 1.0 / 4, grad[0], 1e-12);
        assertEquals(0.0, grad[1], 0);
        assertEquals(-r2 * -1.0 / 4, grad[2], 1e-12);
        assertEquals(0.0, grad[3], 0);
    }

    @Test
    void infiniteEpsIsThePlainImportanceWeightedSurrogate() {
        double[] logp = {0.5, -0.7};
        double[] old = {0, 0};
        double[] adv = {2.0, -3.0};
        double[] grad = new double[2];
        double loss = PolicyMinibatch.clippedSurrogate(logp, old, adv, 2, Double.POSITIVE_INFINITY, grad);
        assertEquals(-(Math.exp(0.5) * 2 - Math.exp(-0.7) * 3) / 2, loss, 1e-12);
        assertEquals(-Math.exp(0.5) * 2 / 2, grad[0], 1e-12);
        assertEquals(Math.exp(-0.7) * 3 / 2, grad[1], 1e-12);
    }
}
