package dev.ablate4j.report;

import dev.ablate4j.stats.Interval;
import dev.ablate4j.stats.Tost;
import dev.ablate4j.stats.Verdict;

/**
 * One line of the verdict table: a comparison in one environment, its estimate and interval, the
 * tests behind the verdict, and the verdict with its rule.
 *
 * @param env        environment
 * @param design     "fixed" (a config against the baseline), "adaptive: &lt;spec&gt;" or "AAI/ACLI"
 * @param x          first config (null for ACLI − AAI)
 * @param y          second config (null for ACLI − AAI)
 * @param comparison what is compared, e.g. {@code paper:ppo-m vs paper:ppo} or {@code ACLI − AAI}
 * @param nX         runs of x (0 for ACLI − AAI)
 * @param nY         runs of y (0 for ACLI − AAI)
 * @param estimate   mean x − mean y, or ACLI − AAI
 * @param interval   the report's interval of the estimate
 * @param holmP      Holm-adjusted Welch p (fixed design), else NaN
 * @param tost       TOST with the margin, or null without a margin
 * @param smallestMargin smallest margin TOST at α can declare equivalence for (NaN for ACLI − AAI)
 * @param verdict    the verdict and its rule
 */
public record VerdictRow(String env, String design, ResultCell x, ResultCell y, String comparison, int nX, int nY,
        double estimate, Interval interval, double holmP, Tost.Result tost, double smallestMargin, Verdict verdict) {

    /** Whether the row compares two configs' runs (not AAI/ACLI). */
    public boolean isPair() {
        return x != null && y != null;
    }
}
