package dev.ablate4j.tensorboard;

import dev.ablate4j.results.CellRecord;
import dev.ablate4j.results.ConfigFile;
import dev.ablate4j.results.CorruptFileException;
import dev.ablate4j.results.CsvTable;
import dev.ablate4j.results.JsonObjects;
import dev.ablate4j.results.ProvenanceFile;
import dev.ablate4j.results.RunCsv;
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
 * @param configFile {@code config.json}
 * @param cell       {@code cell.json} (every field null for a run that {@code train} wrote)
 * @param provenance {@code provenance.json} (empty when missing)
 * @param metrics    {@code metrics.csv}
 * @param episodes   {@code episodes.csv}, or null when absent
 * @param trust      {@code trust_region.csv}, or null when absent
 * @param timing     {@code timing.csv}, or null when absent or unreadable (it only places wall times)
 * @param done       whether the {@code DONE} marker exists
 */
public record RunData(Path dir, String shown, ConfigFile configFile, CellRecord cell,
        ProvenanceFile provenance, CsvTable metrics, CsvTable episodes, CsvTable trust, CsvTable timing,
        boolean done) {

    /** Reads {@code dir}; CorruptFileException names the file that cannot be used. */
    public static RunData read(Path dir, String shown) throws CorruptFileException, IOException {
        boolean done = RunFiles.isDone(dir);
        if (!ConfigFile.exists(dir)) {
            throw new CorruptFileException(shown + ": no " + RunFiles.CONFIG);
        }
        ConfigFile config = ConfigFile.read(dir, shown);
        Path cellFile = CellRecord.file(dir);
        CellRecord cell = CellRecord.of(Files.isRegularFile(cellFile)
                ? JsonObjects.read(cellFile, shown + "/" + RunFiles.CELL) : Map.of());
        ProvenanceFile provenance = ProvenanceFile.read(dir, shown);
        CsvTable metrics = csv(dir, RunCsv.METRICS, shown, done, RunCsv.ITERATION, Tags.STEP_COLUMN);
        if (metrics == null) {
            throw new CorruptFileException(shown + ": no " + RunFiles.METRICS);
        }
        CsvTable episodes = csv(dir, RunCsv.EPISODES, shown, done, Tags.STEP_COLUMN);
        CsvTable trust = csv(dir, RunCsv.TRUST_REGION, shown, done, RunCsv.ITERATION);
        CsvTable timing;
        try {
            timing = csv(dir, RunCsv.TIMING, shown, done, RunCsv.ITERATION, RunCsv.TOTAL_SECONDS);
        } catch (CorruptFileException e) {
            timing = null;
        }
        return new RunData(dir, shown, config, cell, provenance, metrics, episodes, trust, timing, done);
    }

    /** The resolved config ({@code config.json}), keys sorted. */
    public Map<String, Object> config() {
        return configFile.values();
    }

    /** The environment id ({@code env} in config.json). */
    public String env() {
        String env = configFile.env();
        return env == null ? "unknown-env" : env;
    }

    /** The seed (config.json, else the {@code seed-<n>} directory name, else -1). */
    public long seed() {
        Long seed = configFile.seed();
        return seed != null ? seed : RunDirs.seedOf(dir);
    }

    /** The spec name from cell.json; null for a run that {@code train} wrote. */
    public String spec() {
        String s = cell.spec();
        return s == null || s.isBlank() ? null : s;
    }

    /** The cell id from cell.json, or null. */
    public String cellId() {
        return cell.cell();
    }

    /** The cell's label from cell.json, else its id, else the run directory's name. */
    public String label() {
        String l = cell.label();
        if (l != null && !l.isBlank()) {
            return l;
        }
        if (cellId() != null) {
            return cellId();
        }
        return dir.toAbsolutePath().normalize().getFileName().toString();
    }

    /** The run's status: provenance's once it has ended, else done or running from the marker. */
    public RunStatus status() {
        RunStatus s = provenance.status();
        if (s != null && s.ended()) {
            return s;
        }
        return done ? RunStatus.DONE : RunStatus.RUNNING;
    }

    /** The table, or null when the file is absent; a running run's table ends at its last full line. */
    private static CsvTable csv(Path dir, RunCsv schema, String shown, boolean done, String... required)
            throws CorruptFileException, IOException {
        Path file = schema.file(dir);
        if (!Files.isRegularFile(file)) {
            return null;
        }
        if (done) {
            return schema.read(dir, shown, required);
        }
        String name = schema.name();
        String text = Files.readString(file, StandardCharsets.UTF_8);
        int end = text.lastIndexOf('\n');
        return CsvTable.read(new StringReader(end < 0 ? text : text.substring(0, end + 1)), shown + "/" + name,
                List.of(required));
    }
}
