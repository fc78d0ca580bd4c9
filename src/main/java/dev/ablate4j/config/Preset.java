package dev.ablate4j.config;

import dev.ablate4j.tweak.Optimization;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The paper's named configurations (the README's "The optimizations" section), as data: the values each changes from the
 * keys' defaults ({@link Keys#defaults()}: the paper's MuJoCo settings, every optimization on but
 * gradient clipping). Any key can be overridden afterwards. The paper's own per-environment configs
 * are the {@link PaperPreset}s.
 */
public enum Preset {
    PPO("ppo", "PPO with all the paper's code-level optimizations (gradient clipping off)", new KeyValues()),
    PPO_M("ppo-m", "minimal PPO: only observation normalization, tanh and advantage normalization",
            minimal(Algorithm.PPO)),
    PPO_NOCLIP("ppo-noclip", "PPO preset without ratio clipping (clip-eps inf)",
            new KeyValues().set(Keys.CLIP_EPS, Double.POSITIVE_INFINITY)),
    TRPO("trpo", "TRPO with only observation normalization, tanh and advantage normalization",
            minimal(Algorithm.TRPO)),
    TRPO_PLUS("trpo+", "TRPO with PPO's code-level optimizations", new KeyValues().set(Keys.ALGO, Algorithm.TRPO));

    private final String id;
    private final String description;
    private final KeyValues changes;

    Preset(String id, String description, KeyValues changes) {
        this.id = id;
        this.description = description;
        this.changes = changes;
    }

    /** {@code algo} and every optimization off except observation normalization, tanh and advantage normalization. */
    private static KeyValues minimal(Algorithm algo) {
        KeyValues v = new KeyValues().set(Keys.ALGO, algo);
        for (Optimization o : new Optimization[] {Optimization.VALUE_CLIP, Optimization.REWARD_SCALE,
            Optimization.ORTHO_INIT, Optimization.LR_ANNEAL, Optimization.REWARD_CLIP, Optimization.OBS_CLIP}) {
            v.set(Keys.toggle(o), false);
        }
        return v;
    }

    public String id() {
        return id;
    }

    public String description() {
        return description;
    }

    /** The values this preset changes from the keys' defaults, typed (a copy). */
    public KeyValues changes() {
        return new KeyValues().setAll(changes);
    }

    /** The full resolved values of this preset, in {@link Keys#all()} order. */
    public Map<String, Object> settings() {
        Map<String, Object> v = Keys.defaults();
        v.putAll(changes.byName());
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
        return Arrays.stream(values()).map(Preset::id).collect(Collectors.joining(", "));
    }
}
