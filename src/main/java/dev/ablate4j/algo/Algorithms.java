package dev.ablate4j.algo;

import dev.ablate4j.algo.ppo.JointPpoUpdate;
import dev.ablate4j.algo.ppo.PpoUpdate;
import dev.ablate4j.algo.trpo.TrpoUpdate;
import dev.ablate4j.config.GradClipScope;
import dev.ablate4j.config.Keys;
import dev.ablate4j.config.NormStats;
import dev.ablate4j.config.PpoOptimizer;
import dev.ablate4j.config.RewardScaleReset;
import dev.ablate4j.config.TrainConfig;
import dev.ablate4j.nn.Adam;
import dev.ablate4j.nn.GaussianPolicy;
import dev.ablate4j.nn.ValueNet;
import dev.ablate4j.rl.RewardFilter;
import dev.ablate4j.rl.RunningMeanStd;
import dev.ablate4j.rl.Sampler;
import dev.ablate4j.rl.ValueTrainer;
import dev.ablate4j.tweak.Optimization;

/**
 * Builds the pieces of a run that the config's switches configure: the policy step {@code algo}
 * names, the reward filter, the sampler's episode handling and the value trainer. {@code Training}
 * and the benchmarks wire a run from these, so a switch is read in one place.
 */
public final class Algorithms {

    private Algorithms() {}

    public static PolicyUpdate policyUpdate(TrainConfig c, GaussianPolicy policy, Adam policyAdam) {
        int batch = c.get(Keys.ROLLOUT_STEPS);
        return switch (c.get(Keys.ALGO)) {
            case PPO -> new PpoUpdate(policy, policyAdam, ppoSettings(c), batch);
            case TRPO -> new TrpoUpdate(policy, new TrpoUpdate.Settings(c.get(Keys.CG_ITERS), c.get(Keys.CG_DAMPING),
                    c.get(Keys.FISHER_FRAC), c.get(Keys.MAX_BACKTRACKS), c.get(Keys.LINE_SEARCH_ACCEPT),
                    c.on(Optimization.ADV_NORM)), batch);
        };
    }

    private static PpoUpdate.Settings ppoSettings(TrainConfig c) {
        return new PpoUpdate.Settings(c.get(Keys.CLIP_EPS), c.on(Optimization.ADV_NORM), clipsPolicy(c),
                c.get(Keys.GRAD_CLIP_NORM), c.get(Keys.ENTROPY_COEF), c.get(Keys.EPOCHS), c.get(Keys.MINIBATCHES));
    }

    /**
     * The joint update of policy and value network ({@code optimizer joint}, CleanRL and SB3), or null when
     * the config trains them separately (then {@link #policyUpdate} and {@link #valueTrainer} do).
     */
    public static JointPpoUpdate jointUpdate(TrainConfig c, GaussianPolicy policy, Adam policyAdam, ValueNet net,
            Adam valueAdam) {
        if (c.get(Keys.OPTIMIZER) != PpoOptimizer.JOINT) {
            return null;
        }
        return new JointPpoUpdate(policy, policyAdam, net, valueAdam, new JointPpoUpdate.Settings(ppoSettings(c),
                valueSettings(c), c.on(Optimization.GRAD_CLIP) && c.get(Keys.GRAD_CLIP_SCOPE) == GradClipScope.JOINT),
                c.get(Keys.ROLLOUT_STEPS));
    }

    /** Reward scaling and clipping as the config sets them (optimizations 2 and 5, {@code reward-scale-mode}). */
    public static RewardFilter rewardFilter(TrainConfig c) {
        RewardFilter.Mode mode = switch (c.get(Keys.REWARD_SCALE_MODE)) {
            case RETURNS -> RewardFilter.Mode.RETURNS;
            case REWARDS -> RewardFilter.Mode.REWARDS;
        };
        return new RewardFilter(c.on(Optimization.REWARD_SCALE), mode, c.on(Optimization.REWARD_CLIP),
                c.get(Keys.REWARD_CLIP_MAX), c.get(Keys.GAMMA), formula(c.get(Keys.REWARD_SCALE_STATS)),
                c.get(Keys.REWARD_SCALE_RESET) == RewardScaleReset.GYMNASIUM);
    }

    /** The running statistics' formula of the observation filter ({@code obs-norm-stats}). */
    public static RunningMeanStd.Formula observationStats(TrainConfig c) {
        return formula(c.get(Keys.OBS_NORM_STATS));
    }

    /** The running statistics' formula a {@code *-stats} key names. */
    private static RunningMeanStd.Formula formula(NormStats stats) {
        return switch (stats) {
            case WELFORD -> RunningMeanStd.Formula.WELFORD;
            case RMS -> RunningMeanStd.Formula.PRIOR_COUNT;
        };
    }

    /** How a training sampler handles episodes and rollout ends. */
    public static Sampler.Settings samplerSettings(TrainConfig c) {
        return new Sampler.Settings(true, c.get(Keys.BOOTSTRAP_TRUNCATED), c.get(Keys.RESET_EVERY_ITERATION),
                switch (c.get(Keys.ROLLOUT_BOOTSTRAP)) {
                    case NEXT_STATE -> false;
                    case LAST_STATE -> true;
                }, c.get(Keys.ACTION_CLIP), !c.get(Keys.OBS_NORM_TERMINAL));
    }

    /** The value network's training (value clipping, gradient clipping in scope, the episode-end mask). */
    public static ValueTrainer valueTrainer(TrainConfig c, ValueNet net, Adam adam) {
        return new ValueTrainer(net, adam, valueSettings(c), c.get(Keys.ROLLOUT_STEPS));
    }

    private static ValueTrainer.Settings valueSettings(TrainConfig c) {
        return new ValueTrainer.Settings(c.on(Optimization.VALUE_CLIP), c.get(Keys.VALUE_CLIP_EPS), clipsValue(c),
                c.get(Keys.GRAD_CLIP_NORM), c.get(Keys.VALUE_LOSS_SKIP_ENDS), c.get(Keys.VALUE_LOSS_HALF),
                c.get(Keys.VF_COEF));
    }

    /** Whether gradient clipping acts on PPO's policy step ({@code grad-clip} on, scope both or policy). */
    public static boolean clipsPolicy(TrainConfig c) {
        return c.on(Optimization.GRAD_CLIP) && switch (c.get(Keys.GRAD_CLIP_SCOPE)) {
            case BOTH, POLICY -> true;
            case VALUE, JOINT -> false;
        };
    }

    /** Whether gradient clipping acts on the value network ({@code grad-clip} on, scope both or value). */
    public static boolean clipsValue(TrainConfig c) {
        return c.on(Optimization.GRAD_CLIP) && switch (c.get(Keys.GRAD_CLIP_SCOPE)) {
            case BOTH, VALUE -> true;
            case POLICY, JOINT -> false;
        };
    }

    /** This iteration's learning rates and delta, after {@code lr-anneal} and the delta schedule. */
    public static StepBounds bounds(TrainConfig c, int k, int iterations) {
        double anneal = c.on(Optimization.LR_ANNEAL) ? 1.0 - (double) k / iterations : 1.0;
        return new StepBounds(c.get(Keys.POLICY_LR) * anneal, c.get(Keys.VALUE_LR) * anneal,
                StepBounds.maxKl(c.get(Keys.MAX_KL), c.get(Keys.MAX_KL_FINAL), k, iterations));
    }
}
