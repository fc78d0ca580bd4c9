package dev.ablate4j.env.mujoco;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ablate4j.env.Step;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Same seed and actions give the same trajectory; restore + step repeats steps bit for bit. */
class MujocoDeterminismTest {

    /** Everything a step reports, with doubles as raw bits so comparisons are bitwise. */
    private record Transition(long[] observation, long reward, boolean terminated) {
        static Transition of(Step s) {
            return new Transition(bits(s.observation()), Double.doubleToRawLongBits(s.reward()), s.terminated());
        }

        void assertSame(Transition other, String where) {
            assertArrayEquals(observation, other.observation, where + ": observation");
            assertEquals(reward, other.reward, where + ": reward");
            assertEquals(terminated, other.terminated, where + ": terminated");
        }
    }

    private static long[] bits(double[] values) {
        return Arrays.stream(values).mapToLong(Double::doubleToRawLongBits).toArray();
    }

    /** 1000 random-action steps, resetting with fresh seeds on termination; returns every transition. */
    private static List<Transition> rollout(MujocoEnv env, long seed, int steps) {
        SplittableRandom random = new SplittableRandom(seed);
        List<Transition> out = new ArrayList<>();
        env.reset(random.nextLong());
        for (int t = 0; t < steps; t++) {
            Step s = env.step(MujocoTesting.randomAction(env.actionSpace(), random));
            out.add(Transition.of(s));
            if (s.terminated()) {
                env.reset(random.nextLong());
            }
        }
        return out;
    }

    @ParameterizedTest
    @ValueSource(strings = {"Hopper-v4", "Walker2d-v4", "HalfCheetah-v4", "Humanoid-v4"})
    void twoInstancesWithOneSeedAgreeFor1000RandomSteps(String id) {
        try (MujocoEnv a = MujocoTesting.create(id); MujocoEnv b = MujocoTesting.create(id)) {
            // b first runs another trajectory, so any state leaking across resets would show.
            rollout(b, 99, 50);
            List<Transition> ra = rollout(a, 12345, 1000);
            List<Transition> rb = rollout(b, 12345, 1000);
            for (int t = 0; t < ra.size(); t++) {
                ra.get(t).assertSame(rb.get(t), id + " step " + t);
            }
            assertFalse(Arrays.equals(a.reset(1), a.reset(2)), "different seeds, different initial states");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"Hopper-v4", "Walker2d-v4", "HalfCheetah-v4", "Humanoid-v4"})
    void snapshotStepRestoreStepIsBitwiseIdentical(String id) {
        int k = 60;
        try (MujocoEnv env = MujocoTesting.create(id); MujocoEnv fresh = MujocoTesting.create(id)) {
            SplittableRandom random = new SplittableRandom(2024);
            env.reset(5);
            // Get into a state with history: contacts, a warm-started solver, time > 0.
            for (int t = 0; t < 40; t++) {
                if (env.step(MujocoTesting.randomAction(env.actionSpace(), random)).terminated()) {
                    env.reset(random.nextLong());
                }
            }
            double[] snapshot = env.saveState();
            long[] observed = bits(env.observe());
            List<double[]> actions = new ArrayList<>();
            for (int t = 0; t < k; t++) {
                actions.add(MujocoTesting.randomAction(env.actionSpace(), random));
            }
            List<Transition> first = new ArrayList<>();
            for (double[] a : actions) {
                first.add(Transition.of(env.step(a)));
            }
            double[] end = env.saveState();

            for (MujocoEnv target : List.of(env, fresh)) {
                String where = id + (target == env ? " (same instance)" : " (fresh instance)");
                target.restoreState(snapshot);
                assertArrayEquals(observed, bits(target.observe()), where + ": observation after restore");
                assertArrayEquals(bits(snapshot), bits(target.saveState()), where + ": state after restore");
                for (int t = 0; t < k; t++) {
                    first.get(t).assertSame(Transition.of(target.step(actions.get(t))), where + " step " + t);
                }
                assertArrayEquals(bits(end), bits(target.saveState()), where + ": state after k steps");
            }
        }
    }

    /** The observations of the steps with the given actions, concatenated as bits. */
    private static long[] trajectory(MujocoEnv env, List<double[]> actions) {
        List<Long> out = new ArrayList<>();
        for (double[] a : actions) {
            for (long b : bits(env.step(a).observation())) {
                out.add(b);
            }
        }
        return out.stream().mapToLong(Long::longValue).toArray();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Humanoid-v4"})
    void restoringOnlyPositionsAndVelocitiesIsNotEnoughForTheHumanoid(String id) {
        // Why the state carries qacc_warmstart: the PGS solver starts from it when that beats a
        // cold start, so a state without it can continue differently. Whether it wins is decided
        // per solver call, so several snapshots are tried; at least one must show the difference.
        // The body is left lying on the floor (terminated, not reset), where contacts are many.
        try (MujocoEnv env = MujocoTesting.create(id)) {
            SplittableRandom random = new SplittableRandom(77);
            env.reset(3);
            for (int t = 0; t < 60; t++) {
                env.step(MujocoTesting.randomAction(env.actionSpace(), random));
            }
            int differing = 0;
            for (int snapshotAt = 0; snapshotAt < 16; snapshotAt++) {
                for (int t = 0; t < 5; t++) {
                    env.step(MujocoTesting.randomAction(env.actionSpace(), random));
                }
                double[] snapshot = env.saveState();
                List<double[]> actions = new ArrayList<>();
                for (int t = 0; t < 5; t++) {
                    actions.add(MujocoTesting.randomAction(env.actionSpace(), random));
                }
                long[] reference = trajectory(env, actions);

                double[] withoutWarmstart = snapshot.clone();
                int warmstartAt = 1 + env.nq() + env.nv(); // act is empty for these models
                Arrays.fill(withoutWarmstart, warmstartAt, warmstartAt + env.nv(), 0.0);
                env.restoreState(withoutWarmstart);
                if (!Arrays.equals(reference, trajectory(env, actions))) {
                    differing++;
                }
                env.restoreState(snapshot);
                assertArrayEquals(reference, trajectory(env, actions), "full restore at snapshot " + snapshotAt);
            }
            assertTrue(differing > 0, "zeroing qacc_warmstart never changed a trajectory");
        }
    }
}
