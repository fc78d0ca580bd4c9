package dev.ablate4j.adaptive;

/**
 * A comparison to decide, between two cells of a spec named by their labels
 * ({@code "ppo vs ppo-m"}); it is tested on every environment of the spec.
 */
public record Comparison(String left, String right) {

    /** The word between the two labels. */
    public static final String VS = " vs ";

    /** Parses {@code "A vs B"}; IllegalArgumentException naming what is wrong. */
    public static Comparison parse(String text) {
        int at = text.indexOf(VS);
        if (at < 0 || text.indexOf(VS, at + 1) >= 0) {
            throw new IllegalArgumentException("'" + text + "' is not a comparison like 'ppo vs ppo-m'"
                    + " (two cell labels joined by ' vs ')");
        }
        String left = text.substring(0, at).strip();
        String right = text.substring(at + VS.length()).strip();
        if (left.isEmpty() || right.isEmpty()) {
            throw new IllegalArgumentException("'" + text + "' lacks a cell label on one side of 'vs'");
        }
        if (left.equals(right)) {
            throw new IllegalArgumentException("'" + text + "' compares a cell with itself");
        }
        return new Comparison(left, right);
    }

    /** {@code "A vs B"}. */
    public String text() {
        return left + VS + right;
    }
}
