package dev.ablate4j.results;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code provenance.json} as read back: where a run came from and how it ended (the keys of
 * {@link Provenance}). A typed view over the stored object; every accessor answers null for a key
 * the file does not record (older runs, other tools), and keys it does not know are kept in
 * {@link #values()}.
 *
 * @param values the stored object (keys sorted when read by {@link #read}; empty when the run has none)
 */
public record ProvenanceFile(Map<String, Object> values) {

    /** The status the file records, or null when it records none (or one this version does not know). */
    public RunStatus status() {
        return RunStatus.of(values.get(Provenance.STATUS));
    }

    /** Env steps trained, recorded when the run ended; null before. */
    public Long envSteps() {
        return values.get(Provenance.ENV_STEPS) instanceof Number n ? n.longValue() : null;
    }

    /** The iteration a diverged run stopped at, as recorded (a number), or null. */
    public Object divergedAt() {
        return values.get(Provenance.DIVERGED_AT);
    }

    /** The error a failed run stopped with, or null. */
    public Object error() {
        return values.get(Provenance.ERROR);
    }

    /** The ablate4j version that trained the run, or null. */
    public String version() {
        return text(Provenance.VERSION);
    }

    /** The MuJoCo version loaded when the run trained, or null. */
    public String mujocoVersion() {
        return text(Provenance.MUJOCO_VERSION);
    }

    /** The start time (ISO-8601), or null. */
    public Object start() {
        return values.get(Provenance.START);
    }

    /** The end time (ISO-8601), or null while running. */
    public Object end() {
        return values.get(Provenance.END);
    }

    private String text(String key) {
        Object v = values.get(key);
        return v == null ? null : v.toString();
    }

    /** Where a run directory's {@code provenance.json} is. */
    public static Path file(Path runDir) {
        return runDir.resolve(RunFiles.PROVENANCE);
    }

    /** Writes the object (keys in insertion order) into {@code runDir}, atomically. */
    public static void write(Path runDir, Map<String, ?> provenance) {
        AtomicFiles.writeJson(file(runDir), provenance);
    }

    /** The stored object in file order, to be updated and written back; UncheckedIOException when unreadable. */
    public static Map<String, Object> stored(Path runDir) {
        return AtomicFiles.readJson(file(runDir));
    }

    /**
     * Reads {@code runDir}'s {@code provenance.json}, keys sorted; empty when the run has none. A file
     * that is not a JSON object is a CorruptFileException naming it below {@code shown}.
     */
    public static ProvenanceFile read(Path runDir, String shown) throws CorruptFileException, IOException {
        Path file = file(runDir);
        return new ProvenanceFile(Files.isRegularFile(file)
                ? JsonObjects.read(file, shown + "/" + RunFiles.PROVENANCE)
                : new TreeMap<>());
    }
}
