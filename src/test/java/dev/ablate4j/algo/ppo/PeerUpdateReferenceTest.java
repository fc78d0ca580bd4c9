package dev.ablate4j.algo.ppo;

import static dev.ablate4j.rl.ImplementationsReference.flat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ablate4j.nn.Activation;
import dev.ablate4j.nn.Adam;
import dev.ablate4j.nn.GaussianPolicy;
import dev.ablate4j.nn.GradClip;
import dev.ablate4j.nn.Mlp;
import dev.ablate4j.nn.ValueNet;
import dev.ablate4j.rl.Gae;
import dev.ablate4j.rl.ImplementationsReference;
import dev.ablate4j.rl.Minibatches;
import dev.ablate4j.rl.Moments;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * ablate4j's PPO building blocks against CleanRL's and SB3's own code
 * ({@code reference/implementations/ppo-update.json.gz}: one rollout and one update epoch each, run
 * by their code; docs/implementations.md lists the differences). With ablate4j's networks, log-prob,
 * GAE, advantage standardization, clipped surrogate, value loss and Adam, and exactly the listed
 * differences put in by hand — one loss per minibatch with the value loss weighted 0.5·½ (CleanRL)
 * or 0.5 (SB3), value clipping on (CleanRL) or off (SB3), one gradient-norm clip over both networks,
 * SB3's truncation bootstrap as {@code --bootstrap-truncated} computes it — every recorded number is
 * reproduced to float32 round-off: losses and gradient norms to relative 1e-5, each gradient tensor
 * to 1e-5 of its largest entry, each weight tensor after the epoch to 1e-5 of its largest entry or
 * 1e-7 (see {@link #WEIGHT_FLOOR}). The controls show the comparison has teeth:
 * ablate4j's own choices (each network clipped alone; the value loss without CleanRL's ½) miss.
 */
class PeerUpdateReferenceTest {

    private static final double REL = 1e-5;
    /**
     * Absolute floor for the weights after the epoch. A tensor that starts at 0 (biases, log-std)
     * holds two Adam steps of about lr = 3e-4 each; a gradient entry near Adam's eps (1e-5), summed
     * from terms 100 times larger, carries float32 round-off of 1e-4 of itself or more, which moves
     * its step by ~1e-4 lr. Seen: the action head's first bias in SB3, gradient 3.74e-5, ends at
     * -1.69958e-5 in the float32 reference and at -1.69721e-5 in PyTorch float64 on the same inputs,
     * a difference of 2.4e-8.
     */
    private static final double WEIGHT_FLOOR = 1e-7;

    /** How one codebase's update differs from ablate4j's pieces (docs/implementations.md rows 1-6). */
    private record Peer(String name, String obsKey, String logProbKey, boolean valueClip, double valueLossScale) {}

    private static final Peer CLEANRL = new Peer("cleanrl", "obs", "logprobs", true, 0.5);
    private static final Peer SB3 = new Peer("sb3", "observations", "log_probs", false, 1.0);
    private static final double VF_COEF = 0.5;
    private static final double MAX_GRAD_NORM = 0.5;
    private static final double CLIP = 0.2;

    private final JsonNode ref = ImplementationsReference.update();
    private final Mlp actor = ImplementationsReference.mlp(ref, "actor");
    private final Mlp critic = ImplementationsReference.mlp(ref, "critic");
    private final int obsDim = ref.get("obs_dim").asInt();
    private final int actDim = ref.get("act_dim").asInt();
    private final int steps = ref.get("rollout_steps").asInt();

    @Test
    void theBehaviourNetworkInAblate4jsLayoutGivesTheRecordedLogProbsAndValues() {
        for (Peer peer : List.of(CLEANRL, SB3)) {
            JsonNode rollout = ref.get(peer.name()).get("rollout");
            GaussianPolicy policy = policy(ref.get("behaviour_params"));
            ValueNet value = valueNet(ref.get("behaviour_params"));
            double[] logProb = new double[steps];
            double[] v = new double[steps];
            policy.logProb(flat(rollout.get(peer.obsKey())), flat(rollout.get("actions")), steps, logProb);
            value.predict(flat(rollout.get(peer.obsKey())), steps, v);
            assertClose(peer.name() + " log-probs", logProb, flat(rollout.get(peer.logProbKey())));
            assertClose(peer.name() + " values", v, flat(rollout.get("values")));
        }
    }

    @Test
    void gaeMatchesCleanRlWithTruncationAsTerminal() {
        JsonNode r = ref.get("cleanrl").get("rollout");
        double[] starts = flat(r.get("dones"));
        boolean[] end = new boolean[steps];
        double[] next = new double[steps];
        double[] values = flat(r.get("values"));
        for (int t = 0; t < steps; t++) {
            end[t] = t < steps - 1 ? starts[t + 1] == 1 : r.get("next_done").asDouble() == 1;
            next[t] = end[t] ? 0 : t < steps - 1 ? values[t + 1] : r.get("next_value").asDouble();
        }
        checkGae("cleanrl", flat(r.get("rewards")), values, next, end, r);
    }

    @Test
    void gaeMatchesSb3WithItsTruncationBootstrapAsBootstrapTruncatedComputesIt() {
        JsonNode r = ref.get("sb3").get("rollout");
        double[] starts = flat(r.get("episode_starts"));
        double[] values = flat(r.get("values"));
        boolean[] end = new boolean[steps];
        double[] next = new double[steps];
        int truncations = 0;
        for (int t = 0; t < steps; t++) {
            end[t] = t < steps - 1 ? starts[t + 1] == 1 : r.get("last_done").asBoolean();
            boolean truncated = r.get("time_limit_truncated").get(t).asBoolean();
            truncations += truncated ? 1 : 0;
            // ablate4j's Sampler with bootstrap-truncated: nextValues[t] = V(s_T) at a truncation, 0 at a termination
            next[t] = end[t] ? (truncated ? r.get("terminal_values").get(t).asDouble() : 0)
                    : t < steps - 1 ? values[t + 1] : r.get("last_value").asDouble();
        }
        assertEquals(1, truncations, "the rollout holds one truncation");
        // the environment's (normalized) reward, before SB3 folds gamma*V(s_T) into it
        checkGae("sb3", flat(r.get("env_rewards")), values, next, end, r);
    }

    private void checkGae(String name, double[] rewards, double[] values, double[] next, boolean[] end, JsonNode r) {
        double[] adv = new double[steps];
        double[] ret = new double[steps];
        Gae.compute(rewards, values, next, end, ref.get("gamma").asDouble(), 0.95, steps, adv, ret);
        assertClose(name + " advantages", adv, flat(r.get("advantages")));
        assertClose(name + " returns", ret, flat(r.get("returns")));
    }

    @Test
    void oneEpochOfAblate4jsPiecesWithCleanRlsDifferencesReproducesCleanRl() {
        check(CLEANRL, run(CLEANRL, true, CLEANRL.valueLossScale()));
    }

    @Test
    void oneEpochOfAblate4jsPiecesWithSb3sDifferencesReproducesSb3() {
        check(SB3, run(SB3, true, SB3.valueLossScale()));
    }

    @Test
    void controlClippingEachNetworkAloneOrDroppingTheHalfMissesCleanRlsGradients() {
        JsonNode expected = ref.get("cleanrl").get("update").get("minibatches").get(0).get("grads");
        Result separate = run(CLEANRL, false, CLEANRL.valueLossScale());
        assertTrue(relativeError(separate.policyGrads.get(0), ImplementationsReference.policyParams(expected, actor)) > 1e-2,
                "clipping the policy's gradient alone must not reproduce CleanRL's joint clipping");
        Result noHalf = run(CLEANRL, true, 1.0);
        assertTrue(relativeError(noHalf.valueGrads.get(0), ImplementationsReference.valueParams(expected, critic)) > 1e-2,
                "the value loss without the 1/2 must not reproduce CleanRL's");
    }

    // ------------------------------------------------------------------------------------------

    /** What ablate4j's pieces produce: per minibatch the losses and clipped gradients, then the weights. */
    private static final class Result {
        final List<double[]> losses = new ArrayList<>();
        final List<Double> norms = new ArrayList<>();
        final List<double[]> policyGrads = new ArrayList<>();
        final List<double[]> valueGrads = new ArrayList<>();
        double[] policyParams;
        double[] valueParams;
    }

    /**
     * One epoch from the initial network over the recorded rollout, minibatches in the recorded
     * order: total loss = pg + 0.5 * valueLossScale * L_V (L_V ablate4j's mean of squares), one
     * gradient-norm clip over both networks ({@code joint}) or one per network, one Adam per network
     * (Adam acts per parameter, so this is the same as one Adam over both).
     */
    private Result run(Peer peer, boolean joint, double valueLossScale) {
        JsonNode rollout = ref.get(peer.name()).get("rollout");
        double[] obs = flat(rollout.get(peer.obsKey()));
        double[] actions = flat(rollout.get("actions"));
        double[] oldLogProb = flat(rollout.get(peer.logProbKey()));
        double[] oldValues = flat(rollout.get("values"));
        double[] advantages = flat(rollout.get("advantages"));
        double[] returns = flat(rollout.get("returns"));
        GaussianPolicy policy = policy(ref.get("initial_params"));
        ValueNet value = valueNet(ref.get("initial_params"));
        Adam policyAdam = new Adam(policy.params().length, 0.9, 0.999, 1e-5);
        Adam valueAdam = new Adam(value.params().length, 0.9, 0.999, 1e-5);
        double lr = ref.get(peer.name()).get("settings").get("learning_rate").asDouble();

        Result result = new Result();
        for (JsonNode mb : ref.get(peer.name()).get("update").get("minibatches")) {
            int[] order = new int[mb.get("indices").size()];
            for (int i = 0; i < order.length; i++) {
                order[i] = mb.get("indices").get(i).asInt();
            }
            int m = order.length;
            double[] mbObs = new double[m * obsDim];
            double[] mbActions = new double[m * actDim];
            double[] mbOld = new double[m];
            double[] mbAdv = new double[m];
            double[] mbOldV = new double[m];
            double[] mbRet = new double[m];
            Minibatches.gather(obs, obsDim, order, 0, m, mbObs);
            Minibatches.gather(actions, actDim, order, 0, m, mbActions);
            Minibatches.gather(oldLogProb, 1, order, 0, m, mbOld);
            Minibatches.gather(advantages, 1, order, 0, m, mbAdv);
            Minibatches.gather(oldValues, 1, order, 0, m, mbOldV);
            Minibatches.gather(returns, 1, order, 0, m, mbRet);
            Moments.standardize(mbAdv, m);

            policy.zeroGrads();
            double[] logProb = new double[m];
            double[] dLogProb = new double[m];
            policy.logProb(mbObs, mbActions, m, logProb);
            double pgLoss = PolicyMinibatch.clippedSurrogate(logProb, mbOld, mbAdv, m, CLIP, dLogProb);
            policy.backwardLogProb(dLogProb);

            value.zeroGrads();
            double[] v = new double[m];
            double[] dV = new double[m];
            value.predict(mbObs, m, v);
            double valueLoss = valueLossScale * ImplementationsReference.valueLoss(v, mbOldV, mbRet, m, peer.valueClip(),
                    CLIP, dV);
            for (int i = 0; i < m; i++) {
                dV[i] *= VF_COEF * valueLossScale;
            }
            value.backward(dV);

            double norm;
            if (joint) {
                norm = Math.sqrt(square(GradClip.norm(policy.grads())) + square(GradClip.norm(value.grads())));
                double coef = Math.min(1.0, MAX_GRAD_NORM / (norm + 1e-6)); // torch's clip_grad_norm_
                scale(policy.grads(), coef);
                scale(value.grads(), coef);
            } else {
                norm = GradClip.clipGlobalNorm(policy.grads(), MAX_GRAD_NORM);
                GradClip.clipGlobalNorm(value.grads(), MAX_GRAD_NORM);
            }
            result.losses.add(new double[] {pgLoss, valueLoss, policy.entropy(), pgLoss + VF_COEF * valueLoss});
            result.norms.add(norm);
            result.policyGrads.add(policy.grads().clone());
            result.valueGrads.add(value.grads().clone());
            policyAdam.step(policy.params(), policy.grads(), lr);
            valueAdam.step(value.params(), value.grads(), lr);
        }
        result.policyParams = policy.params().clone();
        result.valueParams = value.params().clone();
        return result;
    }

    private void check(Peer peer, Result result) {
        JsonNode update = ref.get(peer.name()).get("update");
        int b = 0;
        for (JsonNode mb : update.get("minibatches")) {
            JsonNode losses = mb.get("losses");
            String where = peer.name() + " minibatch " + b;
            double[] mine = result.losses.get(b);
            assertRelative(where + " pg_loss", mine[0], losses.get("pg_loss").asDouble());
            assertRelative(where + " value_loss", mine[1], losses.get("value_loss").asDouble());
            assertRelative(where + " entropy", mine[2], losses.get("entropy").asDouble());
            assertRelative(where + " loss", mine[3], losses.get("loss").asDouble());
            assertRelative(where + " grad norm before clipping", result.norms.get(b),
                    mb.get("grad_norm_before_clip").asDouble());
            assertTensorsClose(where + " policy gradients", result.policyGrads.get(b),
                    ImplementationsReference.policyParams(mb.get("grads"), actor), actor, true, 0);
            assertTensorsClose(where + " value gradients", result.valueGrads.get(b),
                    ImplementationsReference.valueParams(mb.get("grads"), critic), critic, false, 0);
            b++;
        }
        assertEquals(2, b, "two minibatches recorded");
        assertTensorsClose(peer.name() + " policy weights after the epoch", result.policyParams,
                ImplementationsReference.policyParams(update.get("final_params"), actor), actor, true, WEIGHT_FLOOR);
        assertTensorsClose(peer.name() + " value weights after the epoch", result.valueParams,
                ImplementationsReference.valueParams(update.get("final_params"), critic), critic, false, WEIGHT_FLOOR);
        // the epoch moved the weights by far more than the tolerance: the comparison sees the update
        double[] initial = ImplementationsReference.policyParams(ref.get("initial_params"), actor);
        assertTrue(maxDifference(initial, result.policyParams) > 1000 * WEIGHT_FLOOR, "the epoch moved the policy");
    }

    // ------------------------------------------------------------------------------------------

    private GaussianPolicy policy(JsonNode params) {
        GaussianPolicy p = new GaussianPolicy(obsDim, actDim, hidden(actor), Activation.TANH);
        double[] flatParams = ImplementationsReference.policyParams(params, actor);
        System.arraycopy(flatParams, 0, p.params(), 0, flatParams.length);
        return p;
    }

    private ValueNet valueNet(JsonNode params) {
        ValueNet v = new ValueNet(obsDim, hidden(critic), Activation.TANH);
        double[] flatParams = ImplementationsReference.valueParams(params, critic);
        System.arraycopy(flatParams, 0, v.params(), 0, flatParams.length);
        return v;
    }

    private static int[] hidden(Mlp mlp) {
        int[] sizes = mlp.layerSizes();
        return java.util.Arrays.copyOfRange(sizes, 1, sizes.length - 1);
    }

    private static double square(double x) {
        return x * x;
    }

    private static void scale(double[] g, double c) {
        for (int i = 0; i < g.length; i++) {
            g[i] *= c;
        }
    }

    private static void assertRelative(String what, double actual, double expected) {
        assertTrue(Math.abs(actual - expected) <= REL * Math.abs(expected),
                what + ": ablate4j " + actual + ", reference " + expected);
    }

    /** Each entry within 1e-5 of the largest |entry| of the expected array. */
    private static void assertClose(String what, double[] actual, double[] expected) {
        assertEquals(expected.length, actual.length, what + ": length");
        double err = relativeError(actual, expected);
        assertTrue(err <= REL, what + ": largest difference " + err + " of the largest entry");
    }

    /**
     * Tensor by tensor (each layer's weights, its biases, the log-std): within 1e-5 of the tensor's
     * largest entry, or within {@code floor}.
     */
    private static void assertTensorsClose(String what, double[] actual, double[] expected, Mlp mlp, boolean logStd,
            double floor) {
        assertEquals(expected.length, actual.length, what + ": length");
        int[] sizes = mlp.layerSizes();
        List<int[]> blocks = new ArrayList<>();
        for (int l = 1; l < sizes.length; l++) {
            int w = mlp.weightOffset(l - 1);
            int nm = sizes[l - 1] * sizes[l];
            blocks.add(new int[] {w, w + nm});
            blocks.add(new int[] {w + nm, w + nm + sizes[l]});
        }
        if (logStd) {
            blocks.add(new int[] {mlp.parameterCount(), actual.length});
        }
        for (int[] block : blocks) {
            double[] a = java.util.Arrays.copyOfRange(actual, block[0], block[1]);
            double[] e = java.util.Arrays.copyOfRange(expected, block[0], block[1]);
            double err = relativeError(a, e);
            assertTrue(err <= REL || maxDifference(a, e) <= floor, what + ", entries " + block[0] + ".." + block[1]
                    + ": largest difference " + maxDifference(a, e) + " = " + err + " of the largest entry");
        }
    }

    private static double maxDifference(double[] actual, double[] expected) {
        double diff = 0;
        for (int i = 0; i < expected.length; i++) {
            diff = Math.max(diff, Math.abs(actual[i] - expected[i]));
        }
        return diff;
    }

    private static double relativeError(double[] actual, double[] expected) {
        double max = 0;
        double diff = 0;
        for (int i = 0; i < expected.length; i++) {
            max = Math.max(max, Math.abs(expected[i]));
            diff = Math.max(diff, Math.abs(actual[i] - expected[i]));
        }
        return max == 0 ? diff : diff / max;
    }
}
