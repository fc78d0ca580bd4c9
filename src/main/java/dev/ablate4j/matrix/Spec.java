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
 * @param factors key (a config key or {@code preset}) to its list of typed values (preset ids canonical)
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
}
