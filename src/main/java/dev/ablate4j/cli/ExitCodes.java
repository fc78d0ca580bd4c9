package dev.ablate4j.cli;

/** Process exit codes of every command. */
public final class ExitCodes {
    public static final int OK = 0;
    /** An unexpected error (a bug or an I/O failure). */
    public static final int FAILED = 1;
    /** Bad input: a flag, key, value or file that is not allowed. Nothing was written. */
    public static final int BAD_INPUT = 2;
    /** A training diverged (recorded in its provenance) or, for matrix, some runs did not finish. */
    public static final int DIVERGED = 3;
    /**
     * {@code plan --next-round}: nothing to train now, yet not complete: the round waits on runs that
     * failed (failure.json, or finished with damaged files) until {@code matrix --retry-failed} reruns
     * them. Distinct from 0 (runs listed, or complete with nothing listed).
     */
    public static final int WAITING = 4;

    private ExitCodes() {}
}
