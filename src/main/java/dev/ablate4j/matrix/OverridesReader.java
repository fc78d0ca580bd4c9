package dev.ablate4j.matrix;

import static dev.ablate4j.matrix.SpecErrors.kind;
import static dev.ablate4j.matrix.SpecErrors.raw;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ablate4j.config.Keys;
import dev.ablate4j.config.Suggest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A spec's {@code overrides}: a list of {@code {when: {...}, set: {...}}} entries, each a
 * {@link ConditionalOverride} applied in order to the cells whose settings (or env) match.
 */
final class OverridesReader {

    private static final List<String> OVERRIDE_KEYS = List.of("when", "set");

    private final SpecErrors errors;
    private final SpecSettings settings;

    OverridesReader(SpecErrors errors, SpecSettings settings) {
        this.errors = errors;
        this.settings = settings;
    }

    private SpecException error(String place, String message) {
        return errors.error(place, message);
    }

    /**
     * The {@code overrides} node {@code n} (null when absent): conditions may name the spec's envs
     * and any setting but seed; an override may set neither the preset, steps nor a key a factor sets
     * ({@code factorKeys}: key to the factor setting it, {@link Spec#factorKeys}).
     */
    List<ConditionalOverride> read(JsonNode n, Map<String, String> factorKeys, List<String> envs) {
        List<ConditionalOverride> overrides = new ArrayList<>();
        if (n == null || n.isNull()) {
            return overrides;
        }
        if (!n.isArray()) {
            throw error(SpecReader.OVERRIDES, "expected a list of {when: {...}, set: {...}} entries, got a " + kind(n));
        }
        int position = 0;
        for (JsonNode entry : n) {
            position++;
            String place = SpecReader.OVERRIDES + "[" + position + "]";
            if (!entry.isObject()) {
                throw error(place, "expected {when: {...}, set: {...}}, got a " + kind(entry));
            }
            errors.requireKnownKeys(place, entry, OVERRIDE_KEYS);
            Map<String, List<Object>> when = when(place + ": when", entry.get("when"), envs);
            Map<String, Object> set = set(place + ": set", entry.get("set"), factorKeys);
            overrides.add(new ConditionalOverride(when, set, position));
        }
        return List.copyOf(overrides);
    }

    private Map<String, List<Object>> when(String place, JsonNode n, List<String> envs) {
        if (n == null || !n.isObject() || n.isEmpty()) {
            throw error(place, "expected a mapping of conditions like {env: Hopper-v4, preset: trpo}");
        }
        Map<String, List<Object>> when = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : n.properties()) {
            String key = e.getKey();
            String at = place + ": " + key;
            List<Object> values = new ArrayList<>();
            if (e.getValue().isArray()) {
                e.getValue().forEach(v -> values.add(raw(v)));
            } else {
                values.add(raw(e.getValue()));
            }
            if (values.isEmpty()) {
                throw error(at, "empty list of values; give at least one value");
            }
            if (key.equals(Keys.SEED.name())) {
                throw error(at, "conditions on seeds are not allowed");
            }
            if (!key.equals(Spec.ENV)) {
                settings.key(place, key);
            }
            List<Object> typed = new ArrayList<>();
            for (Object v : values) {
                if (key.equals(Spec.ENV)) {
                    if (!envs.contains(String.valueOf(v))) {
                        throw error(at, "'" + v + "' is not one of the spec's envs" + Suggest.nearest(
                                String.valueOf(v), envs) + "; envs: " + String.join(", ", envs));
                    }
                    typed.add(String.valueOf(v));
                } else {
                    typed.add(settings.value(at, key, v));
                }
            }
            when.put(key, List.copyOf(typed));
        }
        return when;
    }

    private Map<String, Object> set(String place, JsonNode n, Map<String, String> factorKeys) {
        if (n == null || !n.isObject() || n.isEmpty()) {
            throw error(place, "expected a mapping of config keys to values like {policy-lr: 3.0e-4}");
        }
        Map<String, Object> set = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : n.properties()) {
            String key = settings.key(place, e.getKey());
            String at = place + ": " + key;
            if (key.equals(Spec.PRESET)) {
                throw error(at, "an override cannot change the preset; make preset a factor instead");
            }
            if (key.equals(Keys.STEPS.name())) {
                throw error(at, "steps cannot be overridden per condition; set it at the top level or as a factor");
            }
            String factor = factorKeys.get(key);
            if (key.equals(factor)) {
                throw error(at, "'" + key + "' is a factor; an override may not also set it");
            }
            if (factor != null) {
                throw error(at, "'" + key + "' is set by bundle '" + factor + "'; an override may not also set it");
            }
            set.put(key, settings.value(at, key, raw(e.getValue())));
        }
        return set;
    }
}
