package dev.ablate4j.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ablate4j.env.Env;
import dev.ablate4j.env.Envs;
import dev.ablate4j.env.Step;
import dev.ablate4j.nn.Activation;
import dev.ablate4j.policy.Evaluation.Episode;
import dev.ablate4j.stats.Seeds;
import java.io.InputStream;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class EvaluationTest {

    private final SavedPolicy policy = Policies.random("Pendulum-v1", 3, new int[] {8}, 1, Activation.TANH, true, true,
            3);

    private List<Episode> run(int episodes, boolean deterministic, long seed) {
        try (Env env = Envs.make("Pendulum-v1")) {
            return Evaluation.run(policy, env, episodes, deterministic, seed);
        }
    }

    @Test
    void aSeedGivesTheSameEpisodesAndAShorterEvaluationIsAPrefixOfALongerOne() {
        List<Episode> a = run(6, false, 42);
        assertEquals(a, run(6, false, 42));
        assertEquals(a.subList(0, 3), run(3, false, 42));
        assertNotEquals(a, run(6, false, 43));
        for (Episode e : a) {
            assertEquals(200, e.length(), "Pendulum episodes end at the time limit");
        }
    }

    @Test
    void deterministicEpisodesActWithTheMeanAndStochasticOnesSampleAroundIt() {
        List<Episode> mean = run(3, true, 1);
        List<Episode> sampled = run(3, false, 1);
        assertNotEquals(mean, sampled);
        // the same episodes replayed by hand: reset seeds and noise from the documented streams
        try (Env env = Envs.make("Pendulum-v1")) {
            PolicyActor actor = policy.actor();
            for (int i = 0; i < 3; i++) {
                SplittableRandom stream = Seeds.stream(1, "evaluate", Integer.toString(i));
                double[] obs = env.reset(stream.nextLong());
                SplittableRandom noise = stream.split();
                double total = 0;
                double[] m = new double[1];
                double[] action = new double[1];
                for (int t = 0; t < 200; t++) {
                    actor.sample(obs, noise, m, action);
                    Step s = env.step(action);
                    total += s.reward();
                    obs = s.observation();
                }
                assertEquals(Double.doubleToRawLongBits(total), Double.doubleToRawLongBits(sampled.get(i).totalReturn()));
            }
        }
    }

    /**
     * A policy trained with {@code action-clip} is evaluated as it was trained: MountainCarContinuous charges
     * 0.1 a^2 on the action it receives, so clipping the same sampled actions to [-1, 1] changes the return,
     * and the clipped evaluation equals a replay that clips by hand.
     */
    @Test
    void aPolicyTrainedWithActionClippingIsEvaluatedWithIt() {
        SavedPolicy base = Policies.random("MountainCarContinuous-v0", 2, new int[] {8}, 1, Activation.TANH, true, true, 5);
        double[] wide = {StrictMath.log(3.0)}; // actions often beyond [-1, 1]
        SavedPolicy unclipped = new SavedPolicy(base.env(), base.variant(), base.filter(), base.layers(),
                base.activation(), wide, base.actionLow(), base.actionHigh(), false);
        SavedPolicy clipped = new SavedPolicy(base.env(), base.variant(), base.filter(), base.layers(),
                base.activation(), wide, base.actionLow(), base.actionHigh(), true);
        try (Env env = Envs.make("MountainCarContinuous-v0")) {
            Episode a = Evaluation.run(unclipped, env, 1, false, 9).get(0);
            Episode b = Evaluation.run(clipped, env, 1, false, 9).get(0);
            assertNotEquals(a.totalReturn(), b.totalReturn());
            PolicyActor actor = clipped.actor();
            SplittableRandom stream = Seeds.stream(9, "evaluate", "0");
            double[] obs = env.reset(stream.nextLong());
            SplittableRandom noise = stream.split();
            double total = 0;
            double[] m = new double[1];
            double[] action = new double[1];
            while (true) {
                actor.sample(obs, noise, m, action);
                action[0] = Math.min(Math.max(action[0], -1), 1);
                Step s = env.step(action);
                total += s.reward();
                if (s.done()) {
                    break;
                }
                obs = s.observation();
            }
            assertEquals(Double.doubleToRawLongBits(total), Double.doubleToRawLongBits(b.totalReturn()));
        }
    }

    @Test
    void theFilterIsFrozen() {
        double[] before = policy.filter().mean();
        run(2, false, 5);
        assertEquals(before[0], policy.filter().mean()[0]);
        assertEquals(4096, policy.filter().count());
    }

    @Test
    void aMismatchedEnvironmentOrNoEpisodesAreRefused() {
        try (Env env = Envs.make("MountainCarContinuous-v0")) {
            assertThrows(IllegalArgumentException.class, () -> Evaluation.run(policy, env, 1, true, 0));
        }
        try (Env env = Envs.make("Pendulum-v1")) {
            assertThrows(IllegalArgumentException.class, () -> Evaluation.run(policy, env, 0, true, 0));
        }
    }

    @Test
    void theIntervalIsScipysStudentTInterval() throws Exception {
        JsonNode root;
        try (InputStream in = EvaluationTest.class.getResourceAsStream("/reference/scipy-t-interval.json")) {
            root = new ObjectMapper().readTree(in);
        }
        int cases = 0;
        for (JsonNode c : root.get("cases")) {
            double[] x = new double[c.get("returns").size()];
            for (int i = 0; i < x.length; i++) {
                x[i] = c.get("returns").get(i).asDouble();
            }
            ReturnSummary s = ReturnSummary.of(x, 0.95);
            String name = c.get("name").asText();
            assertEquals(x.length, s.n());
            assertEquals(c.get("mean").asDouble(), s.mean(), 1e-12 * Math.abs(s.mean()) + 1e-12, name);
            assertEquals(c.get("std").asDouble(), s.std(), 1e-10 * s.std(), name);
            assertEquals(c.get("lo").asDouble(), s.interval().lo(), 1e-9 * Math.abs(s.interval().lo()), name);
            assertEquals(c.get("hi").asDouble(), s.interval().hi(), 1e-9 * Math.abs(s.interval().hi()), name);
            cases++;
        }
        assertTrue(cases >= 5);
        ReturnSummary one = ReturnSummary.of(new double[] {-150}, 0.95);
        assertEquals(-150, one.mean());
        assertTrue(Double.isNaN(one.std()) && Double.isNaN(one.interval().lo()), "no spread from one episode");
    }
}
