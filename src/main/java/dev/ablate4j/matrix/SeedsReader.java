package dev.ablate4j.matrix;

import static dev.ablate4j.matrix.SpecErrors.kind;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ablate4j.adaptive.Comparison;
import dev.ablate4j.adaptive.RuleFile;
import dev.ablate4j.adaptive.SeedRule;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A spec's {@code seeds}: a count ({@code 3}: seeds 0, 1, 2), a list ({@code [0, 7, 11]}), or
 * adaptive seeds ({@code {min, max, step, until: {ci-half-width, decided, acli-aai, main-effects}}},
 * {@link SeedRule}), which may run seeds 0 .. max − 1. {@code main-effects} needs a factorial of
 * on/off switches ({@link #checkMainEffects}), which the reader of the whole spec checks once the
 * design and factors are known.
 */
final class SeedsReader {

    static final String SEEDS = "seeds";
    /** Most seeds a spec may name (count, list or adaptive max). */
    static final long MAX_SEEDS = 1_000_000;
    private static final List<String> ADAPTIVE_KEYS = List.of("min", "max", "step", "until");
    private static final List<String> OPTIONAL_ADAPTIVE_KEYS = List.of(SeedRule.MULTIPLICITY);
    private static final List<String> UNTIL_KEYS = List.of("ci-half-width", "decided", RuleFile.ACLI_AAI,
            RuleFile.MAIN_EFFECTS);
    private static final String USAGE = "a count like 3 (seeds 0, 1, 2), a list like [0, 7, 11] or adaptive seeds like"
            + " {min: 5, max: 40, step: 5, until: {ci-half-width: 150}}";

    private static final String BONFERRONI_NEEDS_TESTS = SeedRule.BONFERRONI + " splits α over the design's tests,"
            + " and this rule has none (until: decided, acli-aai or main-effects); remove the key or add a test";

    private final SpecErrors errors;
    private SeedRule rule;
    private List<Long> seeds;

    /** Reads the {@code seeds} node {@code n} (null when the key is missing). */
    SeedsReader(SpecErrors errors, JsonNode n) {
        this.errors = errors;
        if (n != null && n.isObject()) {
            rule = adaptive(n);
            seeds = counted(rule.max());
        } else {
            seeds = fixed(n);
        }
    }

    /** The seeds the spec may run: its fixed seeds, or 0 .. max − 1 for adaptive seeds. */
    List<Long> seeds() {
        return seeds;
    }

    /** The adaptive rule, or null for a count or a list. */
    SeedRule rule() {
        return rule;
    }

    private List<Long> fixed(JsonNode n) {
        if (n == null) {
            throw errors.error("", "missing key 'seeds' (" + USAGE + ")");
        }
        if (n.isIntegralNumber() && n.canConvertToLong()) {
            long count = n.longValue();
            if (count <= 0 || count > MAX_SEEDS) {
                throw errors.error(SEEDS, "'" + count + "' is not a count from 1 to " + MAX_SEEDS + "; expected " + USAGE);
            }
            return counted(count);
        }
        if (!n.isArray()) {
            throw errors.error(SEEDS, "expected " + USAGE + ", got a " + kind(n));
        }
        if (n.isEmpty()) {
            throw errors.error(SEEDS, "empty list; give at least one seed");
        }
        List<Long> list = new ArrayList<>();
        Set<Long> seen = new LinkedHashSet<>();
        for (JsonNode s : n) {
            if (!s.isIntegralNumber() || !s.canConvertToLong() || s.longValue() < 0) {
                throw errors.error(SEEDS, "'" + s.asText() + "' is not a whole number >= 0");
            }
            if (!seen.add(s.longValue())) {
                throw errors.error(SEEDS, "seed " + s.longValue() + " is listed twice");
            }
            list.add(s.longValue());
        }
        return List.copyOf(list);
    }

    private static List<Long> counted(long count) {
        List<Long> list = new ArrayList<>();
        for (long s = 0; s < count; s++) {
            list.add(s);
        }
        return List.copyOf(list);
    }

    /** {@code {min, max, step, until: {ci-half-width, decided, acli-aai}}}. */
    private SeedRule adaptive(JsonNode n) {
        String usage = "adaptive seeds are {min: 5, max: 40, step: 5, until: {ci-half-width: 150}}"
                + " or until: {decided: [ppo vs ppo-m]}";
        List<String> known = new ArrayList<>(ADAPTIVE_KEYS);
        known.addAll(OPTIONAL_ADAPTIVE_KEYS);
        errors.requireKnownKeys(SEEDS, n, known);
        for (String key : ADAPTIVE_KEYS) {
            if (!n.has(key)) {
                throw errors.error(SEEDS, "missing key '" + key + "'; " + usage);
            }
        }
        long min = whole(SEEDS + ": min", n.get("min"), 2, MAX_SEEDS,
                "a confidence interval and Welch's test need two runs per cell");
        long max = whole(SEEDS + ": max", n.get("max"), min, MAX_SEEDS, "max is at least min (" + min + ")");
        long step = whole(SEEDS + ": step", n.get("step"), 1, MAX_SEEDS, "seeds added per round");
        if (SeedRule.lookCount(min, max, step) > SeedRule.MAX_LOOKS) {
            throw errors.error(SEEDS + ": step", step + " plans " + SeedRule.lookCount(min, max, step) + " looks from "
                    + min + " to " + max + " seeds; at most " + SeedRule.MAX_LOOKS + " are allowed (raise step)");
        }
        JsonNode until = n.get("until");
        String place = SEEDS + ": until";
        if (!until.isObject() || until.isEmpty()) {
            throw errors.error(place, "expected a mapping with ci-half-width, decided, acli-aai and/or main-effects, like"
                    + " {ci-half-width: 150}, got a " + kind(until));
        }
        errors.requireKnownKeys(place, until, UNTIL_KEYS);
        Double halfWidth = null;
        if (until.has("ci-half-width")) {
            JsonNode h = until.get("ci-half-width");
            if (!h.isNumber() || !(h.doubleValue() > 0) || Double.isInfinite(h.doubleValue())) {
                throw errors.error(place + ": ci-half-width", "'" + h.asText() + "' is not a positive number"
                        + " (the largest half-width of the 95% interval of a cell's mean final return)");
            }
            halfWidth = h.doubleValue();
        }
        List<Comparison> decided = new ArrayList<>();
        if (until.has("decided")) {
            decided = comparisons(place + ": decided", until.get("decided"));
        }
        boolean acliAai = false;
        if (until.has(RuleFile.ACLI_AAI)) {
            JsonNode a = until.get(RuleFile.ACLI_AAI);
            if (!a.isTextual() || !a.asText().equals(RuleFile.DECIDED)) {
                throw errors.error(place + ": " + RuleFile.ACLI_AAI, "'" + a.asText() + "' is not allowed; the only value is "
                        + RuleFile.DECIDED + " (add seeds until the interval of ACLI − AAI excludes 0)");
            }
            acliAai = true;
        }
        boolean mainEffects = false;
        if (until.has(RuleFile.MAIN_EFFECTS)) {
            JsonNode a = until.get(RuleFile.MAIN_EFFECTS);
            if (!a.isTextual() || !a.asText().equals(RuleFile.DECIDED)) {
                throw errors.error(place + ": " + RuleFile.MAIN_EFFECTS, "'" + a.asText() + "' is not allowed; the only"
                        + " value is " + RuleFile.DECIDED + " (add seeds to every cell of the factorial until each"
                        + " main effect is decided)");
            }
            mainEffects = true;
        }
        boolean bonferroni = false;
        if (n.has(SeedRule.MULTIPLICITY)) {
            JsonNode m = n.get(SeedRule.MULTIPLICITY);
            String v = m.isTextual() ? m.asText() : null;
            if (!SeedRule.NONE.equals(v) && !SeedRule.BONFERRONI.equals(v)) {
                throw errors.error(SEEDS + ": " + SeedRule.MULTIPLICITY, (v != null ? "'" + v + "'" : m.toString())
                        + " is not allowed; use "
                        + SeedRule.NONE + " (each comparison, main effect or ACLI − AAI tested at α = 0.05 on its own,"
                        + " the default) or " + SeedRule.BONFERRONI + " (the design's tests share α = 0.05: each at"
                        + " 0.05 / their number)");
            }
            bonferroni = SeedRule.BONFERRONI.equals(v);
            if (bonferroni && decided.isEmpty() && !acliAai && !mainEffects) {
                throw errors.error(SEEDS + ": " + SeedRule.MULTIPLICITY, BONFERRONI_NEEDS_TESTS);
            }
        }
        return new SeedRule((int) min, (int) max, (int) step, halfWidth, decided, acliAai, mainEffects, bonferroni);
    }

    /**
     * With {@code until: {main-effects: decided}}: the spec must be what the report's factorial
     * analysis reads as on/off main effects, a factorial of switches (config keys) each listed as
     * {@code [true, false]}; no preset factor, bundle or factor of other values. Nothing without it.
     */
    void checkMainEffects(Design design, Map<String, List<Object>> factors) {
        if (rule == null || !rule.mainEffects()) {
            return;
        }
        String place = SEEDS + ": until: " + RuleFile.MAIN_EFFECTS;
        if (design != Design.FACTORIAL) {
            throw errors.error(place, "needs design: " + Design.FACTORIAL.id() + "; this spec's design is "
                    + design.id() + " (a main effect pools every combination of the other factors)");
        }
        if (factors.isEmpty()) {
            throw errors.error(place, "needs factors: on/off switches listed as [true, false]; this spec has none");
        }
        for (Map.Entry<String, List<Object>> f : factors.entrySet()) {
            List<Object> levels = f.getValue();
            boolean onOff = levels.size() == 2 && levels.contains(Boolean.TRUE) && levels.contains(Boolean.FALSE);
            if (!onOff) {
                String shown = !levels.isEmpty() && levels.get(0) instanceof BundleLevel
                        ? "a bundle of " + levels.size() + " levels" : "levels " + levels;
                throw errors.error(place, "factor '" + f.getKey() + "' has " + shown + ", not [true, false]; every"
                        + " factor must be an on/off switch (the report's main effects are on − off)");
            }
        }
    }

    private List<Comparison> comparisons(String place, JsonNode n) {
        if (!n.isArray() || n.isEmpty()) {
            throw errors.error(place, "expected a list of comparisons like [ppo vs ppo-m, trpo+ vs trpo], got "
                    + (n.isArray() ? "an empty list" : "a " + kind(n)));
        }
        List<Comparison> out = new ArrayList<>();
        for (JsonNode c : n) {
            if (!c.isTextual()) {
                throw errors.error(place, "expected 'label vs label', got a " + kind(c));
            }
            try {
                out.add(Comparison.parse(c.asText()));
            } catch (IllegalArgumentException e) {
                // a label like "ppo, no value clipping" in a [..] flow list is split at its comma by YAML
                String hint = !c.asText().contains(" vs ") && n.size() > 1 ? "; a label holding a comma must be"
                        + " quoted, or a [..] list splits it there: [\"ppo, no value clipping vs ppo\"]" : "";
                throw errors.error(place, e.getMessage() + hint);
            }
        }
        return out;
    }

    private long whole(String place, JsonNode n, long lo, long hi, String why) {
        if (!n.isIntegralNumber() || !n.canConvertToLong() || n.longValue() < lo || n.longValue() > hi) {
            throw errors.error(place, "'" + n.asText() + "' is not a whole number from " + lo + " to " + hi + " ("
                    + why + ")");
        }
        return n.longValue();
    }
}
