package dev.ablate4j.report;

import dev.ablate4j.stats.Interval;
import dev.ablate4j.stats.Tost;
import dev.ablate4j.stats.Verdict;

/**
 * One line of the verdict table: a comparison in one environment, its estimate and interval, the
 * tests behind the verdict, and the verdict with its rule.
 *
 * @param env        environment
 * @param design     "fixed" (a config against the baseline), "adaptive: &lt;spec&gt;", "AAI/ACLI" or
 *                   "reference" (the baseline against another implementation's sample)
 * @param x          first config (null for ACLI − AAI and a main effect)
 * @param y          second config (null for ACLI − AAI, a main effect and a reference sample)
 * @param comparison what is compared, e.g. {@code paper:ppo-m vs paper:ppo}, {@code ACLI − AAI} or
 *                   {@code main effect value-clip (on − off)}
 * @param nX         runs of x (0 for ACLI − AAI and a main effect)
 * @param nY         runs of y (0 for ACLI − AAI and a main effect)
 * @param estimate   mean x − mean y, ACLI − AAI, or a main effect (mean on − mean off)
 * @param interval   the report's interval of the estimate
 * @param holmP      Holm-adjusted Welch p (fixed design); the plain Welch p of a reference row (a single
 *                   comparison, a family of one); else NaN
 * @param tost       TOST with the margin, or null without a margin
 * @param smallestMargin smallest margin TOST at α can declare equivalence for (NaN for ACLI − AAI)
 * @param verdict    the verdict and its rule
 * @param reference  the label of the reference sample in place of y ({@link ReferenceSample}), else null
 */
public record VerdictRow(String env, String design, ResultCell x, ResultCell y, String comparison, int nX, int nY,
        double estimate, Interval interval, double holmP, Tost.Result tost, double smallestMargin, Verdict verdict,
        String reference) {

    /** Design tag of a comparison with a reference sample. */
    public static final String REFERENCE = "reference";
    /** How a main effect decided by an adaptive design starts its comparison: {@code main effect value-clip (on − off)}. */
    public static final String MAIN_EFFECT = "main effect ";

    /** A row of two configs' runs or of ACLI − AAI (no reference sample). */
    public VerdictRow(String env, String design, ResultCell x, ResultCell y, String comparison, int nX, int nY,
            double estimate, Interval interval, double holmP, Tost.Result tost, double smallestMargin, Verdict verdict) {
        this(env, design, x, y, comparison, nX, nY, estimate, interval, holmP, tost, smallestMargin, verdict, null);
    }

    /** Whether the row compares a config's runs with a reference sample (y is then null). */
    public boolean isReference() {
        return reference != null;
    }

    /** Whether the row has two samples of runs, so n and the smallest margin apply (a pair or a reference). */
    public boolean hasSamples() {
        return isPair() || isReference();
    }

    /** Whether the row is a main effect of an adaptive design's factorial (x and y are then null). */
    public boolean isMainEffect() {
        return x == null && y == null && comparison.startsWith(MAIN_EFFECT);
    }

    /** Whether the row compares two configs' runs (not AAI/ACLI). */
    public boolean isPair() {
        return x != null && y != null;
    }
}
