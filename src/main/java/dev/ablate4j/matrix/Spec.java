package dev.ablate4j.matrix;

import dev.ablate4j.adaptive.SeedRule;
import dev.ablate4j.results.SpecRecord;
import java.util.List;
import java.util.Map;

/**
 * A parsed, checked ablation spec (an {@code ablations/*.yaml} file): which configurations
 * (cells) to train, on which environments, with which seeds. Maps keep the file's order; nothing
 * here depends on it except display order.
 *
 * @param name the results subdirectory ({@code DIR/<name>/...}); letters, digits, '.', '_', '-'
 * @param source the file it was read from, for messages
 * @param preset the base preset id
 * @param base config values (typed, as their {@link dev.ablate4j.config.Key} parses them) applied to every
 *     cell (never env or seed)
 * @param design how {@code factors} expand
 * @param factors key (a config key or {@code preset}) to its list of typed values (preset ids canonical);
 *     or a bundle's name (no config key) to its levels, each a {@link BundleLevel} setting several keys
 * @param overrides conditional overrides, applied in order (later ones win)
 * @param envs environment ids
 * @param seeds master seeds; run directories are {@code seed-<n>}. With adaptive seeds, 0 .. max − 1:
 *     every run the spec may come to
 * @param adaptive the adaptive seed rule, or null for a fixed count or list
 * @param equivalenceMargin the {@code equivalence-margin} the report's verdicts use for TOST (positive,
 *     finite), or null when the spec sets none; the report reads it from the spec copy the matrix
 *     records ({@code DIR/<name>/spec.yaml}, {@link SpecRecord})
 * @param interval the {@code interval} method the report uses unless {@code report --interval} says
 *     otherwise, or null when the spec sets none (the report's default then)
 */
public record Spec(String name, String source, String preset, Map<String, Object> base, Design design,
        Map<String, List<Object>> factors, List<ConditionalOverride> overrides, List<String> envs, List<Long> seeds,
        SeedRule adaptive, Double equivalenceMargin, dev.ablate4j.stats.IntervalMethod interval) {

    /** The factor / condition key that selects the preset. */
    public static final String PRESET = "preset";
    /** The condition key that selects the environment. */
    public static final String ENV = "env";

    /** Whether factor {@code name} is a bundle: its levels are {@link BundleLevel}s, not values of one key. */
    public boolean isBundle(String name) {
        return isBundle(factors.get(name));
    }

    private static boolean isBundle(List<Object> levels) {
        return levels != null && !levels.isEmpty() && levels.get(0) instanceof BundleLevel;
    }

    /**
     * Every key a factor sets, to the factor that sets it: an ordinary factor's key to itself, each key
     * a bundle's levels set to the bundle's name. In factor order; a key has one factor (the reader
     * refuses a key set by two).
     */
    public Map<String, String> factorKeys() {
        return factorKeys(factors);
    }

    static Map<String, String> factorKeys(Map<String, List<Object>> factors) {
        Map<String, String> keys = new java.util.LinkedHashMap<>();
        factors.forEach((name, levels) -> {
            if (isBundle(levels)) {
                for (Object level : levels) {
                    ((BundleLevel) level).values().keySet().forEach(k -> keys.putIfAbsent(k, name));
                }
            } else {
                keys.put(name, name);
            }
        });
        return keys;
    }
}
