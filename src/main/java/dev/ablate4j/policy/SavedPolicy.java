package dev.ablate4j.policy;

import dev.ablate4j.env.Box;
import dev.ablate4j.env.EnvVariant;
import dev.ablate4j.nn.Activation;
import dev.ablate4j.nn.GaussianPolicy;
import dev.ablate4j.nn.Mlp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A trained policy as a run leaves it, independent of the training code's state: the observation
 * filter (frozen), the mean network's layers, the activation of its hidden layers, the
 * state-independent log-std, and the environment's action bounds. The action is
 * {@code mean(filter(obs)) + exp(logStd) · N(0, 1)} (stochastic) or the mean (deterministic).
 *
 * <p>{@code clipActions} is false for every policy ablate4j trains without {@code action-clip}: the sampled
 * action goes to the environment unclipped, and the environment applies its own bounds where Gymnasium
 * does (Pendulum clips its torque to [−2, 2], MuJoCo clamps the controls to their ctrlrange). With
 * {@code action-clip} (CleanRL, SB3) it is true: the action is clipped to the bounds before the
 * environment sees it, as in training. The bounds are recorded so that a user deploying the policy
 * elsewhere can clip the same way.
 *
 * <p>Immutable; {@link #actor()} gives a (not thread-safe) object that computes with it. Its
 * arithmetic is the training code's own ({@link GaussianPolicy}, {@link Mlp}), so a saved policy
 * computes bit for bit the actions the trained one would.
 *
 * @param env          environment id the policy was trained on
 * @param variant      how that environment departed from Gymnasium's v4 definition in training
 *                     ({@link EnvVariant#V4} for every environment but a Humanoid-v4 variant)
 * @param filter       the frozen observation filter
 * @param layers       the mean network, input first; hidden layers use {@code activation}, the last is linear
 * @param activation   hidden-layer activation
 * @param logStd       log standard deviation of each action component
 * @param actionLow    lower action bounds (−∞ where unbounded)
 * @param actionHigh   upper action bounds (+∞ where unbounded)
 * @param clipActions  whether actions are clipped to the bounds before they reach the environment
 */
public record SavedPolicy(String env, EnvVariant variant, ObservationNormalizer filter, List<PolicyLayer> layers, Activation activation,
        double[] logStd, double[] actionLow, double[] actionHigh, boolean clipActions) {

    public SavedPolicy {
        if (env == null || env.isBlank()) {
            throw new BadPolicyException("env must name an environment id");
        }
        if (variant == null) {
            throw new BadPolicyException("env_variant is missing");
        }
        if (layers.isEmpty()) {
            throw new BadPolicyException("layers must hold at least one layer");
        }
        if (activation == null) {
            throw new BadPolicyException("activation must be one of tanh, relu");
        }
        layers = List.copyOf(layers);
        if (layers.get(0).in() != filter.size()) {
            throw new BadPolicyException("layers[0].in is " + layers.get(0).in() + " but the observation has "
                    + filter.size() + " components");
        }
        for (int l = 1; l < layers.size(); l++) {
            if (layers.get(l).in() != layers.get(l - 1).out()) {
                throw new BadPolicyException("layers[" + l + "].in is " + layers.get(l).in() + " but layers["
                        + (l - 1) + "].out is " + layers.get(l - 1).out());
            }
        }
        for (int l = 0; l < layers.size(); l++) {
            checkFinite("layers[" + l + "].weight", layers.get(l).weight());
            checkFinite("layers[" + l + "].bias", layers.get(l).bias());
        }
        int actions = layers.get(layers.size() - 1).out();
        checkLength("log_std", logStd, actions);
        checkLength("action_low", actionLow, actions);
        checkLength("action_high", actionHigh, actions);
        checkFinite("log_std", logStd);
        for (int j = 0; j < actions; j++) {
            if (Double.isNaN(actionLow[j]) || Double.isNaN(actionHigh[j]) || actionLow[j] > actionHigh[j]
                    || actionLow[j] == Double.POSITIVE_INFINITY || actionHigh[j] == Double.NEGATIVE_INFINITY) {
                throw new BadPolicyException("action bounds of component " + j + " are not an interval: ["
                        + actionLow[j] + ", " + actionHigh[j] + "]");
            }
        }
        logStd = logStd.clone();
        actionLow = actionLow.clone();
        actionHigh = actionHigh.clone();
    }

    /**
     * The current state of a training run's policy: its mean network and log-std from
     * {@code policy}'s parameters, the filter, and the action space's bounds.
     */
    public static SavedPolicy of(String env, EnvVariant variant, GaussianPolicy policy, ObservationNormalizer filter,
            Box actionSpace) {
        return of(env, variant, policy, filter, actionSpace, false);
    }

    /** As {@link #of(String, EnvVariant, GaussianPolicy, ObservationNormalizer, Box)}, clipping actions or not. */
    public static SavedPolicy of(String env, EnvVariant variant, GaussianPolicy policy, ObservationNormalizer filter,
            Box actionSpace, boolean clipActions) {
        Mlp mlp = policy.mlp();
        int[] sizes = mlp.layerSizes();
        double[] params = policy.params();
        List<PolicyLayer> layers = new ArrayList<>();
        for (int l = 0; l < mlp.layerCount(); l++) {
            int n = sizes[l];
            int m = sizes[l + 1];
            int w = mlp.weightOffset(l);
            layers.add(new PolicyLayer(n, m, Arrays.copyOfRange(params, w, w + n * m),
                    Arrays.copyOfRange(params, w + n * m, w + n * m + m)));
        }
        return new SavedPolicy(env, variant, filter, layers, mlp.activation(), policy.logStd(), actionSpace.low(),
                actionSpace.high(), clipActions);
    }

    /** Observation width. */
    public int observationSize() {
        return filter.size();
    }

    /** Action width. */
    public int actionSize() {
        return layers.get(layers.size() - 1).out();
    }

    /** Widths of the hidden layers. */
    public int[] hidden() {
        int[] h = new int[layers.size() - 1];
        for (int l = 0; l < h.length; l++) {
            h[l] = layers.get(l).out();
        }
        return h;
    }

    @Override
    public double[] logStd() {
        return logStd.clone();
    }

    @Override
    public double[] actionLow() {
        return actionLow.clone();
    }

    @Override
    public double[] actionHigh() {
        return actionHigh.clone();
    }

    /** A new object that computes actions with this policy. */
    public PolicyActor actor() {
        return new PolicyActor(this);
    }

    /** The policy's parameters in {@link GaussianPolicy}'s flat layout (the mean network's, then log-std). */
    double[] flatParameters() {
        int count = logStd.length;
        for (PolicyLayer layer : layers) {
            count += layer.in() * layer.out() + layer.out();
        }
        double[] p = new double[count];
        int at = 0;
        for (PolicyLayer layer : layers) {
            double[] w = layer.weight();
            System.arraycopy(w, 0, p, at, w.length);
            at += w.length;
            System.arraycopy(layer.bias(), 0, p, at, layer.out());
            at += layer.out();
        }
        System.arraycopy(logStd, 0, p, at, logStd.length);
        return p;
    }

    private static void checkLength(String key, double[] values, int expected) {
        if (values.length != expected) {
            throw new BadPolicyException(key + " has " + values.length + " values but the network has " + expected
                    + " action components");
        }
    }

    private static void checkFinite(String key, double[] values) {
        for (int i = 0; i < values.length; i++) {
            if (!Double.isFinite(values[i])) {
                throw new BadPolicyException(key + "[" + i + "] is " + values[i] + "; every value must be finite");
            }
        }
    }
}
