package dev.ablate4j.adaptive;

import dev.ablate4j.results.AtomicFiles;
import dev.ablate4j.results.Num;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code DIR/<spec>/adaptive.json}: an adaptive spec's rule, cells and environments, written by
 * {@code matrix} so that the report (which never sees the spec file) can replay the rounds. Its
 * content depends only on the spec: numbers are written with 12 significant digits through
 * {@link Num}, so every process on every JDK writes the same bytes, and {@code merge} can require
 * the copies of a spec's file in several shards to be identical.
 *
 * <pre>
 * {"spec": "x", "seeds": {"min": 5, "max": 40, "step": 5, "until": {"ci-half-width": 150, "decided": ["ppo vs ppo-m"]}},
 *  "alpha": 0.05, "looks": [5, 10, ...], "boundaries": [4.88, ...],
 *  "cells": [{"id": "3f2a...", "label": "ppo"}, ...], "envs": ["Hopper-v4"]}
 * </pre>
 * The boundaries are informative; readers recompute them from the looks.
 */
public final class RuleFile {

    /** File name below the spec's results directory. */
    public static final String NAME = "adaptive.json";
    /** The until key of the ACLI − AAI target, and its one value. */
    public static final String ACLI_AAI = "acli-aai";
    public static final String DECIDED = "decided";

    private RuleFile() {}

    /** The file's bytes for {@code setup}. */
    public static byte[] bytes(Setup setup) {
        SeedRule rule = setup.rule();
        Map<String, Object> until = new LinkedHashMap<>();
        if (rule.ciHalfWidth() != null) {
            until.put("ci-half-width", number(rule.ciHalfWidth()));
        }
        if (!rule.decided().isEmpty()) {
            until.put("decided", rule.decided().stream().map(Comparison::text).toList());
        }
        if (rule.acliAai()) {
            until.put(ACLI_AAI, DECIDED);
        }
        Map<String, Object> seeds = new LinkedHashMap<>();
        seeds.put("min", rule.min());
        seeds.put("max", rule.max());
        seeds.put("step", rule.step());
        seeds.put("until", until);
        List<Object> boundaries = new ArrayList<>();
        for (double b : rule.boundaries()) {
            boundaries.add(number(b));
        }
        List<Map<String, String>> cells = new ArrayList<>();
        for (Setup.CellRef c : setup.cells()) {
            Map<String, String> cell = new LinkedHashMap<>();
            cell.put("id", c.id());
            cell.put("label", c.label());
            cells.add(cell);
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("spec", setup.spec());
        m.put("seeds", seeds);
        m.put("alpha", number(SeedRule.ALPHA));
        m.put("looks", rule.looks());
        m.put("boundaries", boundaries);
        m.put("cells", cells);
        m.put("envs", setup.envs());
        try {
            return AtomicFiles.JSON.writeValueAsBytes(m);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static BigDecimal number(double x) {
        return new BigDecimal(SeedRule.plain(x));
    }

    /**
     * Writes the file into {@code specDir} unless it holds exactly these bytes already; if it holds
     * another rule, IllegalStateException naming it (the planned looks of a running experiment
     * must not change).
     */
    public static void write(Path specDir, Setup setup) {
        Path file = specDir.resolve(NAME);
        byte[] want = bytes(setup);
        try {
            if (check(specDir, setup)) {
                return;
            }
            Files.createDirectories(specDir);
            AtomicFiles.writeBytes(file, want);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Whether {@code specDir} holds the rule file of {@code setup} already (false when it holds none);
     * IllegalStateException, as {@link #write} throws it, when it holds another rule. Writes nothing.
     */
    public static boolean check(Path specDir, Setup setup) {
        Path file = specDir.resolve(NAME);
        if (!Files.isRegularFile(file)) {
            return false;
        }
        try {
            if (java.util.Arrays.equals(Files.readAllBytes(file), bytes(setup))) {
                return true;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        throw new IllegalStateException(file + " was written for another adaptive rule, cells or envs ("
                + describe(file) + "); the planned looks of an experiment cannot change midway: use another"
                + " --results directory, or remove the file to start the rule over on the same runs");
    }

    private static String describe(Path file) {
        try {
            Setup s = read(file);
            return "it has seeds: " + s.rule().describe() + " over " + s.cells().size() + " cells";
        } catch (RuntimeException e) {
            return "unreadable: " + e.getMessage();
        }
    }

    /** Reads a file written by {@link #write}; IllegalArgumentException when it is not one. */
    public static Setup read(Path file) {
        Map<String, Object> m;
        try {
            m = AtomicFiles.readJson(file);
        } catch (UncheckedIOException e) {
            throw new IllegalArgumentException(file + " is not readable JSON: " + e.getCause().getMessage());
        }
        try {
            Map<?, ?> seeds = (Map<?, ?>) m.get("seeds");
            Map<?, ?> until = (Map<?, ?>) seeds.get("until");
            Double hw = until.get("ci-half-width") == null ? null : ((Number) until.get("ci-half-width")).doubleValue();
            List<Comparison> decided = new ArrayList<>();
            if (until.get("decided") instanceof List<?> l) {
                for (Object c : l) {
                    decided.add(Comparison.parse((String) c));
                }
            }
            Object acliAai = until.get(ACLI_AAI);
            if (acliAai != null && !DECIDED.equals(acliAai)) {
                throw new IllegalArgumentException(file + ": seeds: until: " + ACLI_AAI + " is '" + acliAai
                        + "'; the only value is " + DECIDED);
            }
            SeedRule rule = new SeedRule(((Number) seeds.get("min")).intValue(), ((Number) seeds.get("max")).intValue(),
                    ((Number) seeds.get("step")).intValue(), hw, decided, acliAai != null);
            List<Setup.CellRef> cells = new ArrayList<>();
            for (Object o : (List<?>) m.get("cells")) {
                Map<?, ?> c = (Map<?, ?>) o;
                cells.add(new Setup.CellRef((String) c.get("id"), (String) c.get("label")));
            }
            List<String> envs = new ArrayList<>();
            for (Object o : (List<?>) m.get("envs")) {
                envs.add((String) o);
            }
            return new Setup((String) m.get("spec"), rule, cells, envs);
        } catch (ClassCastException | NullPointerException e) {
            throw new IllegalArgumentException(file + " is not an adaptive rule file (" + e.getMessage() + ")");
        }
    }
}
