package dev.ablate4j.config;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The paper's own configs as presets: {@code paper:ppo}, {@code paper:ppo-m}, {@code paper:ppo-noclip},
 * {@code paper:trpo}, {@code paper:trpo+}. Each resolves per environment to the paper's config for
 * that task ({@code Hopper-v4} to {@code hopper_*}, {@code Walker2d-v4} to {@code walker_*},
 * {@code Humanoid-v4} to {@code humanoid_*}), imported by {@link PaperConfig} from the 15 configs of
 * MadryLab/implementation-matters (commit 5ee6ecb), which ship as a resource of this package.
 *
 * <p>Without an environment (the env-independent part of a matrix cell) a paper preset stands for its
 * built-in counterpart with the paper's fixed behaviours; the per-task values arrive with the
 * environment, as env-conditioned overrides do.
 */
public enum PaperPreset {
    PPO("paper:ppo", "ppo", Preset.PPO),
    PPO_M("paper:ppo-m", "ppom", Preset.PPO_M),
    PPO_NOCLIP("paper:ppo-noclip", "ppo_noclip", Preset.PPO_NOCLIP),
    TRPO("paper:trpo", "trpo", Preset.TRPO),
    TRPO_PLUS("paper:trpo+", "trpo_plus", Preset.TRPO_PLUS);

    /** The resource holding the paper's configs (a copy of shared/reference/implementation-matters-configs.json). */
    static final String RESOURCE = "implementation-matters-configs.json";

    /** The environments with a paper config, and the prefix of their config names. */
    private static final Map<String, String> ENVS = Map.of("Hopper-v4", "hopper", "Walker2d-v4", "walker",
            "Humanoid-v4", "humanoid");
    private static final List<String> ENV_ORDER = List.of("Hopper-v4", "Walker2d-v4", "Humanoid-v4");

    private final String id;
    private final String suffix;
    private final Preset counterpart;

    PaperPreset(String id, String suffix, Preset counterpart) {
        this.id = id;
        this.suffix = suffix;
        this.counterpart = counterpart;
    }

    public String id() {
        return id;
    }

    /** The name of the paper's config for {@code env}, e.g. {@code walker_trpo_plus}. */
    public String configName(String env) {
        String prefix = ENVS.get(env);
        if (prefix == null) {
            throw new ConfigException("preset " + id + ": the paper has no config for " + env
                    + "; it has configs for " + String.join(", ", ENV_ORDER));
        }
        return prefix + "_" + suffix;
    }

    /**
     * The full settings of this preset on {@code env}: the paper's config for it, imported; with
     * {@code env} null, the counterpart's settings with the paper's fixed behaviours.
     */
    public Map<String, Object> settings(String env) {
        Map<String, Object> v = new LinkedHashMap<>(counterpart.settings());
        if (env == null) {
            v.putAll(PaperConfig.fixedBehaviours());
            return v;
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> config = (Map<String, Object>) ((Map<String, Object>) configs().get(configName(env)))
                .get("config");
        v.putAll(PaperConfig.toValues(config, base(), "preset " + id + " (" + configName(env) + "): "));
        return v;
    }

    /** The paper preset called {@code id}, or null if {@code id} names none. */
    public static PaperPreset byId(String id) {
        for (PaperPreset p : values()) {
            if (p.id.equalsIgnoreCase(id)) {
                return p;
            }
        }
        return null;
    }

    public static List<String> ids() {
        List<String> ids = new ArrayList<>();
        for (PaperPreset p : values()) {
            ids.add(p.id);
        }
        return ids;
    }

    /** The environments that have a paper config. */
    public static List<String> envs() {
        return ENV_ORDER;
    }

    /** The paper's {@code src/MuJoCo.json}: the values its scripts start from. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> base() {
        return (Map<String, Object>) Reference.DATA.get("base");
    }

    /** The paper's 15 configs by name ({@code hopper_ppo}, ...), each with its {@code config} map. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> configs() {
        return (Map<String, Object>) Reference.DATA.get("configs");
    }

    /** Loaded on first use. */
    private static final class Reference {
        static final Map<String, Object> DATA = load();

        @SuppressWarnings("unchecked")
        private static Map<String, Object> load() {
            try (InputStream in = PaperPreset.class.getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("resource " + RESOURCE + " missing from the jar");
                }
                return new ObjectMapper().readValue(in, Map.class);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
