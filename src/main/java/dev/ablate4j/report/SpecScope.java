package dev.ablate4j.report;

import dev.ablate4j.results.AtomicFiles;
import dev.ablate4j.results.CellRecord;
import dev.ablate4j.results.ConfigFile;
import dev.ablate4j.results.RunDirs;
import dev.ablate4j.results.SpecRecord;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Which runs of a results tree belong to the spec that a {@code matrix} last ran into their spec
 * directory ({@code <results>/<spec>/spec.json}, {@link SpecRecord}). A run at
 * {@code <spec>/<cell>/<env>/seed-<n>/} whose spec directory holds a record is in scope when the
 * record planned that cell, environment and seed; otherwise it is left out as "not in the current
 * spec" (or, with {@code --all-cells}, used and only noted). Trees without a record — every tree
 * written before records existed, and {@code train --out} directories — are not scoped at all.
 * The decision is made from the directory names, before a run's files are read.
 */
final class SpecScope {

    /** The start of every reason this class gives; the category of such exclusions. */
    static final String NOT_IN_SPEC = "not in the current spec";

    private final boolean allCells;
    private final Map<Path, Optional<SpecRecord>> records = new HashMap<>();
    private final Map<Path, String> shownDirs = new LinkedHashMap<>();
    private final Map<Path, Map<String, String>> labels = new HashMap<>();
    private final Map<Path, Map<String, Map<String, Object>>> configs = new HashMap<>();
    private final Map<Path, Map<String, Integer>> outside = new HashMap<>();
    private final Map<Path, Integer> otherRuns = new HashMap<>();
    private final List<String> warnings = new ArrayList<>();

    SpecScope(boolean allCells) {
        this.allCells = allCells;
    }

    /**
     * Null when the run at {@code dir} is to be read (in its spec, in a tree without a record, or
     * {@code --all-cells}); else the reason it is left out.
     */
    String outside(Path dir) {
        if (!RunDirs.isSeedDir(dir)) {
            return null;
        }
        Path abs = dir.toAbsolutePath().normalize();
        Path envDir = abs.getParent();
        Path cellDir = envDir == null ? null : envDir.getParent();
        Path specDir = cellDir == null ? null : cellDir.getParent();
        if (specDir == null) {
            return null;
        }
        SpecRecord record = record(specDir, dir);
        if (record == null) {
            return null;
        }
        String cell = cellDir.getFileName().toString();
        String env = envDir.getFileName().toString();
        long seed = RunDirs.seedOf(abs);
        String why;
        if (!record.hasCell(cell)) {
            why = "its cell is not one of the spec's " + record.cells().size();
        } else if (!record.envs().contains(env)) {
            why = "the spec has no env " + env;
        } else if (!record.seeds().contains(seed)) {
            why = "seed " + seed + " is not among the spec's seeds";
        } else {
            return null;
        }
        if (record.hasCell(cell)) {
            otherRuns.merge(specDir, 1, Integer::sum);
        } else {
            outside.computeIfAbsent(specDir, d -> new TreeMap<>()).merge(cell, 1, Integer::sum);
            labels.computeIfAbsent(specDir, d -> new HashMap<>()).computeIfAbsent(cell, c -> label(dir));
            configs.computeIfAbsent(specDir, d -> new HashMap<>()).computeIfAbsent(cell, c -> config(dir));
        }
        if (allCells) {
            return null;
        }
        return NOT_IN_SPEC + " (" + record.path() + ", as its last matrix ran it): " + why
                + "; --all-cells includes it";
    }

    private SpecRecord record(Path specDir, Path runDir) {
        return records.computeIfAbsent(specDir, d -> {
            try {
                SpecRecord r = SpecRecord.read(d);
                if (r != null) {
                    Path shown = runDir.getParent() == null ? null : runDir.getParent().getParent();
                    shown = shown == null ? null : shown.getParent();
                    shownDirs.put(d, (shown == null ? d : shown).toString().replace('\\', '/'));
                    checkCopy(d, r);
                }
                return Optional.ofNullable(r);
            } catch (IllegalArgumentException e) {
                warnings.add(e.getMessage() + "; every run in " + d.getFileName() + "/ is used, as without a record");
                return Optional.empty();
            }
        }).orElse(null);
    }

    private void checkCopy(Path specDir, SpecRecord r) {
        Path copy = specDir.resolve(SpecRecord.COPY);
        try {
            if (!Files.isRegularFile(copy) || !r.sha256().equals(SpecRecord.sha256(Files.readAllBytes(copy)))) {
                warnings.add(specDir.getFileName() + "/" + SpecRecord.COPY + " is missing or does not match "
                        + SpecRecord.NAME + " (an interrupted matrix?); the report follows " + SpecRecord.NAME);
            }
        } catch (IOException e) {
            warnings.add(specDir.getFileName() + "/" + SpecRecord.COPY + " is unreadable: " + e.getMessage());
        }
    }

    /** The label in the run's cell.json, or "-". */
    private static String label(Path runDir) {
        Path f = CellRecord.file(runDir);
        try {
            String l = Files.isRegularFile(f) ? CellRecord.of(AtomicFiles.readJson(f)).label() : null;
            return l == null || l.isBlank() ? "-" : l;
        } catch (RuntimeException e) {
            return "-";
        }
    }

    /** The run's config.json, or an empty map. */
    private static Map<String, Object> config(Path runDir) {
        try {
            Map<String, Object> stored = ConfigFile.stored(runDir);
            return stored == null ? Map.of() : stored;
        } catch (RuntimeException e) {
            return Map.of();
        }
    }

    /** Problems with records (unreadable, copy missing), for the report's warnings. */
    List<String> warnings() {
        return List.copyOf(warnings);
    }

    /** Every record met, in the order met. */
    List<RecordedSpec> recorded() {
        List<RecordedSpec> out = new ArrayList<>();
        shownDirs.forEach((dir, shown) -> {
            SpecRecord r = records.get(dir).orElseThrow();
            List<RecordedSpec.OtherCell> others = new ArrayList<>();
            outside.getOrDefault(dir, Map.of()).forEach((cell, n) -> others.add(new RecordedSpec.OtherCell(cell,
                    labels.get(dir).get(cell), n, configs.get(dir).get(cell))));
            int cut = shown.lastIndexOf('/');
            String results = cut < 0 ? "." : cut == 0 ? "/" : shown.substring(0, cut);
            out.add(new RecordedSpec(dir.getFileName().toString(), shown, results, r, List.copyOf(others),
                    otherRuns.getOrDefault(dir, 0), allCells));
        });
        return out;
    }
}
