package dev.ablate4j.tweak;

import java.util.Locale;

/**
 * The ten code-level optimizations studied by Engstrom et al. (2020). This enum is the single
 * source for each optimization's CLI flag ({@code --value-clip} / {@code --no-value-clip}), its key
 * in spec files and {@code config.json}, its column in results, and its legend in charts.
 */
public enum Optimization {
    /** @see dev.ablate4j.rl.ValueTrainer */
    VALUE_CLIP("value-clip", "value clipping",
            "clip the value update: max((V-R)^2, (V_old + clip(V-V_old, -eps_v, eps_v) - R)^2)"),
    /** @see dev.ablate4j.rl.RewardFilter */
    REWARD_SCALE("reward-scale", "reward scaling",
            "divide rewards by the running std of the discounted return (restarted each episode)"),
    /** @see dev.ablate4j.nn.Initialization */
    ORTHO_INIT("ortho-init", "orthogonal init",
            "orthogonal weights (gain sqrt 2 hidden, 0.01 policy head, 1 value head); off: Xavier-uniform"),
    /** @see dev.ablate4j.algo.Algorithms#bounds */
    LR_ANNEAL("lr-anneal", "LR annealing",
            "multiply both Adam learning rates by 1 - k/K at iteration k of K"),
    /** @see dev.ablate4j.rl.RewardFilter */
    REWARD_CLIP("reward-clip", "reward clipping",
            "clip the (scaled) reward to +-reward-clip-max"),
    /** @see dev.ablate4j.rl.ObservationFilter */
    OBS_NORM("obs-norm", "observation normalization",
            "normalize observations with running (Welford) mean and std"),
    /** @see dev.ablate4j.rl.ObservationFilter */
    OBS_CLIP("obs-clip", "observation clipping",
            "clip the (normalized) observation to +-obs-clip-max"),
    /** @see dev.ablate4j.nn.Mlp */
    TANH("tanh", "tanh activations",
            "tanh hidden activations; off: ReLU"),
    /** @see dev.ablate4j.nn.GradClip */
    GRAD_CLIP("grad-clip", "gradient clipping",
            "rescale each network's gradient to global L2 norm <= grad-clip-norm", false),
    /** @see dev.ablate4j.rl.Moments#standardize */
    ADV_NORM("adv-norm", "advantage normalization",
            "standardize advantages (per minibatch in PPO, per batch in TRPO)");

    private final String key;
    private final String legend;
    private final String description;
    private final boolean onByDefault;

    Optimization(String key, String legend, String description) {
        this(key, legend, description, true);
    }

    Optimization(String key, String legend, String description, boolean onByDefault) {
        this.key = key;
        this.legend = legend;
        this.description = description;
        this.onByDefault = onByDefault;
    }

    /**
     * Whether the switch is on unless a preset turns it off: all but gradient clipping, which the
     * paper's PPO leaves off.
     */
    public boolean onByDefault() {
        return onByDefault;
    }

    /** The flag name without dashes, also the spec-file key and results column: {@code value-clip}. */
    public String key() {
        return key;
    }

    /** Human name for legends and tables: {@code value clipping}. */
    public String legend() {
        return legend;
    }

    /** What the optimization does when on. */
    public String description() {
        return description;
    }

    /** The optimization whose key is {@code key}, or null. */
    public static Optimization byKey(String key) {
        for (Optimization o : values()) {
            if (o.key.equals(key.toLowerCase(Locale.ROOT))) {
                return o;
            }
        }
        return null;
    }
}
