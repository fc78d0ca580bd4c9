package dev.ablate4j.matrix;

/**
 * A spec file, a results directory or a command's matrix options that cannot be accepted. The
 * message is one line naming the file (with line and column for malformed YAML), the key and what
 * is allowed; the commands turn it into exit code 2 with nothing written.
 */
public final class SpecException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public SpecException(String message) {
        super(message);
    }
}
