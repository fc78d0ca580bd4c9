package dev.ablate4j.config;

import dev.ablate4j.tweak.Optimization;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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
    private final Map<String, Object> changes;

    ImplementationPreset(String id, String description, Map<String, Object> changes) {
        this.id = id;
        this.description = description;
        this.changes = changes;
    }

    /** What both implementations share against the {@code ppo} preset. */
    private static Map<String, Object> common() {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put(Optimization.GRAD_CLIP.key(), true); // clip_grad_norm_ over all parameters, max 0.5
        v.put(Keys.GRAD_CLIP_NORM.name(), 0.5);
        v.put(Keys.GRAD_CLIP_SCOPE.name(), GradClipScope.JOINT);
        v.put(Keys.POLICY_LR.name(), 3e-4); // one Adam, lr 3e-4, eps 1e-5
        v.put(Keys.VALUE_LR.name(), 3e-4);
        v.put(Keys.ADAM_EPS.name(), 1e-5);
        v.put(Keys.OPTIMIZER.name(), "joint");
        v.put(Keys.VF_COEF.name(), 0.5);
        v.put(Keys.ACTION_CLIP.name(), true);
        v.put(Keys.PRECISION.name(), PrecisionName.FLOAT32); // PyTorch's float32 networks, optimizer and buffers
        v.put(Keys.OBS_NORM_STATS.name(), "rms");
        v.put(Keys.REWARD_SCALE_STATS.name(), "rms");
        return v;
    }

    private static Map<String, Object> cleanrl() {
        Map<String, Object> v = common();
        v.put(Keys.STEPS_ROUNDING.name(), "down"); // total_timesteps 1e6 // 2048 = 488 iterations
        v.put(Keys.VALUE_LOSS_HALF.name(), true); // v_loss = 0.5 * max(...).mean(), clip_vloss on
        v.put(Keys.REWARD_SCALE_RESET.name(), "gymnasium"); // Gymnasium NormalizeReward
        return v;
    }

    private static Map<String, Object> sb3() {
        Map<String, Object> v = common();
        v.put(Optimization.VALUE_CLIP.key(), false); // clip_range_vf None
        v.put(Optimization.LR_ANNEAL.key(), false); // constant learning_rate
        v.put(Keys.BOOTSTRAP_TRUNCATED.name(), true); // rewards += gamma * V(terminal_observation)
        v.put(Keys.OBS_NORM_TERMINAL.name(), false); // VecNormalize never counts the terminal observation
        return v;
    }

    public String id() {
        return id;
    }

    public String description() {
        return description;
    }

    /** The values this preset changes from the {@code ppo} preset. */
    public Map<String, Object> changes() {
        return changes;
    }

    /** The full resolved values, in {@link Keys#all()} order. */
    public Map<String, Object> settings() {
        Map<String, Object> v = Preset.PPO.settings();
        v.putAll(changes);
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
