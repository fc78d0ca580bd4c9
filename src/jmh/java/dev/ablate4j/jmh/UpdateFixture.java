package dev.ablate4j.jmh;

import dev.ablate4j.algo.Algorithms;
import dev.ablate4j.algo.StepBounds;
import dev.ablate4j.algo.PolicyUpdate;
import dev.ablate4j.config.Keys;
import dev.ablate4j.config.TrainConfig;
import dev.ablate4j.env.Env;
import dev.ablate4j.env.Envs;
import dev.ablate4j.nn.Activation;
import dev.ablate4j.nn.Adam;
import dev.ablate4j.nn.Backend;
import dev.ablate4j.nn.GaussianPolicy;
import dev.ablate4j.nn.Precision;
import dev.ablate4j.nn.ValueNet;
import dev.ablate4j.rl.ObservationFilter;
import dev.ablate4j.rl.RewardFilter;
import dev.ablate4j.rl.RolloutBuffer;
import dev.ablate4j.rl.Sampler;
import dev.ablate4j.rl.ValueTrainer;
import dev.ablate4j.tweak.Optimization;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The pieces of one training iteration at a preset's settings (paper sizes by default), with a
 * real rollout collected by the freshly initialized policy, and a snapshot of the networks and
 * optimizers so every benchmark invocation starts from the same state.
 */
final class UpdateFixture {

    final TrainConfig config;
    final GaussianPolicy policy;
    final ValueNet value;
    final Adam policyAdam;
    final Adam valueAdam;
    final RolloutBuffer buffer;
    final PolicyUpdate policyUpdate;
    final ValueTrainer valueTrainer;
    private final double[] policyParams;
    private final double[] valueParams;
    private final double[][] adamState;

    UpdateFixture(String preset, String envId, String hidden, Backend backend) {
        this(preset, envId, hidden, backend, Precision.FLOAT64);
    }

    UpdateFixture(String preset, String envId, String hidden, Backend backend, Precision precision) {
        Map<String, Object> overrides = new LinkedHashMap<>();
        overrides.put("env", envId);
        overrides.put("hidden", hidden);
        overrides.put("seed", 1L);
        overrides.put("precision", precision.id());
        config = TrainConfig.resolve(preset, overrides, "");
        Env env = Envs.make(envId);
        int obs = env.observationSpace().size();
        int act = env.actionSpace().size();
        Activation activation = config.on(Optimization.TANH) ? Activation.TANH : Activation.RELU;
        policy = new GaussianPolicy(obs, act, config.hidden(), activation, backend, precision);
        value = new ValueNet(obs, config.hidden(), activation, backend, precision);
        SplittableRandom init = new SplittableRandom(1);
        policy.initialize(config.on(Optimization.ORTHO_INIT), init);
        value.initialize(config.on(Optimization.ORTHO_INIT), init);
        policyAdam = new Adam(policy.parameterCount(), 0.9, 0.999, config.get(Keys.ADAM_EPS), precision);
        valueAdam = new Adam(value.parameterCount(), 0.9, 0.999, config.get(Keys.ADAM_EPS), precision);
        ObservationFilter obsFilter = new ObservationFilter(obs, config.on(Optimization.OBS_NORM),
                config.on(Optimization.OBS_CLIP), config.get(Keys.OBS_CLIP_MAX));
        RewardFilter rewardFilter = Algorithms.rewardFilter(config);
        buffer = new RolloutBuffer(config.get(Keys.ROLLOUT_STEPS), obs, act);
        new Sampler(env, policy, value, obsFilter, rewardFilter, Algorithms.samplerSettings(config))
                .collect(buffer, new SplittableRandom(2), new SplittableRandom(3));
        env.close();
        buffer.computeAdvantages(config.get(Keys.GAMMA), config.get(Keys.GAE_LAMBDA));
        policyUpdate = Algorithms.policyUpdate(config, policy, policyAdam);
        valueTrainer = Algorithms.valueTrainer(config, value, valueAdam);
        policyParams = policy.params().clone();
        valueParams = value.params().clone();
        adamState = new double[][] {policyAdam.firstMoment().clone(), policyAdam.secondMoment().clone(),
            valueAdam.firstMoment().clone(), valueAdam.secondMoment().clone()};
    }

    /** Puts networks and optimizers back to the state after construction. */
    void restore() {
        System.arraycopy(policyParams, 0, policy.params(), 0, policyParams.length);
        System.arraycopy(valueParams, 0, value.params(), 0, valueParams.length);
        policyAdam.restore(adamState[0], adamState[1], 0);
        valueAdam.restore(adamState[2], adamState[3], 0);
    }

    /** The first iteration's step bounds (learning rates and delta). */
    StepBounds bounds() {
        return Algorithms.bounds(config, 0, config.iterations());
    }

    double valueLr() {
        return config.get(Keys.VALUE_LR);
    }

    int epochs() {
        return config.get(Keys.EPOCHS);
    }

    int minibatches() {
        return config.get(Keys.MINIBATCHES);
    }
}
