package dev.ablate4j.results;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code cell.json}: which matrix cell a run belongs to, written by {@code matrix} into every run
 * directory it starts or copies. Keys in this order:
 * <pre>
 * {"spec": "quickstart", "cell": "3f2a…", "label": "ppo", "preset": "ppo", "design": "factorial",
 *  "factors": {"value-clip": false}, "varied": ["value-clip"], "reused_from": "paper-table2"}
 * </pre>
 * {@code reused_from} is present only in a run copied from another spec (it names the donor spec).
 * Readers tolerate any key missing (older or hand-made trees): {@link #read} gives nulls and empty
 * collections for them.
 *
 * @param spec       the spec's name, or null
 * @param cell       the cell id, or null
 * @param label      the cell's label, or null
 * @param preset     the preset the cell starts from, or null
 * @param design     the spec's design ({@code factorial}, {@code one-at-a-time}), or null
 * @param factors    the cell's factor values in file order (empty when none)
 * @param varied     the keys the spec varies (empty when none)
 * @param reusedFrom the spec whose run was copied here, or null for a run trained here
 */
public record CellRecord(String spec, String cell, String label, String preset, String design,
        Map<String, Object> factors, List<String> varied, String reusedFrom) {

    public static final String SPEC = "spec";
    public static final String CELL = "cell";
    public static final String LABEL = "label";
    public static final String PRESET = "preset";
    public static final String DESIGN = "design";
    public static final String FACTORS = "factors";
    public static final String VARIED = "varied";
    public static final String REUSED_FROM = "reused_from";

    /** The same cell, recorded as copied from {@code donorSpec}. */
    public CellRecord reusedFrom(String donorSpec) {
        return new CellRecord(spec, cell, label, preset, design, factors, varied, donorSpec);
    }

    /** The file's content, keys in the documented order. */
    public Map<String, Object> json() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put(SPEC, spec);
        m.put(CELL, cell);
        m.put(LABEL, label);
        m.put(PRESET, preset);
        m.put(DESIGN, design);
        m.put(FACTORS, factors);
        m.put(VARIED, varied);
        if (reusedFrom != null) {
            m.put(REUSED_FROM, reusedFrom);
        }
        return m;
    }

    /** Writes {@code cell.json} into {@code runDir}, atomically. */
    public void write(Path runDir) {
        AtomicFiles.writeJson(file(runDir), json());
    }

    /** Where a run directory's {@code cell.json} is. */
    public static Path file(Path runDir) {
        return runDir.resolve(RunFiles.CELL);
    }

    /**
     * The {@code cell.json} of a run: in the run directory, else in its parents up to two levels
     * (the {@code cell/env/seed} layout of older trees); null when there is none.
     */
    public static Path find(Path runDir) {
        Path p = runDir;
        for (int up = 0; up < 3 && p != null; up++, p = p.getParent()) {
            if (Files.isRegularFile(file(p))) {
                return file(p);
            }
        }
        return null;
    }

    /**
     * Reads {@code file}; a file that is not a JSON object is a CorruptFileException naming it as
     * {@code shown}. Values of another type than documented read as absent.
     */
    public static CellRecord read(Path file, String shown) throws CorruptFileException, IOException {
        return of(JsonObjects.read(file, shown));
    }

    /** The record of a parsed {@code cell.json} object. */
    public static CellRecord of(Map<String, Object> m) {
        Map<String, Object> factors = new LinkedHashMap<>();
        if (m.get(FACTORS) instanceof Map<?, ?> f) {
            f.forEach((k, v) -> factors.put(k.toString(), v));
        }
        List<String> varied = m.get(VARIED) instanceof List<?> l ? l.stream().map(String::valueOf).toList() : List.of();
        return new CellRecord(text(m.get(SPEC)), text(m.get(CELL)), text(m.get(LABEL)), text(m.get(PRESET)),
                text(m.get(DESIGN)), factors, varied, text(m.get(REUSED_FROM)));
    }

    private static String text(Object v) {
        return v == null ? null : v.toString();
    }
}
