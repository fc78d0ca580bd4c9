package dev.ablate4j.config;

import dev.ablate4j.env.EnvVariant;
import dev.ablate4j.env.Envs;
import dev.ablate4j.tweak.Optimization;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The fully resolved configuration of one training run: a preset plus overrides, every key of
 * {@link Keys#all()} present and valid. Immutable; {@link #values()} is what {@code config.json} holds.
 */
public final class TrainConfig {

    /** Key recording which preset the run started from (not an option of its own). */
    public static final String PRESET_KEY = "preset";

    /** The preset recorded for a config imported with {@code train --paper-config}: every value is explicit. */
    public static final String PAPER_CONFIG = "paper-config";

    /** The environment of a config that names none. */
    public static final String DEFAULT_ENV = "Pendulum-v1";

    private final String preset;
    private final Map<String, Object> values;

    private TrainConfig(String preset, Map<String, Object> values) {
        this.preset = preset;
        this.values = Collections.unmodifiableMap(values);
    }

    /** The preset's values with {@code overrides} (raw values keyed by key name) applied and checked. */
    public static TrainConfig resolve(Preset preset, Map<String, ?> overrides) {
        return resolve(preset.id(), overrides, "");
    }

    /** As {@link #resolve(String, Map, String)} for a built-in preset. */
    public static TrainConfig resolve(Preset preset, Map<String, ?> overrides, String where) {
        return resolve(preset.id(), overrides, where);
    }

    /**
     * The preset's values on the run's environment ({@code env} in {@code overrides}, else the
     * default), with {@code overrides} applied and checked. {@code where} prefixes error messages
     * (e.g. a file name); a {@code preset} entry in {@code overrides} is not allowed (choose the
     * preset first). A paper preset on an environment without a paper config is a
     * {@link ConfigException} naming the environments that have one.
     */
    public static TrainConfig resolve(String preset, Map<String, ?> overrides, String where) {
        Object env = overrides.get(Keys.ENV.name());
        return resolve(preset, env == null ? DEFAULT_ENV : env.toString(), overrides, where);
    }

    /**
     * As {@link #resolve(String, Map, String)}, with the preset's values taken for {@code presetEnv};
     * null takes its environment-independent values (a matrix cell's part shared by all its
     * environments; only paper presets differ by environment).
     */
    public static TrainConfig resolve(String preset, String presetEnv, Map<String, ?> overrides, String where) {
        Map<String, Object> v;
        try {
            v = new LinkedHashMap<>(presetSettings(preset, presetEnv));
            for (Key<?> key : Keys.all()) {
                if (!overrides.containsKey(key.name())) {
                    v.put(key.name(), key.parse(v.get(key.name()))); // the preset's own values pass the validators too
                }
            }
        } catch (ConfigException e) {
            throw new ConfigException(where + e.getMessage());
        }
        for (Map.Entry<String, ?> e : overrides.entrySet()) {
            Key<?> key = Keys.require(e.getKey(), where);
            try {
                v.put(key.name(), key.parse(e.getValue()));
            } catch (ConfigException ex) {
                throw new ConfigException(where + ex.getMessage());
            }
        }
        if (!Envs.usesMujoco(String.valueOf(v.get(Keys.ENV.name())))) {
            v.put(Keys.MUJOCO.name(), Keys.MUJOCO.legacyValue()); // not used without MuJoCo
        }
        if (presetEnv != null || overrides.containsKey(Keys.ENV.name())) {
            checkEnvironmentVariant(v, where); // a matrix cell's shared part knows no environment yet
        }
        TrainConfig config = new TrainConfig(canonicalId(preset), v);
        config.check(where);
        return config;
    }

    /** The values preset {@code id} starts from on {@code env} (null: its environment-independent values). */
    public static Map<String, Object> presetSettings(String id, String env) {
        if (id.equals(PAPER_CONFIG)) {
            return Preset.PPO.settings();
        }
        PaperPreset paper = PaperPreset.byId(id);
        if (paper != null) {
            return paper.settings(env);
        }
        ImplementationPreset implementation = ImplementationPreset.byId(id);
        return implementation != null ? implementation.settings() : Preset.byId(canonicalId(id)).settings();
    }

    /** Every preset id: the built-in ones, the paper's, then other implementations'. */
    public static List<String> presetIds() {
        List<String> ids = new ArrayList<>();
        for (Preset p : Preset.values()) {
            ids.add(p.id());
        }
        ids.addAll(PaperPreset.ids());
        ids.addAll(ImplementationPreset.ids());
        return ids;
    }

    /** The id {@code id} names in its canonical spelling, or a {@link ConfigException} listing the presets. */
    public static String canonicalId(String id) {
        if (id.equals(PAPER_CONFIG)) {
            return id;
        }
        PaperPreset paper = PaperPreset.byId(id);
        if (paper != null) {
            return paper.id();
        }
        ImplementationPreset implementation = ImplementationPreset.byId(id);
        if (implementation != null) {
            return implementation.id();
        }
        try {
            return Preset.byId(id).id();
        } catch (ConfigException e) {
            throw new ConfigException("preset: unknown preset '" + id + "'" + Suggest.nearest(id, presetIds())
                    + "; allowed: " + String.join(", ", presetIds()));
        }
    }

    /**
     * A config imported from a paper config file ({@code train --paper-config}): {@link PaperConfig}'s
     * values over the defaults, then {@code overrides}. Its preset is recorded as {@value #PAPER_CONFIG}.
     */
    public static TrainConfig fromPaperConfig(Map<String, ?> paperConfig, Map<String, ?> overrides, String where) {
        Map<String, Object> values = new LinkedHashMap<>(PaperConfig.toValues(paperConfig, PaperPreset.base(), where));
        values.putAll(overrides);
        try {
            return resolve(PAPER_CONFIG, values, where);
        } catch (ConfigException e) {
            throw PaperConfig.inPaperTerms(e, where, overrides.keySet());
        }
    }

    /** Rebuilds a config from a {@code config.json} map (the inverse of {@link #toJson()}). */
    public static TrainConfig fromJson(Map<String, ?> json, String where) {
        Object presetId = json.get(PRESET_KEY);
        Map<String, Object> overrides = new LinkedHashMap<>(json);
        overrides.remove(PRESET_KEY);
        for (Key<?> key : omittedWhenLegacy()) {
            // toJson leaves these out only at their legacy value, so a file without one had that value,
            // whatever the preset's own default (cleanrl:ppo computes in float32, its float64 cells omit the key)
            overrides.putIfAbsent(key.name(), key.legacyValue());
        }
        return resolve(presetId == null ? Preset.PPO.id() : presetId.toString(), overrides, where);
    }

    /** The keys {@link #toJson} may leave out, each only when it holds its legacy value. */
    private static List<Key<?>> omittedWhenLegacy() {
        List<Key<?>> keys = new ArrayList<>();
        keys.add(Keys.PRECISION);
        keys.addAll(Keys.environmentVariantKeys());
        keys.addAll(Keys.implementationKeys());
        return keys;
    }

    /**
     * Whether {@code json} (a {@code config.json}, possibly written before some keys existed) describes
     * this config: it resolves to equal values. A key missing from an older file reads as its
     * {@link Key#legacyValue()}, which is the behaviour that run had.
     */
    public boolean matches(Map<String, ?> json) {
        try {
            return fromJson(json, "").equals(this);
        } catch (ConfigException e) {
            return false;
        }
    }

    /** Refuses an environment variant (contact-forces, contact-cost) on an environment that has none. */
    private static void checkEnvironmentVariant(Map<String, Object> v, String where) {
        String env = String.valueOf(v.get(Keys.ENV.name()));
        if (Envs.hasVariants(env)) {
            return;
        }
        for (Key<?> key : Keys.environmentVariantKeys()) {
            Object value = v.get(key.name());
            if (!key.isLegacyValue(value)) {
                throw new ConfigException(where + key.name() + ": " + jsonValue(value) + " applies to Humanoid-v4 only,"
                        + " not to " + env + " (allowed there: " + key.legacyValue() + ")");
            }
        }
    }

    /** The environment variant this config asks for ({@link EnvVariant#V4} unless a Humanoid key says otherwise). */
    public EnvVariant envVariant() {
        return new EnvVariant(get(Keys.CONTACT_FORCES) == ContactForces.ZEROED, get(Keys.CONTACT_COST));
    }

    private void check(String where) {
        try {
            Envs.spec(get(Keys.ENV));
        } catch (IllegalArgumentException e) {
            throw new ConfigException(where + "env: " + e.getMessage());
        }
        try {
            dev.ablate4j.nn.Backends.byId(get(Keys.BACKEND).word());
        } catch (IllegalArgumentException e) {
            throw new ConfigException(where + e.getMessage());
        }
        if (get(Keys.PRECISION) != PrecisionName.FLOAT64 && get(Keys.BACKEND) != BackendName.JAVA) {
            throw new ConfigException(where + "precision: " + get(Keys.PRECISION) + " runs on backend java only,"
                    + " not " + get(Keys.BACKEND));
        }
        int t = get(Keys.ROLLOUT_STEPS);
        int mb = get(Keys.MINIBATCHES);
        if (t % mb != 0) {
            throw new ConfigException(where + "minibatches: " + mb + " does not divide rollout-steps " + t);
        }
        if (get(Keys.STEPS) < t) {
            throw new ConfigException(where + "steps: " + get(Keys.STEPS)
                    + " is less than one iteration (rollout-steps " + t + ")");
        }
        Limits.check(this, where);
        ImplementationChecks.check(this, where);
    }

    /** Whether the run's environment is a MuJoCo task (then {@link Keys#MUJOCO} names its MuJoCo version). */
    public boolean usesMujoco() {
        return Envs.usesMujoco(get(Keys.ENV));
    }

    /** The value of {@code key}. */
    @SuppressWarnings("unchecked")
    public <T> T get(Key<T> key) {
        return (T) values.get(key.name());
    }

    public boolean on(Optimization o) {
        return get(Keys.toggle(o));
    }

    /** The optimizations switched on. */
    public Set<Optimization> optimizations() {
        EnumSet<Optimization> on = EnumSet.noneOf(Optimization.class);
        for (Optimization o : Optimization.values()) {
            if (on(o)) {
                on.add(o);
            }
        }
        return Collections.unmodifiableSet(on);
    }

    public String preset() {
        return preset;
    }

    /** A copy with {@code key} set to {@code value}, of the key's own type (checked as {@link #resolve} checks). */
    public <T> TrainConfig with(Key<T> key, T value) {
        return withRaw(key, value);
    }

    /**
     * A copy with one key changed (checked): {@code value} raw, as a flag or a file gives it, or typed;
     * for code that holds a key of unknown type ({@code Key<?>}).
     */
    public TrainConfig withRaw(Key<?> key, Object value) {
        Map<String, Object> overrides = new LinkedHashMap<>(values);
        overrides.put(key.name(), value);
        return resolve(preset, overrides, "");
    }

    /**
     * Null when {@code steps} is a whole number of iterations; else the one-line notice {@code train}
     * and {@code matrix} print: training runs whole iterations, so it rounds (up, or down with
     * {@code steps-rounding down}). The config (and so a
     * run's id and config.json) keeps the steps as given; the run's files show the steps trained.
     */
    public String stepsRoundingNote() {
        long steps = get(Keys.STEPS);
        long t = get(Keys.ROLLOUT_STEPS);
        if (steps % t == 0) {
            return null;
        }
        return String.format("note: steps %d is not a whole number of iterations of rollout-steps %d: training %d"
                + " iterations = %d env steps (config.json keeps steps %d)", steps, t, iterations(),
                (long) iterations() * t, steps);
    }

    /** Number of training iterations: ceil(steps / rollout-steps), or floor with {@code steps-rounding down}. */
    public int iterations() {
        long t = get(Keys.ROLLOUT_STEPS);
        if (get(Keys.STEPS_ROUNDING) == StepsRounding.DOWN) {
            return Math.toIntExact(get(Keys.STEPS) / t); // steps >= t is checked: at least one
        }
        return Math.toIntExact((get(Keys.STEPS) + t - 1) / t);
    }

    public int[] hidden() {
        List<Integer> h = get(Keys.HIDDEN);
        return h.stream().mapToInt(Integer::intValue).toArray();
    }

    /**
     * Every key's value in canonical order, as written to {@code config.json} (preset first); the
     * {@code mujoco} key only for a MuJoCo task, the environment-variant keys only for Humanoid-v4 (or
     * where they are set: a matrix cell's environment-independent part), {@code precision} only when
     * it is not float64, and the implementation keys only where they differ from their legacy value or
     * the preset is an implementation preset, so other configs are as they always were.
     */
    public Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put(PRESET_KEY, preset);
        boolean mujoco = usesMujoco();
        for (Key<?> key : Keys.all()) {
            if (key == Keys.MUJOCO && !mujoco) {
                continue;
            }
            if (key == Keys.PRECISION && key.isLegacyValue(values.get(key.name()))) {
                continue; // float64, as every run before the key
            }
            if (Keys.environmentVariantKeys().contains(key) && !Envs.hasVariants(get(Keys.ENV))
                    && key.isLegacyValue(values.get(key.name()))) {
                continue;
            }
            if (Keys.implementationKeys().contains(key) && key.isLegacyValue(values.get(key.name()))
                    && ImplementationPreset.byId(preset) == null) {
                continue; // what every run had before the key existed; an implementation preset writes all
            }
            Object value = values.get(key.name());
            json.put(key.name(), jsonValue(value));
        }
        return json;
    }

    /**
     * A value as {@code config.json} writes it: infinity as "inf", a number key's "no value" as "none",
     * an enum key's value as its word.
     */
    public static Object jsonValue(Object value) {
        if (value instanceof Choice c) {
            return c.word();
        }
        if (value instanceof Double d && d.isInfinite()) {
            return d > 0 ? "inf" : "-inf";
        }
        if (value instanceof Double d && d.isNaN()) {
            return Key.NONE;
        }
        return value;
    }

    /** The values without the preset entry, in canonical order. */
    public Map<String, Object> values() {
        return values;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof TrainConfig c && c.preset.equals(preset) && c.values.equals(values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    @Override
    public String toString() {
        return toJson().toString();
    }
}
