package dev.ablate4j.adaptive;

/**
 * What the finished results say about one run (cell, environment, seed).
 *
 * @param kind whether the run is finished and whether its final return enters the statistics
 * @param value its final return when {@code kind} is {@link Kind#USED}, else NaN
 */
public record Outcome(Kind kind, double value) {

    /** The states a run can be in, for the round logic. */
    public enum Kind {
        /** Not finished (not started, running, interrupted, or failed and waiting for --retry-failed). */
        PENDING,
        /** Finished, and its final return enters the statistics. */
        USED,
        /** Finished but left out of the statistics, as the report leaves it out (diverged, corrupt, ...). */
        LEFT_OUT
    }

    public static final Outcome PENDING = new Outcome(Kind.PENDING, Double.NaN);
    public static final Outcome LEFT_OUT = new Outcome(Kind.LEFT_OUT, Double.NaN);

    /** A finished run whose final return is {@code value}. */
    public static Outcome used(double value) {
        return new Outcome(Kind.USED, value);
    }
}
