package dev.ablate4j.matrix;

import static dev.ablate4j.matrix.SpecErrors.kind;
import static dev.ablate4j.matrix.SpecErrors.raw;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ablate4j.config.Keys;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a bundle factor ({@link BundleLevel}): a factor whose name is no config key and whose levels
 * are mappings of config keys to values. Decided:
 * <ul>
 * <li>A factor is a bundle when any of its levels is a mapping. A config key's (or {@code preset}'s)
 *     levels are values, so a mapping level under a config key is refused rather than read as
 *     a bundle of that name; a name that is no config key with plain values stays an unknown key
 *     (most likely a misspelt one).
 * <li>Every level is a mapping; {@code {}} is the base's level (nothing changed). Keys and values are
 *     checked as {@code base} checks them (same names, same messages, {@link SpecSettings}); a level
 *     may not set {@code preset} (vary it as a factor of its own) nor {@code mujoco} (base, or a
 *     factor of its own). Two equal levels, or a bundle whose every level is {@code {}}, are refused.
 * <li>In a one-at-a-time design each level that changes something from the base is one cell (a level
 *     that sets only the base's values is the base cell); in a factorial the bundle is one factor
 *     whose levels combine with every other factor's values.
 * <li>A key is varied by one factor only: a key a bundle sets may be neither a factor of its own
 *     nor set by another bundle ({@link #refuseSharedKeys}); overrides may not set it either.
 * <li>A bundle's name is one word (letters, digits, '.', '_', '-'), so the cell labels that name it
 *     stay unambiguous in {@code decided: [A vs B]} comparisons.
 * </ul>
 */
final class BundleReader {

    static final String EXAMPLE = "{optimizer: separate, grad-clip-scope: both}";

    private final SpecErrors errors;
    private final SpecSettings settings;

    BundleReader(SpecErrors errors, SpecSettings settings) {
        this.errors = errors;
        this.settings = settings;
    }

    /**
     * Whether factor {@code name} with levels {@code levels} is written as a bundle: a list holding a
     * mapping, or a single mapping under a name that is no config key (then refused by {@link #read}).
     */
    static boolean writtenAsBundle(String name, JsonNode levels) {
        if (levels.isArray()) {
            for (JsonNode level : levels) {
                if (level.isObject()) {
                    return true;
                }
            }
            return false;
        }
        return levels.isObject() && !isSetting(name);
    }

    private static boolean isSetting(String name) {
        return name.equals(Spec.PRESET) || Keys.byName(name) != null;
    }

    /** The levels of bundle {@code name} ({@link #writtenAsBundle}), each a {@link BundleLevel}. */
    List<Object> read(String name, JsonNode levels) {
        String place = SpecReader.FACTORS + ": " + name;
        if (isSetting(name)) {
            throw errors.error(place, "'" + name + "' is a config key, so its levels are values like [true, false],"
                    + " not mappings; a bundle of keys set together needs a name that is no config key, like"
                    + " separate-optimizers: [{}, " + EXAMPLE + "]");
        }
        if (!SpecReader.SAFE_NAME.matcher(name).matches()) {
            throw errors.error(SpecReader.FACTORS, "'" + name + "' cannot name a bundle: use one word of letters,"
                    + " digits, '.', '_' and '-', starting with a letter or digit");
        }
        if (!levels.isArray()) {
            throw errors.error(place, "a bundle's levels are a list of mappings, like [{}, " + EXAMPLE + "] ({} is"
                    + " the base's level); got a single mapping");
        }
        List<Object> out = new ArrayList<>();
        List<Map<String, Object>> seen = new ArrayList<>();
        int position = 0;
        for (JsonNode level : levels) {
            position++;
            String at = place + ": level " + position;
            if (!level.isObject()) {
                throw errors.error(at, "expected a mapping of config keys to values like " + EXAMPLE + " (every level"
                        + " of a bundle is a mapping; {} is the base's level), got a " + kind(level));
            }
            Map<String, Object> values = new LinkedHashMap<>();
            for (Map.Entry<String, JsonNode> e : level.properties()) {
                if (Keys.byName(e.getKey()) == null && !e.getKey().equals(Spec.PRESET)) {
                    throw errors.unknownKey(at, e.getKey(), allowedKeys());
                }
                String key = settings.key(at, e.getKey());
                if (key.equals(Spec.PRESET)) {
                    throw errors.error(at + ": preset", "a bundle sets config keys, not the preset; make preset a"
                            + " factor of its own");
                }
                if (key.equals(Keys.MUJOCO.name())) {
                    throw errors.error(at + ": " + key, "set it in base or make mujoco a factor of its own");
                }
                values.put(key, settings.value(at + ": " + key, key, raw(e.getValue())));
            }
            int same = seen.indexOf(values);
            if (same >= 0) {
                throw errors.error(at, "repeats level " + (same + 1) + "; list each level once");
            }
            seen.add(values);
            out.add(new BundleLevel(position, values));
        }
        if (seen.stream().allMatch(Map::isEmpty)) {
            throw errors.error(place, "every level is empty ({}); a bundle needs a level that sets keys, like "
                    + EXAMPLE);
        }
        return List.copyOf(out);
    }

    /** The keys a level may set: every config key but env, seed and mujoco. */
    private static List<String> allowedKeys() {
        List<String> allowed = new ArrayList<>();
        for (dev.ablate4j.config.Key<?> k : Keys.all()) {
            if (k != Keys.ENV && k != Keys.SEED && k != Keys.MUJOCO) {
                allowed.add(k.name());
            }
        }
        return allowed;
    }

    /**
     * Refuses a key that a bundle's level sets and that is also a factor of its own or set by an
     * earlier bundle, naming both factors.
     */
    void refuseSharedKeys(Map<String, List<Object>> factors) {
        Map<String, String> owner = new LinkedHashMap<>();
        factors.forEach((name, levels) -> {
            if (levels.isEmpty() || !(levels.get(0) instanceof BundleLevel)) {
                owner.put(name, name);
            }
        });
        factors.forEach((name, levels) -> {
            for (Object o : levels) {
                if (!(o instanceof BundleLevel level)) {
                    return;
                }
                for (String key : level.values().keySet()) {
                    String other = owner.putIfAbsent(key, name);
                    if (other != null && !other.equals(name)) {
                        String at = SpecReader.FACTORS + ": " + name + ": level " + level.position() + ": " + key;
                        throw errors.error(at, other.equals(key)
                                ? "'" + key + "' is also a factor of its own (factors: " + key + "); a key is varied"
                                        + " by one factor only: move its values into the bundle's levels, or take it"
                                        + " out of bundle '" + name + "'"
                                : "'" + key + "' is also set by bundle '" + other + "'; a key is varied by one factor"
                                        + " only: merge the two bundles, or take it out of one");
                    }
                }
            }
        });
    }
}
