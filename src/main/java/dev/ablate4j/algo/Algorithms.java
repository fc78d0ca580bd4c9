package dev.ablate4j.algo;

import dev.ablate4j.algo.ppo.PpoUpdate;
import dev.ablate4j.algo.trpo.TrpoUpdate;
import dev.ablate4j.config.Keys;
import dev.ablate4j.config.TrainConfig;
import dev.ablate4j.nn.Adam;
import dev.ablate4j.nn.GaussianPolicy;
import dev.ablate4j.nn.ValueNet;
import dev.ablate4j.rl.RewardFilter;
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
        switch (c.get(Keys.ALGO)) {
            case "ppo":
                return new PpoUpdate(policy, policyAdam, new PpoUpdate.Settings(c.get(Keys.CLIP_EPS),
                        c.on(Optimization.ADV_NORM), clipsPolicy(c), c.get(Keys.GRAD_CLIP_NORM),
                        c.get(Keys.ENTROPY_COEF), c.get(Keys.EPOCHS), c.get(Keys.MINIBATCHES)), batch);
            case "trpo":
                return new TrpoUpdate(policy, new TrpoUpdate.Settings(c.get(Keys.CG_ITERS), c.get(Keys.CG_DAMPING),
                        c.get(Keys.FISHER_FRAC), c.get(Keys.MAX_BACKTRACKS), c.get(Keys.LINE_SEARCH_ACCEPT),
                        c.on(Optimization.ADV_NORM)), batch);
            default:
                throw new IllegalArgumentException("algo: unknown algorithm '" + c.get(Keys.ALGO) + "'");
        }
    }

    /** Reward scaling and clipping as the config sets them (optimizations 2 and 5, {@code reward-scale-mode}). */
    public static RewardFilter rewardFilter(TrainConfig c) {
        return new RewardFilter(c.on(Optimization.REWARD_SCALE), RewardFilter.Mode.byId(c.get(Keys.REWARD_SCALE_MODE)),
                c.on(Optimization.REWARD_CLIP), c.get(Keys.REWARD_CLIP_MAX), c.get(Keys.GAMMA));
    }

    /** How a training sampler handles episodes and rollout ends. */
    public static Sampler.Settings samplerSettings(TrainConfig c) {
        return new Sampler.Settings(true, c.get(Keys.BOOTSTRAP_TRUNCATED), c.get(Keys.RESET_EVERY_ITERATION),
                c.get(Keys.ROLLOUT_BOOTSTRAP).equals("last-state"));
    }

    /** The value network's training (value clipping, gradient clipping in scope, the episode-end mask). */
    public static ValueTrainer valueTrainer(TrainConfig c, ValueNet net, Adam adam) {
        return new ValueTrainer(net, adam, new ValueTrainer.Settings(c.on(Optimization.VALUE_CLIP),
                c.get(Keys.VALUE_CLIP_EPS), clipsValue(c), c.get(Keys.GRAD_CLIP_NORM), c.get(Keys.VALUE_LOSS_SKIP_ENDS)),
                c.get(Keys.ROLLOUT_STEPS));
    }

    /** Whether gradient clipping acts on PPO's policy step ({@code grad-clip} on, scope both or policy). */
    public static boolean clipsPolicy(TrainConfig c) {
        return c.on(Optimization.GRAD_CLIP) && !c.get(Keys.GRAD_CLIP_SCOPE).equals("value");
    }

    /** Whether gradient clipping acts on the value network ({@code grad-clip} on, scope both or value). */
    public static boolean clipsValue(TrainConfig c) {
        return c.on(Optimization.GRAD_CLIP) && !c.get(Keys.GRAD_CLIP_SCOPE).equals("policy");
    }

    /** This iteration's learning rates and delta, after {@code lr-anneal} and the delta schedule. */
    public static StepBounds bounds(TrainConfig c, int k, int iterations) {
        double anneal = c.on(Optimization.LR_ANNEAL) ? 1.0 - (double) k / iterations : 1.0;
        return new StepBounds(c.get(Keys.POLICY_LR) * anneal, c.get(Keys.VALUE_LR) * anneal,
                StepBounds.maxKl(c.get(Keys.MAX_KL), c.get(Keys.MAX_KL_FINAL), k, iterations));
    }
}
