package dev.ablate4j.config;

import dev.ablate4j.tweak.Optimization;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The paper's named configurations (DESIGN.md section 1). Each is the full set of defaults (the
 * paper's MuJoCo settings) plus its own choices; any key can be overridden afterwards.
 */
public enum Preset {
    PPO("ppo", "PPO with all the paper's code-level optimizations (gradient clipping off)", "ppo", false, false),
    PPO_M("ppo-m", "minimal PPO: only observation normalization, tanh and advantage normalization", "ppo", true, false),
    PPO_NOCLIP("ppo-noclip", "PPO preset without ratio clipping (clip-eps inf)", "ppo", false, true),
    TRPO("trpo", "TRPO with only observation normalization, tanh and advantage normalization", "trpo", true, false),
    TRPO_PLUS("trpo+", "TRPO with PPO's code-level optimizations", "trpo", false, false);

    /** Optimizations that stay on in the minimal presets (ppo-m, trpo). */
    private static final Set<Optimization> MINIMAL =
            EnumSet.of(Optimization.OBS_NORM, Optimization.TANH, Optimization.ADV_NORM);

    private final String id;
    private final String description;
    private final String algo;
    private final boolean minimal;
    private final boolean noRatioClip;

    Preset(String id, String description, String algo, boolean minimal, boolean noRatioClip) {
        this.id = id;
        this.description = description;
        this.algo = algo;
        this.minimal = minimal;
        this.noRatioClip = noRatioClip;
    }

    public String id() {
        return id;
    }

    public String description() {
        return description;
    }

    /** Whether {@code o} is on in this preset. */
    public boolean enables(Optimization o) {
        if (minimal) {
            return MINIMAL.contains(o);
        }
        return o != Optimization.GRAD_CLIP;
    }

    /** The full resolved values of this preset, in {@link Keys#all()} order. */
    public Map<String, Object> settings() {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put(Keys.ALGO.name(), algo);
        v.put(Keys.ENV.name(), TrainConfig.DEFAULT_ENV);
        v.put(Keys.STEPS.name(), 1_000_000L);
        v.put(Keys.SEED.name(), 0L);
        for (Optimization o : Optimization.values()) {
            v.put(o.key(), enables(o));
        }
        v.put(Keys.CLIP_EPS.name(), noRatioClip ? Double.POSITIVE_INFINITY : 0.2);
        v.put(Keys.VALUE_CLIP_EPS.name(), 0.2);
        v.put(Keys.REWARD_CLIP_MAX.name(), 10.0);
        v.put(Keys.OBS_CLIP_MAX.name(), 10.0);
        v.put(Keys.GRAD_CLIP_NORM.name(), 0.5);
        v.put(Keys.POLICY_LR.name(), 3e-4);
        v.put(Keys.VALUE_LR.name(), 1.5e-4);
        v.put(Keys.ADAM_EPS.name(), 1e-5);
        v.put(Keys.GAMMA.name(), 0.99);
        v.put(Keys.GAE_LAMBDA.name(), 0.95);
        v.put(Keys.ROLLOUT_STEPS.name(), 2048);
        v.put(Keys.EPOCHS.name(), 10);
        v.put(Keys.MINIBATCHES.name(), 32);
        v.put(Keys.ENTROPY_COEF.name(), 0.0);
        v.put(Keys.HIDDEN.name(), List.of(64, 64));
        v.put(Keys.BACKEND.name(), "java");
        v.put(Keys.BOOTSTRAP_TRUNCATED.name(), false);
        v.put(Keys.MAX_KL.name(), 0.01);
        v.put(Keys.CG_ITERS.name(), 10);
        v.put(Keys.CG_DAMPING.name(), 0.1);
        v.put(Keys.FISHER_FRAC.name(), 0.1);
        v.put(Keys.MAX_BACKTRACKS.name(), 10);
        for (Key<?> key : Keys.all()) {
            if (key.legacyValue() != null) {
                v.put(key.name(), key.legacyValue());
            }
        }
        v.put(Keys.TR_LOG_EVERY.name(), 10);
        return v;
    }

    /** The preset called {@code id}, or a {@link ConfigException} listing the presets. */
    public static Preset byId(String id) {
        for (Preset p : values()) {
            if (p.id.equals(id.toLowerCase(Locale.ROOT))) {
                return p;
            }
        }
        throw new ConfigException("preset: unknown preset '" + id + "'; allowed: " + ids());
    }

    public static String ids() {
        return java.util.Arrays.stream(values()).map(Preset::id).collect(Collectors.joining(", "));
    }
}
