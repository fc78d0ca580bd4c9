package dev.ablate4j.report;

/** Input the report or compare command cannot use at all; the message names the file/key/flag. */
public final class BadInputException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public BadInputException(String message) {
        super(message);
    }
}
