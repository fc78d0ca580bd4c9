package dev.ablate4j.matrix;

import java.util.Arrays;
import java.util.stream.Collectors;

/** How a spec's factors are expanded into cells. */
public enum Design {
    /** Every combination of the factors' values (the default). */
    FACTORIAL("factorial"),
    /**
     * The base cell plus, for each factor, one cell per value that differs from the base, with only
     * that factor changed: the paper's "leave one out" (around a full preset) or "add one in" (around
     * a minimal one) views.
     */
    ONE_AT_A_TIME("one-at-a-time");

    private final String id;

    Design(String id) {
        this.id = id;
    }

    /** The spelling in spec files. */
    public String id() {
        return id;
    }

    /** The design spelled {@code id}, or null. */
    public static Design byId(String id) {
        for (Design d : values()) {
            if (d.id.equals(id)) {
                return d;
            }
        }
        return null;
    }

    /** The allowed spellings, for error messages. */
    public static String ids() {
        return Arrays.stream(values()).map(Design::id).collect(Collectors.joining(", "));
    }
}
