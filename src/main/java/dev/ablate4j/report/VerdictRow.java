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
 * @param x          first config (null for ACLI − AAI)
 * @param y          second config (null for ACLI − AAI and for a reference sample)
 * @param comparison what is compared, e.g. {@code paper:ppo-m vs paper:ppo} or {@code ACLI − AAI}
 * @param nX         runs of x (0 for ACLI − AAI)
 * @param nY         runs of y (0 for ACLI − AAI)
 * @param estimate   mean x − mean y, or ACLI − AAI
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

    /** Whether the row compares two configs' runs (not AAI/ACLI). */
    public boolean isPair() {
        return x != null && y != null;
    }
}
