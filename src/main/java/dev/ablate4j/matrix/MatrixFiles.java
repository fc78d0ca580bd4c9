package dev.ablate4j.matrix;

/**
 * The file the matrix keeps in a run directory while a process runs it. The results files the
 * matrix adds ({@code cell.json}, {@code failure.json}) are part of the run-directory format:
 * {@link dev.ablate4j.results.CellRecord} and {@link dev.ablate4j.results.FailureRecord}.
 */
public final class MatrixFiles {

    /** The claim of the process running the run (owner and heartbeat); removed when it stops. */
    public static final String LOCK = "LOCK";

    private MatrixFiles() {}
}
