package dev.ablate4j.results;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code DIR/<spec>/adaptive.json}: an adaptive spec's rule, cells and environments, written by
 * {@code matrix} so that the report (which never sees the spec file) can replay the rounds. Keys in
 * this order ({@code until} holds {@code ci-half-width}, {@code decided}, {@code acli-aai} and
 * {@code main-effects} only when the rule has them, and {@code seeds} holds {@code multiplicity} only
 * when it is {@value #BONFERRONI}; the spec file's {@code seeds} uses the same keys):
 * <pre>
 * {"spec": "x", "seeds": {"min": 5, "max": 40, "step": 5, "until": {"ci-half-width": 150, "decided": ["ppo vs ppo-m"]}},
 *  "alpha": 0.05, "looks": [5, 10, ...], "boundaries": [4.88, ...],
 *  "cells": [{"id": "3f2a...", "label": "ppo"}, ...], "envs": ["Hopper-v4"]}
 * </pre>
 * Numbers are written as given (the adaptive package passes exact decimals, so every JDK writes
 * the same bytes); read back they are whatever JSON number they are. The boundaries are
 * informative; readers recompute them from the looks.
 *
 * <p>With {@code main-effects}, every cell also has {@code "levels"}: its on/off level of each factor
 * of the factorial, in the spec's factor order ({@code {"value-clip": true, "reward-scale": false, ...}}),
 * which the rule's main effects contrast. A file without the key (every file written before it
 * existed) has no levels and reads as before. *
 * @param ciHalfWidth the precision target, or null
 * @param decided     the comparisons, as written ({@code "A vs B"}); empty when none
 * @param acliAai     the ACLI − AAI target as written ({@value #DECIDED}, the one value a rule
 *                    writes), or null when the rule has none
 * @param mainEffects the main-effects target as written ({@value #DECIDED}), or null when the rule has none
 * @param levels      each cell's factor levels, in the order of {@code cells}; empty when the file has none
 * @param multiplicity {@code seeds.multiplicity} as written ({@value #BONFERRONI}, the one value a rule
 *                    writes: the tests share α), or null when the rule tests each at α (every file
 *                    written before the key existed)
 */
public record AdaptiveRecord(String spec, int min, int max, int step, Number ciHalfWidth, List<String> decided,
        String acliAai, String mainEffects, Number alpha, List<Integer> looks, List<Number> boundaries,
        List<SpecRecord.CellRef> cells, List<Map<String, Boolean>> levels, List<String> envs, String multiplicity) {

    /** File name below the spec's results directory. */
    public static final String NAME = "adaptive.json";
    /** The until key of the ACLI − AAI target, and its one value. */
    public static final String ACLI_AAI = "acli-aai";
    public static final String DECIDED = "decided";
    /** The until key of the main-effects target (its one value is {@value #DECIDED}). */
    public static final String MAIN_EFFECTS = "main-effects";
    /** The seeds key of the multiplicity rule, and the one value written. */
    public static final String MULTIPLICITY = "multiplicity";
    public static final String BONFERRONI = "bonferroni";
    /** The key of a cell's factor levels (files of a main-effects rule only). */
    public static final String LEVELS = "levels";

    /** IllegalArgumentException when {@code levels} is neither empty nor one map per cell. */
    public AdaptiveRecord {
        decided = List.copyOf(decided);
        looks = List.copyOf(looks);
        boundaries = List.copyOf(boundaries);
        cells = List.copyOf(cells);
        List<Map<String, Boolean>> copied = new ArrayList<>();
        for (Map<String, Boolean> l : levels) {
            copied.add(java.util.Collections.unmodifiableMap(new LinkedHashMap<>(l)));
        }
        levels = List.copyOf(copied);
        envs = List.copyOf(envs);
        if (!levels.isEmpty() && levels.size() != cells.size()) {
            throw new IllegalArgumentException(levels.size() + " cells' levels for " + cells.size() + " cells");
        }
    }

    /** The file's bytes. */
    public byte[] bytes() {
        Map<String, Object> until = new LinkedHashMap<>();
        if (ciHalfWidth != null) {
            until.put("ci-half-width", ciHalfWidth);
        }
        if (!decided.isEmpty()) {
            until.put(DECIDED, decided);
        }
        if (acliAai != null) {
            until.put(ACLI_AAI, acliAai);
        }
        if (mainEffects != null) {
            until.put(MAIN_EFFECTS, mainEffects);
        }
        Map<String, Object> seeds = new LinkedHashMap<>();
        seeds.put("min", min);
        seeds.put("max", max);
        seeds.put("step", step);
        seeds.put("until", until);
        if (multiplicity != null) {
            seeds.put(MULTIPLICITY, multiplicity);
        }
        List<Map<String, Object>> cs = new ArrayList<>();
        for (int i = 0; i < cells.size(); i++) {
            SpecRecord.CellRef c = cells.get(i);
            Map<String, Object> cell = new LinkedHashMap<>();
            cell.put("id", c.id());
            cell.put("label", c.label());
            if (!levels.isEmpty()) {
                cell.put(LEVELS, levels.get(i));
            }
            cs.add(cell);
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("spec", spec);
        m.put("seeds", seeds);
        m.put("alpha", alpha);
        m.put("looks", looks);
        m.put("boundaries", boundaries);
        m.put("cells", cs);
        m.put("envs", envs);
        try {
            return AtomicFiles.JSON.writeValueAsBytes(m);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Where a spec directory's file is. */
    public static Path file(Path specDir) {
        return specDir.resolve(NAME);
    }

    /**
     * Reads a file written from {@link #bytes}; IllegalArgumentException naming the file when it is
     * not readable JSON or not an adaptive rule file.
     */
    public static AdaptiveRecord read(Path file) {
        Map<String, Object> m;
        try {
            m = AtomicFiles.readJson(file);
        } catch (UncheckedIOException e) {
            throw new IllegalArgumentException(file + " is not readable JSON: " + e.getCause().getMessage());
        }
        try {
            Map<?, ?> seeds = (Map<?, ?>) m.get("seeds");
            Map<?, ?> until = (Map<?, ?>) seeds.get("until");
            List<String> decided = new ArrayList<>();
            if (until.get(DECIDED) instanceof List<?> l) {
                for (Object c : l) {
                    decided.add((String) c);
                }
            }
            List<SpecRecord.CellRef> cells = new ArrayList<>();
            List<Map<String, Boolean>> levels = new ArrayList<>();
            for (Object o : (List<?>) m.get("cells")) {
                Map<?, ?> c = (Map<?, ?>) o;
                cells.add(new SpecRecord.CellRef((String) c.get("id"), (String) c.get("label")));
                if (c.get(LEVELS) != null) {
                    Map<String, Boolean> l = new LinkedHashMap<>();
                    ((Map<?, ?>) c.get(LEVELS)).forEach((k, v) -> l.put((String) k, (Boolean) v));
                    levels.add(l);
                }
            }
            if (!levels.isEmpty() && levels.size() != cells.size()) {
                throw new IllegalArgumentException(file + " is not an adaptive rule file (" + levels.size() + " of "
                        + cells.size() + " cells have " + LEVELS + ")");
            }
            List<String> envs = new ArrayList<>();
            for (Object o : (List<?>) m.get("envs")) {
                envs.add((String) o);
            }
            List<Integer> looks = new ArrayList<>();
            if (m.get("looks") instanceof List<?> l) {
                for (Object o : l) {
                    looks.add(((Number) o).intValue());
                }
            }
            List<Number> boundaries = new ArrayList<>();
            if (m.get("boundaries") instanceof List<?> l) {
                for (Object o : l) {
                    boundaries.add((Number) o);
                }
            }
            return new AdaptiveRecord((String) m.get("spec"), ((Number) seeds.get("min")).intValue(),
                    ((Number) seeds.get("max")).intValue(), ((Number) seeds.get("step")).intValue(),
                    (Number) until.get("ci-half-width"), decided,
                    until.get(ACLI_AAI) == null ? null : until.get(ACLI_AAI).toString(),
                    until.get(MAIN_EFFECTS) == null ? null : until.get(MAIN_EFFECTS).toString(), (Number) m.get("alpha"),
                    looks, boundaries, cells, levels, envs,
                    seeds.get(MULTIPLICITY) == null ? null : seeds.get(MULTIPLICITY).toString());
        } catch (ClassCastException | NullPointerException e) {
            throw new IllegalArgumentException(file + " is not an adaptive rule file (" + e.getMessage() + ")");
        }
    }
}
