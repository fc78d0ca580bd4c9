package dev.ablate4j.tensorboard;

/** Input the export cannot use at all (a missing results directory, an --out it must not replace); the message says which and what is allowed. */
public final class BadExportException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public BadExportException(String message) {
        super(message);
    }
}
