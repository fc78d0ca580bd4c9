package dev.ablate4j.results;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The spec a {@code matrix} last ran into {@code <results>/<spec>/}: {@code spec.yaml}, a byte copy
 * of the file, and {@code spec.json}, which names the file (the path as given and its absolute path),
 * the copy's SHA-256, and what the spec expanded to — its cells (id and label), environments and
 * seeds (with adaptive seeds every seed up to {@code max}). The report reads {@code spec.json} alone
 * (it never re-expands the spec, whose cell ids may depend on the MuJoCo loaded), so it can cover the
 * cells of the spec as run and name the others, and print the command that trains them again.
 *
 * <pre>
 * {"path": "my/fact2x2.yaml", "absolute": "/home/u/my/fact2x2.yaml", "sha256": "…",
 *  "cells": [{"id": "3f2a…", "label": "ppo"}, …], "envs": ["Pendulum-v1"], "seeds": [0, 1]}
 * </pre>
 *
 * <p>Both files are rewritten whenever {@code matrix} runs a spec of that name, each atomically,
 * {@code spec.yaml} first, so {@code spec.json} names the current spec once it is written; a
 * reader that finds a copy whose hash differs from {@code spec.json}'s was interrupted in between
 * and trusts {@code spec.json}. {@code merge} carries both, and refuses copies that differ in the
 * spec's bytes or in what it expanded to (the paths may differ: shards run in different checkouts).
 */
public record SpecRecord(String path, String absolute, String sha256, List<CellRef> cells, List<String> envs,
        List<Long> seeds) {

    /** The byte copy of the spec file. */
    public static final String COPY = "spec.yaml";
    /** Where it came from and what it expanded to. */
    public static final String NAME = "spec.json";

    /** A cell of the recorded spec. */
    public record CellRef(String id, String label) {}

    public SpecRecord {
        cells = List.copyOf(cells);
        envs = List.copyOf(envs);
        seeds = List.copyOf(seeds);
    }

    /** Whether the spec planned a run of {@code cellId} on {@code env} with {@code seed}. */
    public boolean plans(String cellId, String env, long seed) {
        return hasCell(cellId) && envs.contains(env) && seeds.contains(seed);
    }

    /** Whether {@code cellId} is one of the spec's cells. */
    public boolean hasCell(String cellId) {
        return cells.stream().anyMatch(c -> c.id().equals(cellId));
    }

    /** Whether two records describe the same spec: identical bytes and expansion (the paths may differ). */
    public boolean sameSpec(SpecRecord other) {
        return sha256.equals(other.sha256) && cells.equals(other.cells) && envs.equals(other.envs)
                && seeds.equals(other.seeds);
    }

    /**
     * Writes {@code spec.yaml} ({@code specContent}) and then this record as {@code spec.json} into
     * {@code specDir}; files already holding these bytes are left alone.
     */
    public void write(Path specDir, byte[] specContent) throws IOException {
        Files.createDirectories(specDir);
        writeIfChanged(specDir.resolve(COPY), specContent);
        writeIfChanged(specDir.resolve(NAME), bytes());
    }

    /**
     * Writes through a temporary file of this process's own (several shards of one matrix start at
     * once on a shared results directory and write the same record), renamed over the file.
     */
    private static void writeIfChanged(Path file, byte[] content) throws IOException {
        if (Files.isRegularFile(file) && Arrays.equals(Files.readAllBytes(file), content)) {
            return;
        }
        Path tmp = file.resolveSibling(file.getFileName() + "." + java.util.UUID.randomUUID() + ".tmp");
        try {
            Files.write(tmp, content);
            Files.move(tmp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE,
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** The bytes of {@code spec.json}: deterministic for the same spec, paths and plan. */
    public byte[] bytes() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("path", path);
        m.put("absolute", absolute);
        m.put("sha256", sha256);
        List<Map<String, String>> cs = new ArrayList<>();
        for (CellRef c : cells) {
            Map<String, String> cell = new LinkedHashMap<>();
            cell.put("id", c.id());
            cell.put("label", c.label());
            cs.add(cell);
        }
        m.put("cells", cs);
        m.put("envs", envs);
        m.put("seeds", seeds);
        try {
            return AtomicFiles.JSON.writeValueAsBytes(m);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The record in {@code specDir}, or null when there is none; IllegalArgumentException when unreadable. */
    public static SpecRecord read(Path specDir) {
        Path file = specDir.resolve(NAME);
        if (!Files.isRegularFile(file)) {
            return null;
        }
        Map<String, Object> m;
        try {
            m = AtomicFiles.readJson(file);
        } catch (UncheckedIOException e) {
            throw new IllegalArgumentException(file + " is not readable JSON (" + e.getCause().getMessage() + ")");
        }
        try {
            List<CellRef> cells = new ArrayList<>();
            for (Object o : (List<?>) m.get("cells")) {
                Map<?, ?> c = (Map<?, ?>) o;
                cells.add(new CellRef(Objects.requireNonNull((String) c.get("id")), String.valueOf(c.get("label"))));
            }
            List<String> envs = new ArrayList<>();
            for (Object o : (List<?>) m.get("envs")) {
                envs.add((String) Objects.requireNonNull(o));
            }
            List<Long> seeds = new ArrayList<>();
            for (Object o : (List<?>) m.get("seeds")) {
                seeds.add(((Number) o).longValue());
            }
            return new SpecRecord((String) Objects.requireNonNull(m.get("path")), (String) m.get("absolute"),
                    (String) Objects.requireNonNull(m.get("sha256")), cells, envs, seeds);
        } catch (ClassCastException | NullPointerException e) {
            throw new IllegalArgumentException(file + " is not a spec record (it needs path, sha256, cells, envs"
                    + " and seeds)");
        }
    }

    /** Hex SHA-256 of {@code content}. */
    public static String sha256(byte[] content) {
        return Sha256.hex(content);
    }
}
