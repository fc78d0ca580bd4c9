package dev.ablate4j.matrix;

import dev.ablate4j.run.AtomicFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Files the matrix adds to a run directory, next to the run's own ({@link dev.ablate4j.run.RunFiles}).
 */
public final class MatrixFiles {

    /** {@code {"spec", "cell", "label", "preset", "factors", "varied"}}: which cell a run belongs to. */
    public static final String CELL = "cell.json";
    /** {@code {"status": "diverged"|"failed", "iteration", "env_steps", "error"}} of a run that did not finish. */
    public static final String FAILURE = "failure.json";
    /** The claim of the process running the run (owner and heartbeat); removed when it stops. */
    public static final String LOCK = "LOCK";

    private MatrixFiles() {}

    /** The recorded failure of a run, or null. */
    public static Map<String, Object> failure(Path runDir) {
        Path f = runDir.resolve(FAILURE);
        if (!Files.isRegularFile(f)) {
            return null;
        }
        try {
            return AtomicFiles.readJson(f);
        } catch (RuntimeException e) {
            return Map.of("status", "failed", "error", "unreadable " + FAILURE);
        }
    }
}
