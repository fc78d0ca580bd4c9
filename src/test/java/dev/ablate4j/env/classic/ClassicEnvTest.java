package dev.ablate4j.env.classic;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ablate4j.env.Box;
import dev.ablate4j.env.Env;
import dev.ablate4j.env.Step;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Reset, clipping and state behaviour of the classic environments (dynamics: {@link GymnasiumReplayTest}). */
class ClassicEnvTest {

    private static Env create(String id) {
        return ClassicEnvs.specs().stream()
                .filter(s -> s.id().equals(id))
                .findFirst()
                .orElseThrow()
                .factory()
                .get();
    }

    @ParameterizedTest
    @ValueSource(strings = {Pendulum.ID, MountainCarContinuous.ID})
    void resetIsDeterministicInTheSeed(String id) {
        Env a = create(id);
        Env b = create(id);
        assertArrayEquals(a.reset(42), b.reset(42));
        assertArrayEquals(a.saveState(), b.saveState());
        assertFalse(Arrays.equals(a.reset(42), b.reset(43)), "different seeds give different initial states");
    }

    @Test
    void pendulumResetDistribution() {
        Env env = new Pendulum();
        double minTheta = Double.MAX_VALUE, maxTheta = -Double.MAX_VALUE;
        double minDot = Double.MAX_VALUE, maxDot = -Double.MAX_VALUE;
        for (long seed = 0; seed < 2000; seed++) {
            double[] obs = env.reset(seed);
            double[] s = env.saveState();
            assertTrue(s[0] >= -Math.PI && s[0] < Math.PI, "theta " + s[0]);
            assertTrue(s[1] >= -1 && s[1] < 1, "thetaDot " + s[1]);
            assertArrayEquals(new double[] {(float) Math.cos(s[0]), (float) Math.sin(s[0]), (float) s[1]}, obs, 1e-7);
            assertInside(env.observationSpace(), obs);
            minTheta = Math.min(minTheta, s[0]);
            maxTheta = Math.max(maxTheta, s[0]);
            minDot = Math.min(minDot, s[1]);
            maxDot = Math.max(maxDot, s[1]);
        }
        // 2000 uniform draws cover the whole interval (each end within 1% with overwhelming probability).
        assertTrue(minTheta < -0.99 * Math.PI && maxTheta > 0.99 * Math.PI, minTheta + " .. " + maxTheta);
        assertTrue(minDot < -0.99 && maxDot > 0.99, minDot + " .. " + maxDot);
    }

    @Test
    void mountainCarResetDistribution() {
        Env env = new MountainCarContinuous();
        double min = Double.MAX_VALUE, max = -Double.MAX_VALUE;
        for (long seed = 0; seed < 2000; seed++) {
            double[] obs = env.reset(seed);
            double[] s = env.saveState();
            assertTrue(s[0] >= -0.6 && s[0] < -0.4, "position " + s[0]);
            assertEquals(0.0, s[1]);
            assertArrayEquals(new double[] {(float) s[0], 0.0}, obs);
            assertInside(env.observationSpace(), obs);
            min = Math.min(min, s[0]);
            max = Math.max(max, s[0]);
        }
        assertTrue(min < -0.598 && max > -0.402, min + " .. " + max);
    }

    @Test
    void pendulumClipsTorqueForDynamicsAndReward() {
        double[] state = {2.5, -3.0};
        for (double[] pair : new double[][] {{7.5, 2.0}, {-100.0, -2.0}}) {
            Step beyond = stepFrom(new Pendulum(), state, pair[0]);
            Step clipped = stepFrom(new Pendulum(), state, pair[1]);
            assertArrayEquals(clipped.observation(), beyond.observation());
            assertEquals(clipped.reward(), beyond.reward());
            Step inside = stepFrom(new Pendulum(), state, pair[1] * 0.5);
            assertFalse(Arrays.equals(clipped.observation(), inside.observation()), "torque must matter");
        }
    }

    @Test
    void mountainCarClipsForceButPenalizesTheRawAction() {
        double[] state = {-0.3, 0.01};
        for (double[] pair : new double[][] {{3.0, 1.0}, {-1.7, -1.0}}) {
            Step beyond = stepFrom(new MountainCarContinuous(), state, pair[0]);
            Step clipped = stepFrom(new MountainCarContinuous(), state, pair[1]);
            assertArrayEquals(clipped.observation(), beyond.observation());
            assertEquals(clipped.terminated(), beyond.terminated());
            // Gymnasium: reward -= 0.1 * action[0]^2 with the action as given, not clipped.
            assertEquals(-0.1 * pair[0] * pair[0], beyond.reward(), 1e-12);
            assertEquals(-0.1, clipped.reward(), 1e-12);
        }
    }

    @Test
    void mountainCarStopsAtTheLeftWallAndRewardsTheGoal() {
        Step wall = stepFrom(new MountainCarContinuous(), new double[] {-1.19, -0.05}, -1.0);
        assertArrayEquals(new double[] {(float) -1.2, 0.0}, wall.observation());
        assertFalse(wall.terminated());

        Step goal = stepFrom(new MountainCarContinuous(), new double[] {0.44, 0.02}, 0.5);
        assertTrue(goal.terminated());
        assertEquals(100.0 - 0.1 * 0.25, goal.reward(), 1e-12);

        Step backwards = stepFrom(new MountainCarContinuous(), new double[] {0.6, -0.07}, 0.0);
        assertFalse(backwards.terminated(), "moving left away from the goal does not terminate");
    }

    @ParameterizedTest
    @ValueSource(strings = {Pendulum.ID, MountainCarContinuous.ID})
    void saveAndRestoreReplayIdentically(String id) {
        Env env = create(id);
        env.reset(7);
        SplittableRandom actions = new SplittableRandom(99);
        Box space = env.actionSpace();
        for (int i = 0; i < 20; i++) {
            env.step(new double[] {actions.nextDouble(space.low(0), space.high(0))});
        }
        double[] saved = env.saveState();
        double[] observedAtSave = env.observe();
        double[][] plan = new double[30][];
        for (int i = 0; i < plan.length; i++) {
            plan[i] = new double[] {actions.nextDouble(2 * space.low(0), 2 * space.high(0))};
        }
        List<Step> first = run(env, plan);

        Env other = create(id);
        other.restoreState(saved);
        assertArrayEquals(observedAtSave, other.observe());
        List<Step> second = run(other, plan);
        for (int i = 0; i < plan.length; i++) {
            assertArrayEquals(first.get(i).observation(), second.get(i).observation(), "step " + i);
            assertEquals(first.get(i).reward(), second.get(i).reward(), "step " + i);
            assertEquals(first.get(i).terminated(), second.get(i).terminated(), "step " + i);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {Pendulum.ID, MountainCarContinuous.ID})
    void rejectsMisuseWithClearMessages(String id) {
        Env env = create(id);
        IllegalStateException early = assertThrows(IllegalStateException.class, () -> env.step(new double[] {0}));
        assertTrue(early.getMessage().contains("reset"), early.getMessage());
        IllegalArgumentException badState =
                assertThrows(IllegalArgumentException.class, () -> env.restoreState(new double[3]));
        assertTrue(badState.getMessage().contains(id) && badState.getMessage().contains("length 3"),
                badState.getMessage());
        env.reset(1);
        assertThrows(IllegalArgumentException.class, () -> env.step(new double[] {0, 0}));
    }

    @Test
    void angleNormalizeIsAFlooredModulo() {
        assertEquals(0.0, Pendulum.angleNormalize(2 * Math.PI), 1e-15);
        assertEquals(-Math.PI + 0.5, Pendulum.angleNormalize(Math.PI + 0.5), 1e-12);
        assertEquals(Math.PI - 0.5, Pendulum.angleNormalize(-Math.PI - 0.5), 1e-12);
        assertEquals(-0.25, Pendulum.angleNormalize(-0.25 - 4 * Math.PI), 1e-12);
        assertNotEquals(Pendulum.angleNormalize(-3.5), -3.5 % (2 * Math.PI));
    }

    private static Step stepFrom(Env env, double[] state, double action) {
        env.restoreState(state);
        return env.step(new double[] {action});
    }

    private static List<Step> run(Env env, double[][] plan) {
        List<Step> steps = new ArrayList<>();
        for (double[] action : plan) {
            steps.add(env.step(action));
        }
        return steps;
    }

    private static void assertInside(Box box, double[] obs) {
        for (int i = 0; i < obs.length; i++) {
            assertTrue(obs[i] >= box.low(i) && obs[i] <= box.high(i), "obs[" + i + "] = " + obs[i]);
        }
    }
}
