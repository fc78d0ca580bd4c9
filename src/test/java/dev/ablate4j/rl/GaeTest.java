package dev.ablate4j.rl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class GaeTest {

    @Test
    void matchesHandComputedAdvantagesAcrossAnEpisodeEnd() {
        double gamma = 0.9;
        double lambda = 0.5;
        double[] r = {1, 2, 3};
        double[] v = {0.5, 1.0, 1.5};
        // step 0 -> 1 continues, step 1 ends (terminal, next value 0), step 2 is cut by the rollout (bootstrap 2.0)
        double[] next = {1.0, 0.0, 2.0};
        boolean[] end = {false, true, false};
        double[] adv = new double[3];
        double[] ret = new double[3];
        Gae.compute(r, v, next, end, gamma, lambda, 3, adv, ret);

        double d2 = 3 + 0.9 * 2.0 - 1.5;
        double d1 = 2 + 0 - 1.0;
        double d0 = 1 + 0.9 * 1.0 - 0.5;
        assertEquals(d2, adv[2], 1e-12);
        assertEquals(d1, adv[1], 1e-12, "the episode end stops the carry from step 2");
        assertEquals(d0 + 0.9 * 0.5 * d1, adv[0], 1e-12);
        for (int i = 0; i < 3; i++) {
            assertEquals(adv[i] + v[i], ret[i], 1e-12);
        }
    }

    @Test
    void lambdaOneGivesDiscountedReturnMinusValue() {
        double[] r = {1, 1, 1, 1};
        double[] v = {0.3, 0.2, 0.1, 0.4};
        double[] next = {0.2, 0.1, 0.4, 0.0};
        boolean[] end = {false, false, false, true};
        double[] adv = new double[4];
        double[] ret = new double[4];
        Gae.compute(r, v, next, end, 0.99, 1.0, 4, adv, ret);
        double g = 0;
        for (int t = 3; t >= 0; t--) {
            g = r[t] + 0.99 * g;
            assertEquals(g, ret[t], 1e-12);
        }
    }
}
