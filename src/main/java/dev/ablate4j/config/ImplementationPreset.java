package dev.ablate4j.config;

import dev.ablate4j.tweak.Optimization;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Other implementations' PPO as presets: {@code cleanrl:ppo} (CleanRL's
 * {@code cleanrl/ppo_continuous_action.py} at fe8d8a03 with its defaults) and {@code sb3:ppo}
 * (Stable-Baselines3's PPO defaults at e05d2dbe, with {@code VecNormalize} as RL-Zoo's
 * {@code mujoco-defaults} entry, {@code normalize: true}, wraps MuJoCo tasks). Each is the {@code ppo}
 * preset with the values the implementation differs in; every difference is a key of its own, so any
 * one can be swapped back (docs/implementation-presets.md lists them with their sources). They run on
 * every environment; what none of them can honour is refused by {@link ImplementationChecks}.
 *
 * <p>Both compute in float32 ({@code precision float32}), as PyTorch does in their code; the
 * normalizers' statistics stay in double, as numpy keeps them.
 */
public enum ImplementationPreset {
    CLEANRL_PPO("cleanrl:ppo", "CleanRL's ppo_continuous_action.py defaults (fe8d8a03)", cleanrl()),
    SB3_PPO("sb3:ppo", "Stable-Baselines3 PPO defaults with VecNormalize as RL-Zoo runs MuJoCo (e05d2dbe)", sb3());

    private final String id;
    private final String description;
    private final KeyValues changes;

    ImplementationPreset(String id, String description, KeyValues changes) {
        this.id = id;
        this.description = description;
        this.changes = changes;
    }

    /** What both implementations share against the {@code ppo} preset. */
    private static KeyValues common() {
        return new KeyValues()
                .set(Keys.toggle(Optimization.GRAD_CLIP), true) // clip_grad_norm_ over all parameters, max 0.5
                .set(Keys.GRAD_CLIP_NORM, 0.5)
                .set(Keys.GRAD_CLIP_SCOPE, GradClipScope.JOINT)
                .set(Keys.POLICY_LR, 3e-4) // one Adam, lr 3e-4, eps 1e-5
                .set(Keys.VALUE_LR, 3e-4)
                .set(Keys.ADAM_EPS, 1e-5)
                .set(Keys.OPTIMIZER, PpoOptimizer.JOINT)
                .set(Keys.VF_COEF, 0.5)
                .set(Keys.ACTION_CLIP, true)
                .set(Keys.PRECISION, PrecisionName.FLOAT32) // PyTorch's float32 networks, optimizer and buffers
                .set(Keys.OBS_NORM_STATS, NormStats.RMS)
                .set(Keys.REWARD_SCALE_STATS, NormStats.RMS);
    }

    private static KeyValues cleanrl() {
        return common()
                .set(Keys.STEPS_ROUNDING, StepsRounding.DOWN) // total_timesteps 1e6 // 2048 = 488 iterations
                .set(Keys.VALUE_LOSS_HALF, true) // v_loss = 0.5 * max(...).mean(), clip_vloss on
                .set(Keys.REWARD_SCALE_RESET, RewardScaleReset.GYMNASIUM); // Gymnasium NormalizeReward
    }

    private static KeyValues sb3() {
        return common()
                .set(Keys.toggle(Optimization.VALUE_CLIP), false) // clip_range_vf None
                .set(Keys.toggle(Optimization.LR_ANNEAL), false) // constant learning_rate
                .set(Keys.BOOTSTRAP_TRUNCATED, true) // rewards += gamma * V(terminal_observation)
                .set(Keys.OBS_NORM_TERMINAL, false); // VecNormalize never counts the terminal observation
    }

    public String id() {
        return id;
    }

    public String description() {
        return description;
    }

    /** The values this preset changes from the {@code ppo} preset, typed (a copy). */
    public KeyValues changes() {
        return new KeyValues().setAll(changes);
    }

    /** The full resolved values, in {@link Keys#all()} order. */
    public Map<String, Object> settings() {
        Map<String, Object> v = Preset.PPO.settings();
        v.putAll(changes.byName());
        return v;
    }

    /** The implementation preset called {@code id} (any case), or null. */
    public static ImplementationPreset byId(String id) {
        for (ImplementationPreset p : values()) {
            if (p.id.equalsIgnoreCase(id)) {
                return p;
            }
        }
        return null;
    }

    public static List<String> ids() {
        List<String> ids = new ArrayList<>();
        for (ImplementationPreset p : values()) {
            ids.add(p.id);
        }
        return ids;
    }
}
