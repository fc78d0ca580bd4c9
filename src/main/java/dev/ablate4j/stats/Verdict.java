package dev.ablate4j.stats;

import java.util.Locale;

/**
 * The verdict on one comparison, computed from its statistics by a named rule (never written by
 * hand). Exactly one of four:
 * <ul>
 *   <li>{@link Kind#DECIDED}: a difference is shown — the group-sequential boundary was crossed, or
 *       (fixed design) the Holm-adjusted Welch p is below α; {@link #direction} says which side is
 *       higher;</li>
 *   <li>{@link Kind#EQUIVALENT}: no difference shown, and TOST at α declares the means equal within
 *       ±margin;</li>
 *   <li>{@link Kind#NOT_SHOWN_EQUIVALENT}: no difference shown, and TOST does not declare
 *       equivalence within the margin;</li>
 *   <li>{@link Kind#UNDECIDED}: no difference shown and no margin given (or no test possible).</li>
 * </ul>
 * A difference shown takes precedence over equivalence: with a margin wider than a real difference
 * both can hold, and the difference is the finding.
 *
 * @param direction for DECIDED, e.g. {@code "ppo higher"}; "" otherwise
 * @param rule      the rule that gave the verdict, with its numbers
 */
public record Verdict(Kind kind, String direction, String rule) {

    /** Significance level of every verdict. */
    public static final double ALPHA = 0.05;

    /** The five verdicts. */
    public enum Kind {
        DECIDED("decided"),
        UNDECIDED("undecided"),
        /** Not decided yet by an adaptive design that is still adding seeds: its verdict is to come. */
        OPEN("open"),
        EQUIVALENT("equivalent"),
        NOT_SHOWN_EQUIVALENT("not shown equivalent");

        private final String text;

        Kind(String text) {
            this.text = text;
        }

        public String text() {
            return text;
        }
    }

    /** "decided: ppo higher", "equivalent within ±100", "undecided", "open", "not shown equivalent within ±100". */
    public String text(Double margin) {
        return switch (kind) {
            case DECIDED -> "decided: " + direction;
            case UNDECIDED -> "undecided";
            case OPEN -> "open";
            case EQUIVALENT -> "equivalent within ±" + num(margin);
            case NOT_SHOWN_EQUIVALENT -> "not shown equivalent within ±" + num(margin);
        };
    }

    /**
     * A fixed design: decided when the Holm-adjusted Welch p is below α (direction from the sign of
     * mean x − mean y); otherwise TOST with {@code margin} when one is given, else undecided.
     *
     * @param tost TOST of x against y with the margin, or null when no margin is given
     */
    public static Verdict fixed(String xName, String yName, double diff, double holmP, Tost.Result tost) {
        if (holmP < ALPHA) {
            return new Verdict(Kind.DECIDED, higher(xName, yName, diff),
                    "Holm-adjusted Welch " + p(holmP) + ", below α = " + num(ALPHA));
        }
        String noDiff = Double.isNaN(holmP) ? "Welch test not computable"
                : "Holm-adjusted Welch " + p(holmP) + ", not below α = " + num(ALPHA);
        return equivalenceOr(noDiff, tost);
    }

    /**
     * A single comparison outside any family (the baseline against another implementation's sample):
     * the rule of {@link #fixed} with the plain Welch p, which is the Holm-adjusted p of a family of
     * one — decided when it is below α, otherwise TOST with {@code margin} when one is given, else
     * undecided. The rule says that the comparison is not in the Holm family.
     *
     * @param tost TOST of x against y with the margin, or null when no margin is given
     */
    public static Verdict single(String xName, String yName, double diff, double welchP, Tost.Result tost) {
        String what = "Welch " + p(welchP) + " (a single comparison, not in the Holm family)";
        if (welchP < ALPHA) {
            return new Verdict(Kind.DECIDED, higher(xName, yName, diff), what + ", below α = " + num(ALPHA));
        }
        String noDiff = Double.isNaN(welchP) ? "Welch test not computable" : what + ", not below α = " + num(ALPHA);
        return equivalenceOr(noDiff, tost);
    }

    /**
     * A group-sequential design: decided when |z| reached the boundary at a look (direction from the
     * sign of z); otherwise TOST when a margin is given; otherwise undecided once the design has
     * passed its last look for the test, or open while it is still adding seeds.
     *
     * @param crossed whether the boundary was crossed
     * @param open whether the design is still testing it (looks left, not crossed)
     * @param describe the design's own account, e.g. "decided at look 2 of 2 (10 seeds): |z| 3.41 ≥ 1.97"
     */
    public static Verdict sequential(String xName, String yName, boolean crossed, boolean open, double z,
            String describe, Tost.Result tost) {
        if (crossed) {
            return new Verdict(Kind.DECIDED, higher(xName, yName, z), "group-sequential boundary: " + describe);
        }
        Verdict v = equivalenceOr("group-sequential boundary not crossed: " + describe, tost);
        return open && v.kind() == Kind.UNDECIDED ? new Verdict(Kind.OPEN, "", v.rule()) : v;
    }

    /**
     * A difference of two estimates (e.g. ACLI − AAI): decided which is larger when its interval
     * excludes 0, else undecided.
     */
    public static Verdict interval(String xName, String yName, Interval ci, String method) {
        String rule = String.format(Locale.ROOT, "%s of %s − %s %s", method, xName, yName, ci(ci));
        if (ci.lo() > 0) {
            return new Verdict(Kind.DECIDED, xName + " larger", rule + " excludes 0");
        }
        if (ci.hi() < 0) {
            return new Verdict(Kind.DECIDED, yName + " larger", rule + " excludes 0");
        }
        return new Verdict(Kind.UNDECIDED, "", rule + (ci.isFinite() ? " holds 0" : " not available"));
    }

    private static Verdict equivalenceOr(String noDiff, Tost.Result tost) {
        if (tost == null) {
            return new Verdict(Kind.UNDECIDED, "", noDiff);
        }
        String t = "TOST (two one-sided Welch t-tests) at ±" + num(tost.margin()) + ": " + p(tost.p());
        if (tost.equivalent(ALPHA)) {
            return new Verdict(Kind.EQUIVALENT, "", noDiff + "; " + t + ", below α = " + num(ALPHA));
        }
        return new Verdict(Kind.NOT_SHOWN_EQUIVALENT, "", noDiff + "; " + t
                + (Double.isNaN(tost.p()) ? " (not computable)" : ", not below α = " + num(ALPHA)));
    }

    private static String higher(String xName, String yName, double sign) {
        return (sign > 0 ? xName : yName) + " higher";
    }

    static String num(Double v) {
        if (v == null || Double.isNaN(v)) {
            return "n/a";
        }
        return new java.math.BigDecimal(v).round(new java.math.MathContext(4)).stripTrailingZeros().toPlainString();
    }

    private static String p(double p) {
        if (Double.isNaN(p)) {
            return "p n/a";
        }
        return p < 0.001 ? "p < 0.001" : String.format(Locale.ROOT, "p = %.3f", p);
    }

    private static String ci(Interval i) {
        return "[" + num(i.lo()) + ", " + num(i.hi()) + "]";
    }
}
