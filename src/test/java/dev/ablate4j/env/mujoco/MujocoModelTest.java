package dev.ablate4j.env.mujoco;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ablate4j.env.Box;
import dev.ablate4j.env.EnvSpec;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Sizes, spaces and timing of the four models, against Gymnasium v4's published figures. */
class MujocoModelTest {

    @ParameterizedTest
    @CsvSource({
        // id,            nq, nv, nu, obs, action bound, timestep, frame skip
        "Hopper-v4,        6,  6,  3,  11, 1.0, 0.002, 4",
        "Walker2d-v4,      9,  9,  6,  17, 1.0, 0.002, 4",
        "HalfCheetah-v4,   9,  9,  6,  17, 1.0, 0.01,  5",
        "Humanoid-v4,     24, 23, 17, 376, 0.4, 0.003, 5",
    })
    void sizesSpacesAndTiming(String id, int nq, int nv, int nu, int obs, double bound, double timestep, int frameSkip) {
        try (MujocoEnv env = MujocoTesting.create(id)) {
            assertEquals(id, env.id());
            assertEquals(nq, env.nq(), "nq");
            assertEquals(nv, env.nv(), "nv");
            assertEquals(nu, env.nu(), "nu");
            assertEquals(frameSkip, env.frameSkip());
            assertEquals(timestep * frameSkip, env.dt(), 1e-15);

            Box action = env.actionSpace();
            assertEquals(nu, action.size());
            for (int i = 0; i < nu; i++) {
                assertEquals(-bound, action.low(i), "low " + i);
                assertEquals(bound, action.high(i), "high " + i);
            }
            Box observation = env.observationSpace();
            assertEquals(obs, observation.size());
            assertTrue(Arrays.stream(observation.low()).allMatch(v -> v == Double.NEGATIVE_INFINITY));
            assertTrue(Arrays.stream(observation.high()).allMatch(v -> v == Double.POSITIVE_INFINITY));

            double[] first = env.reset(7);
            assertEquals(obs, first.length);
            assertEquals(obs, env.step(new double[nu]).observation().length);
            assertTrue(Arrays.stream(env.observe()).allMatch(Double::isFinite));
        }
    }

    @Test
    void specsListTheFourTasksWithGymnasiumsTimeLimit() {
        List<EnvSpec> specs = MujocoEnvs.specs();
        assertEquals(List.of(MujocoTesting.IDS), specs.stream().map(EnvSpec::id).toList());
        for (EnvSpec spec : specs) {
            assertEquals(1000, spec.maxEpisodeSteps(), spec.id());
            assertTrue(!spec.description().isBlank());
        }
    }

    @Test
    void versionIsTheLoadedLibrarys() {
        MujocoTesting.assumeMujoco();
        String version = MujocoEnvs.version();
        assertTrue(version.matches("\\d+\\.\\d+\\.\\d+"), version);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Hopper-v4", "Walker2d-v4", "HalfCheetah-v4", "Humanoid-v4"})
    void initialStateIsQpos0PlusGymnasiumsNoise(String id) {
        try (MujocoEnv env = MujocoTesting.create(id)) {
            double scale = id.equals(HopperEnv.ID) || id.equals(Walker2dEnv.ID) ? 5e-3
                    : id.equals(HumanoidEnv.ID) ? 1e-2 : 0.1;
            double[] qpos0 = env.sim.qpos0();
            double maxVelocity = 0;
            for (long seed = 0; seed < 200; seed++) {
                env.reset(seed);
                double[] qpos = env.qpos();
                double[] qvel = env.qvel();
                boolean freeRoot = id.equals(HumanoidEnv.ID);
                // MuJoCo 2.x's mj_forward normalizes the noisy root quaternion qpos[3:7] in place; 3.x
                // leaves qpos as set (Gymnasium on each version gets the same as we do).
                boolean normalized = freeRoot && MujocoEnvs.version().startsWith("2.");
                if (normalized) {
                    double norm = Math.sqrt(qpos[3] * qpos[3] + qpos[4] * qpos[4] + qpos[5] * qpos[5] + qpos[6] * qpos[6]);
                    assertEquals(1.0, norm, 1e-12, "quaternion norm");
                    assertTrue(Math.abs(qpos[4]) < 1.05 * scale, "quaternion x " + qpos[4]);
                }
                for (int i = 0; i < qpos.length; i++) {
                    if (normalized && i >= 3 && i < 7) {
                        continue;
                    }
                    double noise = qpos[i] - qpos0[i];
                    assertTrue(noise >= -scale - 1e-12 && noise <= scale + 1e-12, id + " qpos " + i + " noise " + noise);
                }
                for (double v : qvel) {
                    if (!id.equals(HalfCheetahEnv.ID)) {
                        assertTrue(v >= -scale && v < scale, id + " qvel " + v);
                    }
                    maxVelocity = Math.max(maxVelocity, Math.abs(v));
                }
            }
            if (id.equals(HalfCheetahEnv.ID)) {
                // 0.1 x standard normal: 1800 draws exceed 0.1 (1 sigma) often, and 0.6 (6 sigma) practically never.
                assertTrue(maxVelocity > 0.2 && maxVelocity < 0.6, "max |qvel| " + maxVelocity);
            }
        }
    }

    @Test
    void halfCheetahVelocityNoiseIsStandardNormalScaled() {
        java.util.SplittableRandom random = new java.util.SplittableRandom(3);
        int n = 200_000;
        double sum = 0;
        double sumSq = 0;
        int beyondOne = 0;
        for (int i = 0; i < n; i++) {
            double z = MujocoEnv.standardNormal(random);
            sum += z;
            sumSq += z * z;
            if (Math.abs(z) > 1) {
                beyondOne++;
            }
        }
        double mean = sum / n;
        double var = sumSq / n - mean * mean;
        assertEquals(0.0, mean, 0.01);
        assertEquals(1.0, var, 0.01);
        assertEquals(0.3173, beyondOne / (double) n, 0.005, "P(|z| > 1)");
    }

    @Test
    void wrongActionLengthAndNonFiniteActionsAreRejected() {
        try (MujocoEnv env = MujocoTesting.create(HopperEnv.ID)) {
            env.reset(1);
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> env.step(new double[2]));
            assertTrue(e.getMessage().contains("Hopper-v4 takes an action of length 3"), e.getMessage());
            assertThrows(IllegalArgumentException.class, () -> env.step(new double[] {0, Double.NaN, 0}));
        }
    }

    @Test
    void stepBeforeResetAndUseAfterCloseAreErrors() {
        MujocoEnv env = MujocoTesting.create(HopperEnv.ID);
        assertThrows(IllegalStateException.class, () -> env.step(new double[3]));
        env.reset(1);
        env.close();
        assertThrows(IllegalStateException.class, () -> env.step(new double[3]));
        env.close();
    }

    @Test
    void restoreRejectsAStateOfTheWrongLength() {
        try (MujocoEnv env = MujocoTesting.create(HopperEnv.ID)) {
            env.reset(1);
            double[] state = env.saveState();
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> env.restoreState(Arrays.copyOf(state, state.length - 1)));
            assertTrue(e.getMessage().startsWith("Hopper-v4 state has length " + state.length), e.getMessage());
        }
    }

    @Test
    void observationIsAssembledFromQposAndClippedQvel() {
        try (MujocoEnv env = MujocoTesting.create(HopperEnv.ID)) {
            double[] qpos = {0.3, 1.2, 0.01, -0.2, -0.3, 0.1};
            double[] qvel = {12, -15, 0.5, 9.5, -10.5, 0};
            double[] obs = env.resetTo(qpos, qvel);
            assertArrayEquals(new double[] {1.2, 0.01, -0.2, -0.3, 0.1, 10, -10, 0.5, 9.5, -10, 0}, obs);
        }
        try (MujocoEnv env = MujocoTesting.create(HalfCheetahEnv.ID)) {
            double[] qpos = {0.3, 0.1, 0.01, -0.2, -0.3, 0.1, 0.2, 0.3, 0.4};
            double[] qvel = {12, -15, 0.5, 9.5, -10.5, 0, 1, 2, 3};
            double[] obs = env.resetTo(qpos, qvel);
            double[] expected = new double[17];
            System.arraycopy(qpos, 1, expected, 0, 8);
            System.arraycopy(qvel, 0, expected, 8, 9);
            assertArrayEquals(expected, obs, "HalfCheetah does not clip velocities");
        }
    }
}
