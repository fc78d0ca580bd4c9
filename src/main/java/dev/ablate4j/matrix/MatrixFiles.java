package dev.ablate4j.matrix;

import dev.ablate4j.results.AtomicFiles;
import dev.ablate4j.results.Provenance;
import dev.ablate4j.results.RunStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Files the matrix adds to a run directory, next to the run's own ({@link dev.ablate4j.results.RunFiles}).
 */
public final class MatrixFiles {

    /** {@code {"spec", "cell", "label", "preset", "factors", "varied"}}: which cell a run belongs to. */
    public static final String CELL = "cell.json";
    /** A {@link Failure}: how a run that did not finish ended. */
    public static final String FAILURE = "failure.json";
    /** The claim of the process running the run (owner and heartbeat); removed when it stops. */
    public static final String LOCK = "LOCK";

    private static final String ITERATION = "iteration";

    private MatrixFiles() {}

    /**
     * {@code failure.json}: a run that diverged (at {@code iteration}) or failed (with {@code error}).
     * Its keys are provenance's ({@link Provenance#STATUS}, {@link Provenance#ENV_STEPS},
     * {@link Provenance#ERROR}) plus {@code iteration}.
     */
    public record Failure(RunStatus status, Integer iteration, Long envSteps, String error) {

        /** Whether the run diverged (a result: it stays recorded) rather than failed (retried by the next matrix). */
        public boolean diverged() {
            return status == RunStatus.DIVERGED;
        }

        /** Writes it into {@code runDir}. */
        public void write(Path runDir) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put(Provenance.STATUS, status.word());
            m.put(ITERATION, iteration);
            m.put(Provenance.ENV_STEPS, envSteps);
            m.put(Provenance.ERROR, error);
            AtomicFiles.writeJson(runDir.resolve(FAILURE), m);
        }
    }

    /** The recorded failure of a run, or null; an unreadable file counts as a failure saying so. */
    public static Failure failure(Path runDir) {
        Path f = runDir.resolve(FAILURE);
        if (!Files.isRegularFile(f)) {
            return null;
        }
        Map<String, Object> m;
        try {
            m = AtomicFiles.readJson(f);
        } catch (RuntimeException e) {
            return new Failure(RunStatus.FAILED, null, null, "unreadable " + FAILURE);
        }
        RunStatus status = RunStatus.of(m.get(Provenance.STATUS)) == RunStatus.DIVERGED ? RunStatus.DIVERGED
                : RunStatus.FAILED;
        Integer iteration = m.get(ITERATION) instanceof Number n ? n.intValue() : null;
        Long envSteps = m.get(Provenance.ENV_STEPS) instanceof Number n ? n.longValue() : null;
        Object error = m.get(Provenance.ERROR);
        return new Failure(status, iteration, envSteps, error == null ? null : error.toString());
    }
}
