package dev.ablate4j.rl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ablate4j.env.Box;
import dev.ablate4j.env.Env;
import dev.ablate4j.env.Step;
import dev.ablate4j.nn.Activation;
import dev.ablate4j.nn.GaussianPolicy;
import dev.ablate4j.nn.ValueNet;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Episodes across iterations and the rollout-end bootstrap, on an environment whose episodes all
 * last {@code length} steps with reward 1 per step, and whose observation counts resets and steps.
 */
class SamplerEpisodesTest {

    /** Observation (resets so far, steps since reset); reward 1; terminated after {@code length} steps. */
    static final class FixedLengthEnv implements Env {
        final int length;
        int resets;
        int steps;

        FixedLengthEnv(int length) {
            this.length = length;
        }

        @Override
        public String id() {
            return "FixedLength-v0";
        }

        @Override
        public Box observationSpace() {
            return Box.uniform(2, -1e9, 1e9);
        }

        @Override
        public Box actionSpace() {
            return Box.uniform(1, -1, 1);
        }

        @Override
        public double[] reset(long seed) {
            resets++;
            steps = 0;
            return observe();
        }

        @Override
        public Step step(double[] action) {
            steps++;
            return new Step(observe(), 1.0, steps == length, false);
        }

        @Override
        public double[] saveState() {
            return new double[] {resets, steps};
        }

        @Override
        public void restoreState(double[] state) {
            resets = (int) state[0];
            steps = (int) state[1];
        }

        @Override
        public double[] observe() {
            return new double[] {resets, steps};
        }
    }

    private final GaussianPolicy policy = new GaussianPolicy(2, 1, new int[] {4}, Activation.TANH);
    private final ValueNet valueNet = new ValueNet(2, new int[] {4}, Activation.TANH);

    SamplerEpisodesTest() {
        SplittableRandom init = new SplittableRandom(3);
        policy.initialize(true, init);
        valueNet.initialize(false, init);
    }

    private Sampler sampler(Env env, boolean resetEveryIteration, boolean lastState) {
        return new Sampler(env, policy, valueNet, new ObservationFilter(2, false, false, 10),
                new RewardFilter(false, RewardFilter.Mode.RETURNS, false, 10, 0.99),
                new Sampler.Settings(true, false, resetEveryIteration, lastState));
    }

    private static List<EpisodeRecord> collect(Sampler s, RolloutBuffer buf) {
        return s.collect(buf, new SplittableRandom(1), new SplittableRandom(2));
    }

    @Test
    void episodesCarryOverByDefault() {
        FixedLengthEnv env = new FixedLengthEnv(4);
        Sampler s = sampler(env, false, false);
        RolloutBuffer buf = new RolloutBuffer(10, 2, 1);
        assertEquals(2, collect(s, buf).size(), "episodes end after steps 4 and 8");
        List<EpisodeRecord> second = collect(s, buf);
        // the episode begun at step 9 continues: it ends 2 steps into the second iteration
        assertEquals(4, second.get(0).length());
        assertArrayEquals(new double[] {3, 2}, java.util.Arrays.copyOfRange(buf.obs, 0, 2), 0,
                "the second rollout starts where the first stopped (3rd reset, 2 steps in)");
    }

    @Test
    void perIterationResetsDropTheTrailingEpisodeAndStartFresh() {
        FixedLengthEnv env = new FixedLengthEnv(4);
        Sampler s = sampler(env, true, false);
        RolloutBuffer buf = new RolloutBuffer(10, 2, 1);
        List<EpisodeRecord> first = collect(s, buf);
        assertEquals(2, first.size());
        assertEquals(4.0, first.get(0).totalReward());
        List<EpisodeRecord> second = collect(s, buf);
        assertEquals(2, second.size(), "the partial episode of steps 9-10 is dropped, not finished");
        assertEquals(4, second.get(0).length());
        assertArrayEquals(new double[] {4, 0}, java.util.Arrays.copyOfRange(buf.obs, 0, 2), 0,
                "iteration 2 starts from a reset (the 4th): 3 resets in iteration 1, then this one");
    }

    @Test
    void withPerIterationResetsAnEpisodeEndingOnTheLastStepCountsOnlyIfItIsTheOnlyOne() {
        RolloutBuffer buf = new RolloutBuffer(10, 2, 1);
        List<EpisodeRecord> two = collect(sampler(new FixedLengthEnv(5), true, false), buf);
        assertEquals(1, two.size(), "episodes end at steps 5 and 10; the one at the last step is left out");
        assertTrue(buf.episodeEnd[9], "it still ends there for GAE");
        List<EpisodeRecord> one = collect(sampler(new FixedLengthEnv(10), true, false), buf);
        assertEquals(1, one.size(), "the only episode, ending on the last step, counts");
        assertEquals(2, collect(sampler(new FixedLengthEnv(5), false, false), buf).size(),
                "without per-iteration resets every finished episode counts");
    }

    @Test
    void aRolloutCutMidEpisodeBootstrapsWithTheNextOrTheLastCollectedState() {
        RolloutBuffer buf = new RolloutBuffer(6, 2, 1);
        collect(sampler(new FixedLengthEnv(100), true, false), buf);
        assertEquals(valueNet.predict(new double[] {1, 6}), buf.nextValues[5], 0, "V(s_T): the state after step 6");
        assertFalse(buf.episodeEnd[5]);
        collect(sampler(new FixedLengthEnv(100), true, true), buf);
        assertEquals(buf.values[5], buf.nextValues[5], 0, "V(s_T-1): the last collected state, as the paper");
        assertEquals(valueNet.predict(new double[] {1, 5}), buf.values[5], 0);
        for (int t = 0; t < 5; t++) {
            assertEquals(buf.values[t + 1], buf.nextValues[t], 0, "inside the rollout both use V(s_t+1)");
        }
    }
}
