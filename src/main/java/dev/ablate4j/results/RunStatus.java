package dev.ablate4j.results;

/**
 * Where a run stands, as {@code provenance.json} records it under {@link Provenance#STATUS} (and
 * {@code failure.json} for a matrix run that did not finish). The words are the file format; the
 * constants are how code speaks of them.
 */
public enum RunStatus {
    /** Started and not yet ended (or stopped without a trace: a kill leaves this). */
    RUNNING("running"),
    /** Trained to its last iteration; the {@link RunFiles#DONE} marker exists. */
    DONE("done"),
    /** Stopped at a non-finite loss or parameter (the iteration is recorded). */
    DIVERGED("diverged"),
    /** Stopped by an error (the message is recorded). */
    FAILED("failed");

    private final String word;

    RunStatus(String word) {
        this.word = word;
    }

    /** The word written to the run's files. */
    public String word() {
        return word;
    }

    /** Whether training ended (done, diverged or failed): nothing more will be written. */
    public boolean ended() {
        return this != RUNNING;
    }

    /** The status a file's value names, or null for a missing or unknown value (a file from elsewhere). */
    public static RunStatus of(Object recorded) {
        if (recorded == null) {
            return null;
        }
        for (RunStatus s : values()) {
            if (s.word.equals(recorded.toString())) {
                return s;
            }
        }
        return null;
    }

    @Override
    public String toString() {
        return word;
    }
}
