package dev.ablate4j.rl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ablate4j.algo.Algorithms;
import dev.ablate4j.config.Keys;
import dev.ablate4j.config.TrainConfig;
import dev.ablate4j.env.Box;
import dev.ablate4j.env.Env;
import dev.ablate4j.env.Step;
import dev.ablate4j.nn.Activation;
import dev.ablate4j.nn.GaussianPolicy;
import dev.ablate4j.nn.ValueNet;
import dev.ablate4j.tweak.Optimization;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The {@code cleanrl:ppo} and {@code sb3:ppo} presets' observation and reward filters, driven by ablate4j's own
 * {@link Sampler}, reproduce CleanRL's Gymnasium wrapper stack and SB3's {@code VecNormalize} over the same
 * stream of observations and rewards with terminations, truncations and resets
 * ({@code reference/implementations/normalizers.json}, made by running their code): every observation the
 * agent saw, every reward it learned from, and the statistics at the end (means, variances, counts with the
 * 1e-4 prior, the running return). The two codebases differ in which observations enter the statistics
 * (CleanRL counts terminal observations: 138 vs 135) and in when the running return restarts, so each
 * preset key ({@code obs-norm-stats}, {@code obs-norm-terminal}, {@code reward-scale-stats},
 * {@code reward-scale-reset}) that stops acting fails one of the two. Also checked: with {@code action-clip}
 * the environment receives the action clipped to its bounds while the buffer keeps the unclipped sample.
 *
 * <p>Tolerances: CleanRL's side is float64 throughout and ablate4j follows its formulas operation by
 * operation: relative 1e-12. SB3 casts its outputs to float32: relative 1e-6 of max(1, |x|) for outputs,
 * 1e-12 for its float64 observation statistics; its return statistics 1e-9 (measured 4e-11), because
 * {@code DummyVecEnv} holds the raw rewards as float32 ({@code buf_rews}) before {@code VecNormalize} sums
 * them into the return, a round-off of the kind the {@code precision} key is for, not a behaviour.
 */
class ImplementationNormalizersTest {

    private static final JsonNode DATA = load();

    private static JsonNode load() {
        try (InputStream in = ImplementationNormalizersTest.class
                .getResourceAsStream("/reference/implementations/normalizers.json")) {
            assertNotNull(in, "reference/implementations/normalizers.json missing from test resources");
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @ParameterizedTest
    @CsvSource({"cleanrl:ppo, cleanrl, 1e-12, 1e-12", "sb3:ppo, sb3, 1e-6, 1e-9"})
    void filtersReproduceTheImplementationsOwnNormalizers(String preset, String codebase, double outputTolerance,
            double returnTolerance) {
        JsonNode ref = DATA.get(codebase);
        int obsDim = DATA.get("obs_dim").asInt();
        int steps = DATA.get("steps").asInt();
        TrainConfig config = TrainConfig.resolve(preset, Map.of("env", "Pendulum-v1"), "");
        assertEquals(DATA.get("gamma").asDouble(), config.get(Keys.GAMMA), 0.0);

        ScriptedEnv env = new ScriptedEnv(DATA.get("stream"), obsDim);
        GaussianPolicy policy = new GaussianPolicy(obsDim, 1, new int[] {4}, Activation.TANH);
        SplittableRandom init = new SplittableRandom(1);
        policy.initialize(true, init);
        policy.params()[policy.logStdOffset()] = Math.log(2.0); // actions often beyond [-1, 1]
        ValueNet valueNet = new ValueNet(obsDim, new int[] {4}, Activation.TANH);
        valueNet.initialize(true, init);
        ObservationFilter obsFilter = new ObservationFilter(obsDim, config.on(Optimization.OBS_NORM),
                config.on(Optimization.OBS_CLIP), config.get(Keys.OBS_CLIP_MAX), Algorithms.observationStats(config));
        RewardFilter rewardFilter = Algorithms.rewardFilter(config);
        Sampler sampler = new Sampler(env, policy, valueNet, obsFilter, rewardFilter, Algorithms.samplerSettings(config));
        RolloutBuffer buf = new RolloutBuffer(steps, obsDim, 1);
        sampler.collect(buf, new SplittableRandom(2), new SplittableRandom(3));

        String where = codebase + ": ";
        JsonNode refSteps = ref.get("steps");
        assertVector(ref.get("first_obs"), buf.obs, 0, outputTolerance, where + "first observation");
        for (int t = 0; t < steps; t++) {
            JsonNode step = refSteps.get(t);
            if (t + 1 < steps) {
                assertVector(step.get("obs"), buf.obs, (t + 1) * obsDim, outputTolerance, where + "observation after step " + t);
            }
            assertClose(step.get("reward").asDouble(), buf.rewards[t], outputTolerance, where + "reward of step " + t);
        }

        JsonNode state = ref.get("state");
        RunningMeanStd obsStats = obsFilter.stats();
        RunningMeanStd returnStats = rewardFilter.returnStats();
        for (int i = 0; i < obsDim; i++) {
            assertClose(state.get("obs_mean").get(i).asDouble(), obsStats.mean(i), 1e-12, where + "obs mean " + i);
            assertClose(state.get("obs_var").get(i).asDouble(), obsStats.variance(i), 1e-12, where + "obs var " + i);
        }
        assertClose(state.get("obs_count").asDouble(), obsStats.weight(), 1e-15, where + "obs count");
        assertClose(state.get("return_mean").asDouble(), returnStats.mean(0), returnTolerance, where + "return mean");
        assertClose(state.get("return_var").asDouble(), returnStats.variance(0), returnTolerance, where + "return var");
        assertClose(state.get("return_count").asDouble(), returnStats.weight(), 1e-15, where + "return count");
        double runningReturn = state.get("running_return").isArray() ? state.get("running_return").get(0).asDouble()
                : state.get("running_return").asDouble();
        assertClose(runningReturn, rewardFilter.discountedReturn(), returnTolerance, where + "running return");

        int clipped = 0;
        for (int t = 0; t < steps; t++) {
            double a = buf.actions[t];
            double received = env.received.get(t);
            assertEquals(Math.max(-1, Math.min(1, a)), received, 0.0, where + "action the environment received, step " + t);
            clipped += Math.abs(a) > 1 ? 1 : 0;
        }
        assertTrue(clipped > 10, "the stream must exercise action clipping, got " + clipped + " clipped actions");
    }

    /**
     * The terminal observation at a time-limit truncation, as the truncation bootstrap sees it: CleanRL's
     * wrappers normalize it with statistics that contain it, SB3's {@code VecNormalize} with statistics that
     * contain the next episode's first observation instead. Read through a linear value network
     * V(o) = o[i] with {@code bootstrap-truncated} on (which changes no filter).
     */
    @ParameterizedTest
    @CsvSource({"cleanrl:ppo, cleanrl, final_observation, truncated, 1e-12",
        "sb3:ppo, sb3, terminal_observation, time_limit_truncated, 1e-6"})
    void theTerminalObservationIsNormalizedAsEachImplementationDoes(String preset, String codebase, String field,
            String truncatedField, double tolerance) {
        int obsDim = DATA.get("obs_dim").asInt();
        int steps = DATA.get("steps").asInt();
        TrainConfig config = TrainConfig.resolve(preset, Map.of("env", "Pendulum-v1", "bootstrap-truncated", true), "");
        int checked = 0;
        for (int i = 0; i < obsDim; i++) {
            ScriptedEnv env = new ScriptedEnv(DATA.get("stream"), obsDim);
            GaussianPolicy policy = new GaussianPolicy(obsDim, 1, new int[] {4}, Activation.TANH);
            policy.initialize(true, new SplittableRandom(1));
            ValueNet linear = new ValueNet(obsDim, new int[0], Activation.TANH);
            linear.params()[i] = 1.0; // weights (input k to the one output at k), then the bias 0
            Sampler sampler = new Sampler(env, policy, linear, new ObservationFilter(obsDim, config.on(Optimization.OBS_NORM),
                    config.on(Optimization.OBS_CLIP), config.get(Keys.OBS_CLIP_MAX), Algorithms.observationStats(config)),
                    Algorithms.rewardFilter(config), Algorithms.samplerSettings(config));
            RolloutBuffer buf = new RolloutBuffer(steps, obsDim, 1);
            sampler.collect(buf, new SplittableRandom(2), new SplittableRandom(3));
            for (int t = 0; t < steps; t++) {
                JsonNode step = DATA.get(codebase).get("steps").get(t);
                if (step.get(truncatedField).asBoolean()) {
                    assertClose(step.get(field).get(i).asDouble(), buf.nextValues[t], tolerance,
                            codebase + ": terminal observation of step " + t + " [" + i + "]");
                    checked++;
                }
            }
        }
        assertTrue(checked >= obsDim, "the stream must hold a truncation");
    }

    /** Without {@code action-clip} the environment receives the sampled action as it is. */
    @org.junit.jupiter.api.Test
    void withoutActionClipTheEnvironmentReceivesTheSampledAction() {
        TrainConfig config = TrainConfig.resolve("cleanrl:ppo", Map.of("env", "Pendulum-v1", "action-clip", false), "");
        ScriptedEnv env = new ScriptedEnv(DATA.get("stream"), 3);
        GaussianPolicy policy = new GaussianPolicy(3, 1, new int[] {4}, Activation.TANH);
        policy.initialize(true, new SplittableRandom(1));
        policy.params()[policy.logStdOffset()] = Math.log(2.0);
        ValueNet valueNet = new ValueNet(3, new int[] {4}, Activation.TANH);
        Sampler sampler = new Sampler(env, policy, valueNet, new ObservationFilter(3, true, true, 10),
                Algorithms.rewardFilter(config), Algorithms.samplerSettings(config));
        RolloutBuffer buf = new RolloutBuffer(50, 3, 1);
        sampler.collect(buf, new SplittableRandom(2), new SplittableRandom(3));
        int outside = 0;
        for (int t = 0; t < buf.size; t++) {
            assertEquals(buf.actions[t], env.received.get(t), 0.0, "step " + t);
            outside += Math.abs(buf.actions[t]) > 1 ? 1 : 0;
        }
        assertTrue(outside > 5, "actions beyond the bounds must occur, got " + outside);
    }

    private static void assertVector(JsonNode expected, double[] actual, int offset, double tolerance, String what) {
        for (int i = 0; i < expected.size(); i++) {
            assertClose(expected.get(i).asDouble(), actual[offset + i], tolerance, what + " [" + i + "]");
        }
    }

    private static void assertClose(double expected, double actual, double relative, String what) {
        assertEquals(expected, actual, relative * Math.max(1.0, Math.abs(expected)), what);
    }

    /** Returns the reference stream whatever the action, and records the actions it receives. */
    private static final class ScriptedEnv implements Env {
        private final JsonNode episodes;
        private final int obsDim;
        private final List<Double> received = new ArrayList<>();
        private int episode = -1;
        private int k;

        ScriptedEnv(JsonNode episodes, int obsDim) {
            this.episodes = episodes;
            this.obsDim = obsDim;
        }

        @Override
        public String id() {
            return "Scripted";
        }

        @Override
        public Box observationSpace() {
            double[] inf = new double[obsDim];
            java.util.Arrays.fill(inf, Double.POSITIVE_INFINITY);
            double[] negInf = new double[obsDim];
            java.util.Arrays.fill(negInf, Double.NEGATIVE_INFINITY);
            return new Box(negInf, inf);
        }

        @Override
        public Box actionSpace() {
            return new Box(new double[] {-1}, new double[] {1});
        }

        @Override
        public double[] reset(long seed) {
            episode++;
            k = 0;
            return vector(episodes.get(episode).get("reset"));
        }

        @Override
        public Step step(double[] action) {
            received.add(action[0]);
            JsonNode e = episodes.get(episode);
            Step step = new Step(vector(e.get("obs").get(k)), e.get("reward").get(k).asDouble(),
                    e.get("terminated").get(k).asBoolean(), e.get("truncated").get(k).asBoolean());
            k++;
            return step;
        }

        private static double[] vector(JsonNode node) {
            double[] v = new double[node.size()];
            for (int i = 0; i < v.length; i++) {
                v[i] = node.get(i).asDouble();
            }
            return v;
        }

        @Override
        public double[] saveState() {
            return new double[0];
        }

        @Override
        public void restoreState(double[] state) {}

        @Override
        public double[] observe() {
            return vector(episodes.get(episode).get("obs").get(Math.max(0, k - 1)));
        }
    }
}
