package dev.ablate4j.stats;

/** A closed interval {@code [lo, hi]}, e.g. a confidence interval; NaN bounds mean "not available". */
public record Interval(double lo, double hi) {

    /** An interval with both bounds NaN. */
    public static final Interval NAN = new Interval(Double.NaN, Double.NaN);

    /** {@code hi − lo}. */
    public double width() {
        return hi - lo;
    }

    /** Whether {@code v} lies within the bounds (inclusive). */
    public boolean contains(double v) {
        return v >= lo && v <= hi;
    }

    /** Whether both bounds are finite numbers. */
    public boolean isFinite() {
        return Double.isFinite(lo) && Double.isFinite(hi);
    }
}
