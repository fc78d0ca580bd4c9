package dev.ablate4j.algo.ppo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ablate4j.algo.Algorithms;
import dev.ablate4j.algo.StepBounds;
import dev.ablate4j.config.TrainConfig;
import dev.ablate4j.nn.Activation;
import dev.ablate4j.nn.Adam;
import dev.ablate4j.nn.GaussianPolicy;
import dev.ablate4j.nn.ValueNet;
import dev.ablate4j.rl.RolloutBuffer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The {@code cleanrl:ppo} and {@code sb3:ppo} presets' update reproduces one update epoch of CleanRL's and
 * Stable-Baselines3's own code ({@code reference/implementations/ppo-update.json.gz}, made by running them;
 * see its README): from the same initial network, on the same rollout, in the same minibatch order, the
 * losses, the gradient norm before clipping, the clipped gradients of every parameter and the weights
 * after the epoch, and the GAE advantages of each codebase from its rewards and episode flags. The update
 * is built from the preset itself ({@link Algorithms#jointUpdate}), so a key the preset stops setting, or a
 * switch that stops acting (joint step, vf-coef, value-loss-half, value clipping, joint gradient clipping),
 * fails here.
 *
 * <p>Tolerances: the reference ran in float32 and ablate4j computes in float64 from the same float32
 * inputs, so agreement is to float32 round-off. Relative 1e-5 for losses and norms (measured: the policy
 * loss, a small mean of terms of both signs, 3-5e-6; the value loss and the norms below 1e-6); for each
 * gradient tensor |diff| at most 1e-5 times the tensor's largest magnitude (measured below 1e-6; elements
 * far below the largest carry float32 cancellation error relative to the tensor, not to themselves); the
 * weights after the epoch to 2e-7 absolute, a few float32 steps at |w| near 0.5 (measured 9e-8: the
 * reference's own float32 rounding), where a missing or wrong Adam step would leave up to 3e-4;
 * advantages to 1e-5 of the largest (measured below 1e-6).
 */
class ImplementationReferenceTest {

    private static final String[] LAYERS = {"0", "2", "4"};
    static final JsonNode DATA = load();

    private static JsonNode load() {
        try (InputStream in = ImplementationReferenceTest.class
                .getResourceAsStream("/reference/implementations/ppo-update.json.gz")) {
            assertNotNull(in, "reference/implementations/ppo-update.json.gz missing from test resources");
            return new ObjectMapper().readTree(new GZIPInputStream(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @ParameterizedTest
    @CsvSource({"cleanrl:ppo, cleanrl", "sb3:ppo, sb3"})
    void oneUpdateEpochMatchesTheImplementationsOwnCode(String preset, String codebase) {
        JsonNode ref = DATA.get(codebase);
        JsonNode rollout = ref.get("rollout");
        int obs = DATA.get("obs_dim").asInt();
        int act = DATA.get("act_dim").asInt();
        int n = DATA.get("rollout_steps").asInt();
        int minibatches = DATA.get("minibatches").asInt();
        Map<String, Object> overrides = new LinkedHashMap<>();
        overrides.put("env", "Pendulum-v1");
        overrides.put("rollout-steps", n);
        overrides.put("minibatches", minibatches);
        overrides.put("epochs", 1);
        overrides.put("steps", n);
        TrainConfig config = TrainConfig.resolve(preset, overrides, "");

        GaussianPolicy policy = new GaussianPolicy(obs, act, new int[] {64, 64}, Activation.TANH);
        ValueNet valueNet = new ValueNet(obs, new int[] {64, 64}, Activation.TANH);
        JsonNode initial = DATA.get("initial_params");
        int logStd = loadMlp(initial, "actor", policy.params(), new int[] {obs, 64, 64, act});
        assertEquals(policy.logStdOffset(), logStd);
        for (int j = 0; j < act; j++) {
            policy.params()[logStd + j] = initial.get("log_std").get(j).asDouble();
        }
        loadMlp(initial, "critic", valueNet.params(), new int[] {obs, 64, 64, 1});
        Adam policyAdam = new Adam(policy.params().length, 0.9, 0.999, 1e-5);
        Adam valueAdam = new Adam(valueNet.params().length, 0.9, 0.999, 1e-5);
        JointPpoUpdate update = Algorithms.jointUpdate(config, policy, policyAdam, valueNet, valueAdam);
        assertNotNull(update, preset + " must train both networks in one joint step");

        RolloutBuffer buf = new RolloutBuffer(n, obs, act);
        boolean cleanrl = codebase.equals("cleanrl");
        fill(rollout.get(cleanrl ? "obs" : "observations"), buf.obs);
        fill(rollout.get("actions"), buf.actions);
        fill(rollout.get(cleanrl ? "logprobs" : "log_probs"), buf.logProbs);
        fill(rollout.get("values"), buf.values);
        fill(rollout.get("advantages"), buf.advantages);
        fill(rollout.get("returns"), buf.returns);

        StepBounds bounds = Algorithms.bounds(config, 0, config.iterations());
        assertEquals(3e-4, bounds.policyLr(), 0.0);
        assertEquals(3e-4, bounds.valueLr(), 0.0);
        JsonNode steps = ref.get("update").get("minibatches");
        for (int b = 0; b < steps.size(); b++) {
            JsonNode mb = steps.get(b);
            int[] indices = ints(mb.get("indices"));
            JointPpoUpdate.MinibatchStats stats = update.step(buf, indices, 0, indices.length, bounds);
            JsonNode losses = mb.get("losses");
            String where = codebase + " minibatch " + b + ": ";
            assertRelative(losses.get("pg_loss").asDouble(), stats.policyLoss(), 1e-5, where + "policy loss");
            assertRelative(losses.get("value_loss").asDouble(), stats.valueLoss(), 1e-5, where + "value loss");
            assertRelative(mb.get("grad_norm_before_clip").asDouble(), stats.jointGradNorm(), 1e-5,
                    where + "gradient norm before clipping");
            compareParams(mb.get("grads"), policy.grads(), valueNet.grads(), obs, act, 1e-5, true, where + "gradient ");
        }
        compareParams(ref.get("update").get("final_params"), policy.params(), valueNet.params(), obs, act, 2e-7, false,
                codebase + ": weight after the epoch ");
    }

    /** Each codebase's advantages follow from its rewards, values and episode ends by ablate4j's GAE. */
    @ParameterizedTest
    @CsvSource({"cleanrl", "sb3"})
    void gaeMatchesTheImplementationsOwnAdvantages(String codebase) {
        JsonNode rollout = DATA.get(codebase).get("rollout");
        int n = DATA.get("rollout_steps").asInt();
        RolloutBuffer buf = new RolloutBuffer(n, DATA.get("obs_dim").asInt(), DATA.get("act_dim").asInt());
        fill(rollout.get("values"), buf.values);
        boolean cleanrl = codebase.equals("cleanrl");
        // sb3: the environment's reward and ablate4j's bootstrap-truncated (nextValues = V(terminal obs))
        fill(rollout.get(cleanrl ? "rewards" : "env_rewards"), buf.rewards);
        JsonNode starts = rollout.get(cleanrl ? "dones" : "episode_starts");
        for (int t = 0; t < n; t++) {
            boolean end = t < n - 1 ? starts.get(t + 1).asDouble() != 0
                    : rollout.get(cleanrl ? "next_done" : "last_done").asDouble() != 0;
            buf.episodeEnd[t] = end;
            if (!end) {
                buf.nextValues[t] = t < n - 1 ? buf.values[t + 1] : rollout.get(cleanrl ? "next_value" : "last_value")
                        .asDouble();
            } else if (!cleanrl && rollout.get("time_limit_truncated").get(t).asBoolean()) {
                buf.nextValues[t] = rollout.get("terminal_values").get(t).asDouble();
            }
        }
        buf.computeAdvantages(0.99, 0.95);
        double[] expected = new double[n];
        fill(rollout.get("advantages"), expected);
        double scale = 0;
        for (double e : expected) {
            scale = Math.max(scale, Math.abs(e));
        }
        for (int t = 0; t < n; t++) {
            assertEquals(expected[t], buf.advantages[t], 1e-5 * scale, codebase + " advantage " + t);
        }
        if (!cleanrl) {
            assertTrue(rollout.get("time_limit_truncated").get(35).asBoolean(), "the stream truncates at step 35");
        }
    }

    /** Loads PyTorch's Linear layers {@code prefix.0/2/4} ([out][in]) into an Mlp's layout; returns the end offset. */
    static int loadMlp(JsonNode params, String prefix, double[] target, int[] sizes) {
        int offset = 0;
        for (int l = 0; l < LAYERS.length; l++) {
            JsonNode w = params.get(prefix + "." + LAYERS[l] + ".weight");
            JsonNode bias = params.get(prefix + "." + LAYERS[l] + ".bias");
            int in = sizes[l];
            int out = sizes[l + 1];
            for (int i = 0; i < in; i++) {
                for (int o = 0; o < out; o++) {
                    target[offset + i * out + o] = w.get(o).get(i).asDouble();
                }
            }
            offset += in * out;
            for (int o = 0; o < out; o++) {
                target[offset + o] = bias.get(o).asDouble();
            }
            offset += out;
        }
        return offset;
    }

    private static void compareParams(JsonNode expected, double[] policy, double[] value, int obs, int act,
            double tolerance, boolean relativeToTensor, String what) {
        int[] actor = {obs, 64, 64, act};
        int[] critic = {obs, 64, 64, 1};
        double[] policyRef = new double[policy.length];
        double[] valueRef = new double[value.length];
        int logStd = loadMlp(expected, "actor", policyRef, actor);
        for (int j = 0; j < act; j++) {
            policyRef[logStd + j] = expected.get("log_std").get(j).asDouble();
        }
        loadMlp(expected, "critic", valueRef, critic);
        compareTensors(policyRef, policy, actor, true, tolerance, relativeToTensor, what + "actor/log_std");
        compareTensors(valueRef, value, critic, false, tolerance, relativeToTensor, what + "critic");
    }

    /** Compares tensor by tensor (each layer's weights, its biases, the log-std). */
    private static void compareTensors(double[] expected, double[] actual, int[] sizes, boolean logStd, double tolerance,
            boolean relativeToTensor, String what) {
        int offset = 0;
        for (int l = 0; l < LAYERS.length; l++) {
            int weights = sizes[l] * sizes[l + 1];
            compareRange(expected, actual, offset, weights, tolerance, relativeToTensor, what + " layer " + LAYERS[l]
                    + " weight");
            offset += weights;
            compareRange(expected, actual, offset, sizes[l + 1], tolerance, relativeToTensor, what + " layer "
                    + LAYERS[l] + " bias");
            offset += sizes[l + 1];
        }
        if (logStd) {
            compareRange(expected, actual, offset, actual.length - offset, tolerance, relativeToTensor, what + " log_std");
        }
    }

    private static void compareRange(double[] expected, double[] actual, int from, int count, double tolerance,
            boolean relativeToTensor, String what) {
        double scale = 1;
        if (relativeToTensor) {
            scale = 0;
            for (int k = from; k < from + count; k++) {
                scale = Math.max(scale, Math.abs(expected[k]));
            }
        }
        for (int k = from; k < from + count; k++) {
            assertEquals(expected[k], actual[k], tolerance * scale, what + " [" + (k - from) + "]");
        }
    }

    private static void assertRelative(double expected, double actual, double relative, String what) {
        assertEquals(expected, actual, relative * Math.abs(expected), what);
    }

    static void fill(JsonNode node, double[] target) {
        int k = 0;
        for (JsonNode row : node) {
            if (row.isArray()) {
                for (JsonNode x : row) {
                    target[k++] = x.asDouble();
                }
            } else {
                target[k++] = row.asDouble();
            }
        }
        assertEquals(target.length, k, "reference array length");
    }

    private static int[] ints(JsonNode node) {
        int[] out = new int[node.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = node.get(i).asInt();
        }
        return out;
    }
}
