package dev.ablate4j.config;

import dev.ablate4j.env.Envs;
import dev.ablate4j.tweak.Optimization;
import dev.ablate4j.tweak.OptimizationSet;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The fully resolved configuration of one training run: a preset plus overrides, every key of
 * {@link Keys#all()} present and valid. Immutable; {@link #values()} is what {@code config.json} holds.
 */
public final class TrainConfig {

    /** Key recording which preset the run started from (not an option of its own). */
    public static final String PRESET_KEY = "preset";

    private final String preset;
    private final Map<String, Object> values;

    private TrainConfig(String preset, Map<String, Object> values) {
        this.preset = preset;
        this.values = Collections.unmodifiableMap(values);
    }

    /** The preset's values with {@code overrides} (raw values keyed by key name) applied and checked. */
    public static TrainConfig resolve(Preset preset, Map<String, ?> overrides) {
        return resolve(preset, overrides, "");
    }

    /**
     * As {@link #resolve(Preset, Map)}; {@code where} prefixes error messages (e.g. a file name),
     * and a {@code preset} entry in {@code overrides} is not allowed (choose the preset first).
     */
    public static TrainConfig resolve(Preset preset, Map<String, ?> overrides, String where) {
        Map<String, Object> v = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : preset.settings().entrySet()) {
            v.put(e.getKey(), e.getValue());
        }
        for (Map.Entry<String, ?> e : overrides.entrySet()) {
            Key<?> key = Keys.require(e.getKey(), where);
            try {
                v.put(key.name(), key.parse(e.getValue()));
            } catch (ConfigException ex) {
                throw new ConfigException(where + ex.getMessage());
            }
        }
        TrainConfig config = new TrainConfig(preset.id(), v);
        config.check(where);
        return config;
    }

    /** Rebuilds a config from a {@code config.json} map (the inverse of {@link #toJson()}). */
    public static TrainConfig fromJson(Map<String, ?> json, String where) {
        Object presetId = json.get(PRESET_KEY);
        Preset preset = Preset.byId(presetId == null ? "ppo" : presetId.toString());
        Map<String, Object> overrides = new LinkedHashMap<>(json);
        overrides.remove(PRESET_KEY);
        return resolve(preset, overrides, where);
    }

    private void check(String where) {
        try {
            Envs.spec(get(Keys.ENV));
        } catch (IllegalArgumentException e) {
            throw new ConfigException(where + "env: " + e.getMessage());
        }
        try {
            dev.ablate4j.nn.Backends.byId(get(Keys.BACKEND));
        } catch (IllegalArgumentException e) {
            throw new ConfigException(where + e.getMessage());
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
    }

    /** The value of {@code key}. */
    @SuppressWarnings("unchecked")
    public <T> T get(Key<T> key) {
        return (T) values.get(key.name());
    }

    public boolean on(Optimization o) {
        return get(Keys.toggle(o));
    }

    public OptimizationSet optimizations() {
        EnumSet<Optimization> on = EnumSet.noneOf(Optimization.class);
        for (Optimization o : Optimization.values()) {
            if (on(o)) {
                on.add(o);
            }
        }
        return OptimizationSet.of(on);
    }

    public String preset() {
        return preset;
    }

    /** A copy with one key changed (checked). */
    public TrainConfig with(Key<?> key, Object value) {
        Map<String, Object> overrides = new LinkedHashMap<>(values);
        overrides.put(key.name(), value);
        return resolve(Preset.byId(preset), overrides);
    }

    /** Number of training iterations: ceil(steps / rollout-steps). */
    public int iterations() {
        long t = get(Keys.ROLLOUT_STEPS);
        return Math.toIntExact((get(Keys.STEPS) + t - 1) / t);
    }

    public int[] hidden() {
        List<Integer> h = get(Keys.HIDDEN);
        return h.stream().mapToInt(Integer::intValue).toArray();
    }

    /** Every key's value in canonical order, as written to {@code config.json} (preset first). */
    public Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put(PRESET_KEY, preset);
        for (Key<?> key : Keys.all()) {
            Object value = values.get(key.name());
            json.put(key.name(), value instanceof Double d && d.isInfinite() ? "inf" : value);
        }
        return json;
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
