package dev.ablate4j.results;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code failure.json}: how a matrix run that did not finish ended — diverged (at {@code iteration})
 * or failed (with {@code error}). Its keys are provenance's ({@link Provenance#STATUS},
 * {@link Provenance#ENV_STEPS}, {@link Provenance#ERROR}) plus {@code iteration}, in the order
 * status, iteration, env_steps, error.
 */
public record FailureRecord(RunStatus status, Integer iteration, Long envSteps, String error) {

    public static final String ITERATION = "iteration";

    /** Whether the run diverged (a result: it stays recorded) rather than failed (retried by the next matrix). */
    public boolean diverged() {
        return status == RunStatus.DIVERGED;
    }

    /** Writes it into {@code runDir}, atomically. */
    public void write(Path runDir) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put(Provenance.STATUS, status.word());
        m.put(ITERATION, iteration);
        m.put(Provenance.ENV_STEPS, envSteps);
        m.put(Provenance.ERROR, error);
        AtomicFiles.writeJson(file(runDir), m);
    }

    /** Where a run directory's {@code failure.json} is. */
    public static Path file(Path runDir) {
        return runDir.resolve(RunFiles.FAILURE);
    }

    /**
     * The recorded failure of a run, or null; an unreadable file counts as a failure saying so. Any
     * status but {@code diverged} reads as failed.
     */
    public static FailureRecord read(Path runDir) {
        Path f = file(runDir);
        if (!Files.isRegularFile(f)) {
            return null;
        }
        Map<String, Object> m;
        try {
            m = AtomicFiles.readJson(f);
        } catch (RuntimeException e) {
            return new FailureRecord(RunStatus.FAILED, null, null, "unreadable " + RunFiles.FAILURE);
        }
        RunStatus status = RunStatus.of(m.get(Provenance.STATUS)) == RunStatus.DIVERGED ? RunStatus.DIVERGED
                : RunStatus.FAILED;
        Integer iteration = m.get(ITERATION) instanceof Number n ? n.intValue() : null;
        Long envSteps = m.get(Provenance.ENV_STEPS) instanceof Number n ? n.longValue() : null;
        Object error = m.get(Provenance.ERROR);
        return new FailureRecord(status, iteration, envSteps, error == null ? null : error.toString());
    }
}
