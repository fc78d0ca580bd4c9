package dev.ablate4j.report;

/** Input the report or compare command cannot use at all; the message names the file/key/flag. */
public final class ReportInputException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ReportInputException(String message) {
        super(message);
    }
}
