package dev.ablate4j.policy;

/**
 * A policy that cannot be used: a {@code policy.json} that is unreadable, not of this format, or
 * inconsistent (sizes that do not chain, a non-finite number). The message names the key and what
 * is allowed, in one line.
 */
public final class BadPolicyException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public BadPolicyException(String message) {
        super(message);
    }
}
