package dev.ablate4j.results;

/** A results file that cannot be parsed; the message names the file and, for CSV, the line. */
public final class CorruptFileException extends Exception {

    private static final long serialVersionUID = 1L;

    public CorruptFileException(String message) {
        super(message);
    }
}
