package dev.ablate4j.matrix;

import dev.ablate4j.config.ConfigException;
import dev.ablate4j.config.Key;
import dev.ablate4j.config.Keys;
import dev.ablate4j.config.TrainConfig;
import java.util.ArrayList;
import java.util.List;

/**
 * The settings a spec gives in {@code base}, {@code factors} and {@code overrides}: which keys may
 * carry a value there ({@link #key}) and the one place a spec value is parsed ({@link #value}), with
 * the CLI's messages prefixed by the place in the spec.
 */
final class SpecSettings {

    private final SpecErrors errors;

    SpecSettings(SpecErrors errors) {
        this.errors = errors;
    }

    private SpecException error(String place, String message) {
        return errors.error(place, message);
    }

    /**
     * A key that may carry a value in base, factors and overrides: {@code preset} or any config key
     * but env and seed (those have their own spec keys).
     */
    String key(String place, String key) {
        if (key.equals(Spec.PRESET)) {
            return key;
        }
        if (key.equals(Keys.ENV.name())) {
            throw error(place + ": env", "environments are listed under 'envs', not set as a key");
        }
        if (key.equals(Keys.SEED.name())) {
            throw error(place + ": seed", "seeds are listed under 'seeds', not set as a key");
        }
        if (Keys.byName(key) == null) {
            List<String> allowed = new ArrayList<>();
            allowed.add(Spec.PRESET);
            for (Key<?> k : Keys.all()) {
                if (k != Keys.ENV && k != Keys.SEED) {
                    allowed.add(k.name());
                }
            }
            throw errors.unknownKey(place, key, allowed);
        }
        return key;
    }

    /**
     * The typed value of setting {@code key} (checked by {@link #key}): the canonical preset
     * id, or the config key's parsed value. The one place a spec value is parsed.
     */
    Object value(String place, String key, Object raw) {
        if (key.equals(Spec.PRESET)) {
            if (!(raw instanceof String s) || s.equals(TrainConfig.PAPER_CONFIG)) {
                throw error(place, "expected a preset name; allowed: " + String.join(", ", TrainConfig.presetIds()));
            }
            try {
                return TrainConfig.canonicalId(s);
            } catch (ConfigException e) {
                throw error(place, e.getMessage().substring("preset: ".length()));
            }
        }
        try {
            return Keys.byName(key).parse(raw);
        } catch (ConfigException e) {
            throw error(place, e.getMessage().startsWith(key + ": ") ? e.getMessage().substring(key.length() + 2)
                    : e.getMessage());
        }
    }
}
