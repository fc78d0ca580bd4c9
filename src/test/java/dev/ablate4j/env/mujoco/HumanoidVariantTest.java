package dev.ablate4j.env.mujoco;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ablate4j.env.Env;
import dev.ablate4j.env.EnvVariant;
import dev.ablate4j.env.Envs;
import dev.ablate4j.env.Step;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Humanoid's v2 variants against the v4 environment stepped alongside with the same resets and
 * actions: zeroing touches only the 84 contact-force entries, and the contact cost is
 * min(5e-7 · Σ cfrc_ext², 10) of the forces v4 observes.
 */
class HumanoidVariantTest {

    private static final int CONTACT_FORCES = 14 * 6;
    private static final int STEPS = 300;

    @Test
    void zeroedContactForcesChangeOnlyTheContactForceBlock() {
        MujocoTesting.assumeMujoco();
        try (Env v4 = Envs.make(HumanoidEnv.ID); Env zeroed = Envs.make(HumanoidEnv.ID, new EnvVariant(true, false))) {
            double[] a = v4.reset(7);
            double[] b = zeroed.reset(7);
            SplittableRandom actions = new SplittableRandom(3);
            int nonZeroForces = 0;
            for (int t = 0; t < STEPS; t++) {
                nonZeroForces += assertSameButContactForces(a, b);
                double[] action = MujocoTesting.randomAction(v4.actionSpace(), actions);
                Step sa = v4.step(action);
                Step sb = zeroed.step(action);
                assertEquals(sa.reward(), sb.reward(), 0.0, "the reward does not depend on the observation");
                assertEquals(sa.terminated(), sb.terminated());
                a = sa.observation();
                b = sb.observation();
                if (sa.terminated() || sa.truncated()) {
                    a = v4.reset(t);
                    b = zeroed.reset(t);
                }
            }
            assertTrue(nonZeroForces > 0, "v4 observed no contact force in " + STEPS + " steps: the test proves nothing");
        }
    }

    private static int assertSameButContactForces(double[] v4, double[] zeroed) {
        int head = v4.length - CONTACT_FORCES;
        assertArrayEquals(Arrays.copyOf(v4, head), Arrays.copyOf(zeroed, head), 0.0);
        int nonZero = 0;
        for (int i = head; i < v4.length; i++) {
            assertEquals(0.0, zeroed[i], 0.0, "entry " + i);
            nonZero += v4[i] != 0 ? 1 : 0;
        }
        return nonZero;
    }

    @Test
    void contactCostIsV2sCappedSumOfSquaredContactForces() {
        MujocoTesting.assumeMujoco();
        try (Env v4 = Envs.make(HumanoidEnv.ID); Env v2 = Envs.make(HumanoidEnv.ID, new EnvVariant(false, true))) {
            v4.reset(11);
            v2.reset(11);
            SplittableRandom actions = new SplittableRandom(5);
            double largest = 0;
            for (int t = 0; t < STEPS; t++) {
                double[] action = MujocoTesting.randomAction(v4.actionSpace(), actions);
                Step sa = v4.step(action);
                Step sb = v2.step(action);
                assertArrayEquals(sa.observation(), sb.observation(), 0.0);
                double sum = 0;
                double[] obs = sa.observation();
                for (int i = obs.length - CONTACT_FORCES; i < obs.length; i++) {
                    sum += obs[i] * obs[i];
                }
                double cost = Math.min(0.5e-6 * sum, 10.0);
                assertEquals(sa.reward() - cost, sb.reward(), 1e-12 * Math.max(1, Math.abs(sa.reward())));
                largest = Math.max(largest, cost);
                if (sa.terminated() || sa.truncated()) {
                    v4.reset(t);
                    v2.reset(t);
                }
            }
            assertTrue(largest > 1e-3, "the contact cost never exceeded 1e-3 (" + largest + "): the test proves nothing");
        }
    }

    @Test
    void otherEnvironmentsHaveNoVariants() {
        assertTrue(Envs.hasVariants(HumanoidEnv.ID));
        for (String id : new String[] {HopperEnv.ID, "Pendulum-v1"}) {
            assertThrows(IllegalArgumentException.class, () -> Envs.make(id, new EnvVariant(true, false)));
        }
    }
}
