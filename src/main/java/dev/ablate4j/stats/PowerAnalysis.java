package dev.ablate4j.stats;

import org.apache.commons.math3.analysis.UnivariateFunction;
import org.apache.commons.math3.analysis.integration.gauss.GaussIntegratorFactory;
import org.apache.commons.math3.distribution.ChiSquaredDistribution;
import org.apache.commons.math3.distribution.TDistribution;

/**
 * Power of a two-sided two-sample t-test with n runs per group, and the number of seeds per group
 * needed to detect an effect size with a given power. Exact noncentral-t power, computed as
 * E_V[Φ(δ − c·√(V/ν)) + Φ(−δ − c·√(V/ν))] with V ~ χ²(ν), ν = 2n − 2, δ = d·√(n/2), c the two-sided
 * critical t value (commons-math3 has no noncentral t distribution). The expectation is a fixed
 * composite Gauss–Legendre rule over ν ± 12 standard deviations of V (128 panels × 8 nodes), which
 * agrees with scipy's noncentral t to better than 1e-9 and is deterministic.
 */
public final class PowerAnalysis {

    /** Upper limit of the seed search; {@link #seedsNeeded} returns -1 beyond it. */
    public static final int MAX_SEEDS = 100_000;

    private static final int PANELS = 128;
    private static final int NODES = 8;
    private static final GaussIntegratorFactory GAUSS = new GaussIntegratorFactory();

    private PowerAnalysis() {}

    /** Power to detect standardized effect {@code d} with {@code n} runs per group at level alpha. */
    public static double power(double d, int n, double alpha) {
        if (n < 2) {
            throw new IllegalArgumentException("power needs at least 2 runs per group, got " + n);
        }
        double nu = 2.0 * n - 2;
        double delta = Math.abs(d) * Math.sqrt(n / 2.0);
        double c = new TDistribution(null, nu, 1e-14).inverseCumulativeProbability(1 - alpha / 2);
        ChiSquaredDistribution chi2 = new ChiSquaredDistribution(null, nu);
        double sd = Math.sqrt(2 * nu);
        double lo = Math.max(0, nu - 12 * sd);
        double hi = nu + 12 * sd + 30;
        UnivariateFunction f = v -> {
            double w = c * Math.sqrt(v / nu);
            return chi2.density(v) * (Bootstrap.normalCdf(delta - w) + Bootstrap.normalCdf(-delta - w));
        };
        double p = 0;
        for (int k = 0; k < PANELS; k++) {
            double a = lo + (hi - lo) * k / PANELS;
            double b = lo + (hi - lo) * (k + 1) / PANELS;
            p += GAUSS.legendre(NODES, a, b).integrate(f);
        }
        return Math.min(1, Math.max(0, p));
    }

    /**
     * Smallest number of runs per group (≥ 2) whose power to detect {@code d} reaches
     * {@code targetPower} at level {@code alpha}; -1 when d is 0/NaN or more than {@link #MAX_SEEDS}
     * would be needed.
     */
    public static int seedsNeeded(double d, double alpha, double targetPower) {
        if (!Double.isFinite(d) || d == 0) {
            return -1;
        }
        // Normal-approximation start, then walk to the exact answer (power increases with n).
        double zA = Bootstrap.probit(1 - alpha / 2);
        double zB = Bootstrap.probit(targetPower);
        double approx = 2 * (zA + zB) * (zA + zB) / (d * d);
        if (approx > MAX_SEEDS) {
            return -1;
        }
        int n = Math.max(2, (int) Math.ceil(approx));
        if (power(d, n, alpha) >= targetPower) {
            while (n > 2 && power(d, n - 1, alpha) >= targetPower) {
                n--;
            }
            return n;
        }
        while (n < MAX_SEEDS) {
            n++;
            if (power(d, n, alpha) >= targetPower) {
                return n;
            }
        }
        return -1;
    }

    /** Seeds per group for 80% power at α = 0.05. */
    public static int seedsNeeded(double d) {
        return seedsNeeded(d, 0.05, 0.8);
    }
}
