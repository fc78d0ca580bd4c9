package dev.ablate4j.env;

/** Thrown for an environment id that is not registered; the message lists the registered ids. */
public final class UnknownEnvException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public UnknownEnvException(String message) {
        super(message);
    }
}
