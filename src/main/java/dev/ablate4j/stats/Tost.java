package dev.ablate4j.stats;

import org.apache.commons.math3.distribution.TDistribution;

/**
 * Two one-sided tests (TOST) for equivalence of two means within ±m, each a Welch t-test (unequal
 * variances, Welch–Satterthwaite df): H₀⁻: μx − μy ≤ −m against μx − μy &gt; −m, and H₀⁺: μx − μy ≥ m
 * against μx − μy &lt; m. Equivalence is declared at level α when both are rejected, i.e. when
 * p = max(p⁻, p⁺) &lt; α — the same as {@code statsmodels.stats.weightstats.ttost_ind(x, y, -m, m,
 * usevar="unequal")} and as two {@code scipy.stats.ttest_ind(..., equal_var=False, alternative=...)}
 * calls on shifted data.
 *
 * <p>TOST at α rejects exactly when the (1 − 2α) Welch interval of μx − μy lies inside (−m, m), so
 * the smallest margin it can declare equivalence for is |Δ| + t₁₋α,df · SE: any larger margin is
 * declared equivalent, that one and any smaller is not.
 */
public final class Tost {

    /**
     * @param diff  mean x − mean y
     * @param se    Welch standard error of the difference
     * @param df    Welch–Satterthwaite degrees of freedom
     * @param pLower p of H₀⁻ (difference ≤ −margin)
     * @param pUpper p of H₀⁺ (difference ≥ margin)
     * @param p     max(pLower, pUpper), the TOST p-value
     */
    public record Result(double margin, double diff, double se, double df, double pLower, double pUpper, double p) {

        /** Whether equivalence within ±margin is declared at {@code alpha}. */
        public boolean equivalent(double alpha) {
            return p < alpha;
        }
    }

    private Tost() {}

    /** TOST of x against y with margin {@code margin} &gt; 0; all NaN when a sample has fewer than two values or both are constant. */
    public static Result test(double[] x, double[] y, double margin) {
        if (!(margin > 0) || Double.isInfinite(margin)) {
            throw new IllegalArgumentException("the equivalence margin must be a positive finite number, got " + margin);
        }
        double[] w = welch(x, y);
        if (w == null) {
            return new Result(margin, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
        double diff = w[0];
        double se = w[1];
        double df = w[2];
        TDistribution t = new TDistribution(null, df);
        double pLower = 1 - t.cumulativeProbability((diff + margin) / se);
        double pUpper = t.cumulativeProbability((diff - margin) / se);
        return new Result(margin, diff, se, df, pLower, pUpper, Math.max(pLower, pUpper));
    }

    /**
     * The smallest margin m for which TOST at {@code alpha} is on the edge of declaring equivalence:
     * |Δ| + t₁₋α,df · SE (every larger margin is declared). NaN when the test cannot be computed.
     */
    public static double smallestMargin(double[] x, double[] y, double alpha) {
        double[] w = welch(x, y);
        if (w == null) {
            return Double.NaN;
        }
        return Math.abs(w[0]) + new TDistribution(null, w[2]).inverseCumulativeProbability(1 - alpha) * w[1];
    }

    /** {difference, SE, df}, or null when it cannot be computed. */
    private static double[] welch(double[] x, double[] y) {
        int nx = x.length;
        int ny = y.length;
        if (nx < 2 || ny < 2) {
            return null;
        }
        double vx = Descriptive.variance(x) / nx;
        double vy = Descriptive.variance(y) / ny;
        double se2 = vx + vy;
        double df = se2 * se2 / (vx * vx / (nx - 1) + vy * vy / (ny - 1));
        if (!(se2 > 0) || !(df > 0) || !Double.isFinite(se2)) {
            return null;
        }
        return new double[] {Descriptive.mean(x) - Descriptive.mean(y), Math.sqrt(se2), df};
    }
}
