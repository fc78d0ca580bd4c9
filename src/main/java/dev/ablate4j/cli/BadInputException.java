package dev.ablate4j.cli;

/** Input a command cannot accept (a file, a flag combination); the message says which and what is allowed. */
public final class BadInputException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public BadInputException(String message) {
        super(message);
    }
}
