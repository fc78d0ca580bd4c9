package dev.ablate4j.config;

/** A configuration value or key that is not allowed; the message names the key and what is allowed. */
public final class ConfigException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public ConfigException(String message) {
        super(message);
    }
}
