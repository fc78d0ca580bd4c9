package dev.ablate4j.tensorboard;

import dev.ablate4j.matrix.MatrixFiles;
import dev.ablate4j.results.CorruptFileException;
import dev.ablate4j.results.CsvTable;
import dev.ablate4j.results.JsonObjects;
import dev.ablate4j.results.Provenance;
import dev.ablate4j.results.RunDirs;
import dev.ablate4j.results.RunFiles;
import dev.ablate4j.results.RunStatus;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What one run directory holds, as read for export: its config, cell, provenance and CSV tables.
 * A run that is still being written (no {@code DONE} marker) is read up to its last complete line.
 *
 * @param dir        the run directory
 * @param shown      how messages name it
 * @param config     {@code config.json}
 * @param cell       {@code cell.json} (empty for a run that {@code train} wrote)
 * @param provenance {@code provenance.json} (empty when missing)
 * @param metrics    {@code metrics.csv}
 * @param episodes   {@code episodes.csv}, or null when absent
 * @param trust      {@code trust_region.csv}, or null when absent
 * @param timing     {@code timing.csv}, or null when absent or unreadable (it only places wall times)
 * @param done       whether the {@code DONE} marker exists
 */
public record RunData(Path dir, String shown, Map<String, Object> config, Map<String, Object> cell,
        Map<String, Object> provenance, CsvTable metrics, CsvTable episodes, CsvTable trust, CsvTable timing,
        boolean done) {

    /** Reads {@code dir}; CorruptFileException names the file that cannot be used. */
    public static RunData read(Path dir, String shown) throws CorruptFileException, IOException {
        boolean done = RunFiles.isDone(dir);
        if (!Files.isRegularFile(dir.resolve(RunFiles.CONFIG))) {
            throw new CorruptFileException(shown + ": no " + RunFiles.CONFIG);
        }
        Map<String, Object> config = json(dir, RunFiles.CONFIG, shown);
        Map<String, Object> cell = json(dir, MatrixFiles.CELL, shown);
        Map<String, Object> provenance = json(dir, RunFiles.PROVENANCE, shown);
        CsvTable metrics = csv(dir, RunFiles.METRICS, shown, done, List.of("iteration", Tags.STEP_COLUMN));
        if (metrics == null) {
            throw new CorruptFileException(shown + ": no " + RunFiles.METRICS);
        }
        CsvTable episodes = csv(dir, RunFiles.EPISODES, shown, done, List.of(Tags.STEP_COLUMN));
        CsvTable trust = csv(dir, RunFiles.TRUST_REGION, shown, done, List.of("iteration"));
        CsvTable timing;
        try {
            timing = csv(dir, RunFiles.TIMING, shown, done, List.of("iteration", "total_seconds"));
        } catch (CorruptFileException e) {
            timing = null;
        }
        return new RunData(dir, shown, config, cell, provenance, metrics, episodes, trust, timing, done);
    }

    /** The environment id ({@code env} in config.json). */
    public String env() {
        Object env = config.get("env");
        return env == null ? "unknown-env" : env.toString();
    }

    /** The seed (config.json, else the {@code seed-<n>} directory name, else -1). */
    public long seed() {
        if (config.get("seed") instanceof Number n) {
            return n.longValue();
        }
        return RunDirs.seedOf(dir);
    }

    /** The spec name from cell.json; null for a run that {@code train} wrote. */
    public String spec() {
        Object s = cell.get("spec");
        return s == null || s.toString().isBlank() ? null : s.toString();
    }

    /** The cell id from cell.json, or null. */
    public String cellId() {
        Object c = cell.get("cell");
        return c == null ? null : c.toString();
    }

    /** The cell's label from cell.json, else its id, else the run directory's name. */
    public String label() {
        Object l = cell.get("label");
        if (l != null && !l.toString().isBlank()) {
            return l.toString();
        }
        if (cellId() != null) {
            return cellId();
        }
        return dir.toAbsolutePath().normalize().getFileName().toString();
    }

    /** The run's status: provenance's once it has ended, else done or running from the marker. */
    public RunStatus status() {
        RunStatus s = Provenance.status(provenance);
        if (s != null && s.ended()) {
            return s;
        }
        return done ? RunStatus.DONE : RunStatus.RUNNING;
    }

    /** The JSON object in {@code dir/name}, empty when the file is absent. */
    private static Map<String, Object> json(Path dir, String name, String shown)
            throws CorruptFileException, IOException {
        Path file = dir.resolve(name);
        return Files.isRegularFile(file) ? JsonObjects.read(file, shown + "/" + name) : Map.of();
    }

    /** The table, or null when the file is absent; a running run's table ends at its last full line. */
    private static CsvTable csv(Path dir, String name, String shown, boolean done, List<String> required)
            throws CorruptFileException, IOException {
        Path file = dir.resolve(name);
        if (!Files.isRegularFile(file)) {
            return null;
        }
        if (done) {
            return CsvTable.read(file, shown + "/" + name, required);
        }
        String text = Files.readString(file, StandardCharsets.UTF_8);
        int end = text.lastIndexOf('\n');
        return CsvTable.read(new StringReader(end < 0 ? text : text.substring(0, end + 1)), shown + "/" + name,
                required);
    }
}
