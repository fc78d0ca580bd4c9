package dev.ablate4j.stats;

import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * A two-sided group-sequential test with Lan–DeMets α spending of the O'Brien–Fleming type, spent
 * symmetrically: each side spends its α/2 as 2 − 2Φ(z_{1−α/4} / √t) by information fraction t (the
 * convention of R's ldbounds and gsDesign), so early looks need a very large statistic and the last
 * look nearly the fixed-sample one. Stopping as soon as a boundary is crossed keeps the overall
 * false-positive rate at α.
 *
 * <p>The boundaries c_1..c_K (on |Z|) are exact for a statistic that is standard normal under the
 * null with Brownian increments (Z_k √t_k = B(t_k)): c_1 from α(t_1); each later c_k solves
 * P(|Z_j| &lt; c_j for j &lt; k, |Z_k| ≥ c_k) = α(t_k) − α(t_k−1), by recursive numerical
 * integration of the continuation density (Armitage, McPherson and Rowe) on a grid of
 * {@value #GRID} points per look and bisection to 1e-10.
 *
 * <p>{@link #zFromWelch} turns a Welch t statistic into that scale: the normal quantile with the
 * same two-sided tail probability, so small seed counts do not inflate the false-positive rate.
 */
public final class GroupSequential {

    /** Grid points of the continuation density at each look. */
    static final int GRID = 801;
    private static final NormalDistribution NORMAL = new NormalDistribution(null, 0, 1);

    private GroupSequential() {}

    /** Cumulative two-sided α spent at information fraction {@code t} in (0, 1]: 2 (2 − 2Φ(z_{1−α/4}/√t)). */
    public static double spent(double alpha, double t) {
        double z = NORMAL.inverseCumulativeProbability(1 - alpha / 4);
        double s = 2 * (2 - 2 * NORMAL.cumulativeProbability(z / Math.sqrt(t)));
        // far in the tail 2 − 2Φ(x) loses its digits (exactly 0 beyond x ≈ 8.3: an early look of a
        // small α, e.g. a family-wise α/m); the lower tail 4Φ(−x), the same number, keeps them
        return s >= TAIL ? s : 4 * NORMAL.cumulativeProbability(-z / Math.sqrt(t));
    }

    /**
     * Below this a tail probability is computed from the lower tail: 1 − q no longer holds q's
     * digits. Above it the formulas are the original ones, so the boundaries of every design whose
     * first look spends more than this (all in practice at α = 0.05) keep their bits.
     */
    static final double TAIL = 1e-12;

    /** c with 1 − Φ(c) = q, also when q is too small for 1 − q (bisection on Φ(−c) to 1e-10). */
    private static double upperQuantile(double q) {
        if (q >= TAIL) {
            return NORMAL.inverseCumulativeProbability(1 - q);
        }
        double lo = 0;
        double hi = 40;
        while (hi - lo > 1e-10) {
            double mid = 0.5 * (lo + hi);
            if (NORMAL.cumulativeProbability(-mid) > q) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return 0.5 * (lo + hi);
    }

    /**
     * The critical values |Z| ≥ c_k at looks with information fractions {@code t} (strictly
     * increasing, in (0, 1]), for overall two-sided level {@code alpha}.
     */
    public static double[] boundaries(double alpha, double[] t) {
        for (int k = 0; k < t.length; k++) {
            if (!(t[k] > 0 && t[k] <= 1) || (k > 0 && t[k] <= t[k - 1])) {
                throw new IllegalArgumentException("information fractions must increase within (0, 1]");
            }
        }
        double[] c = new double[t.length];
        c[0] = upperQuantile(spent(alpha, t[0]) / 2);
        // the density of B(t_k) on the continuation region (-b_k, b_k), b_k = c_k sqrt(t_k), on a grid
        double[] grid = grid(c[0] * Math.sqrt(t[0]));
        double[] density = new double[GRID];
        double sd = Math.sqrt(t[0]);
        for (int i = 0; i < GRID; i++) {
            density[i] = NORMAL.density(grid[i] / sd) / sd;
        }
        for (int k = 1; k < t.length; k++) {
            double step = Math.sqrt(t[k] - t[k - 1]);
            double target = spent(alpha, t[k]) - spent(alpha, t[k - 1]);
            double[] g = grid;
            double[] f = density;
            double lo = 0;
            double hi = 40;
            while (hi - lo > 1e-10) {
                double mid = 0.5 * (lo + hi);
                if (crossing(g, f, step, mid * Math.sqrt(t[k])) > target) {
                    lo = mid;
                } else {
                    hi = mid;
                }
            }
            c[k] = 0.5 * (lo + hi);
            double[] next = grid(c[k] * Math.sqrt(t[k]));
            double[] nextDensity = new double[GRID];
            for (int j = 0; j < GRID; j++) {
                double sum = 0;
                for (int i = 0; i < GRID; i++) {
                    sum += simpson(i, g) * f[i] * NORMAL.density((next[j] - g[i]) / step) / step;
                }
                nextDensity[j] = sum;
            }
            grid = next;
            density = nextDensity;
        }
        return c;
    }

    /** P(the path continues to the last look's region, then |B(t_k)| ≥ b), from the previous density. */
    private static double crossing(double[] grid, double[] density, double step, double b) {
        double sum = 0;
        for (int i = 0; i < GRID; i++) {
            double u = grid[i];
            double out = NORMAL.cumulativeProbability((-b - u) / step) + NORMAL.cumulativeProbability((u - b) / step);
            sum += simpson(i, grid) * density[i] * out;
        }
        return sum;
    }

    /** GRID equally spaced points over [-b, b]. */
    private static double[] grid(double b) {
        double[] g = new double[GRID];
        for (int i = 0; i < GRID; i++) {
            g[i] = -b + 2 * b * i / (GRID - 1);
        }
        return g;
    }

    /** Simpson's weight of point {@code i} of an odd-sized equally spaced grid. */
    private static double simpson(int i, double[] grid) {
        double h = grid[1] - grid[0];
        if (i == 0 || i == grid.length - 1) {
            return h / 3;
        }
        return (i % 2 == 1 ? 4 : 2) * h / 3;
    }

    /**
     * The Welch t statistic of x against y mapped to the normal scale: sign(t) Φ⁻¹(1 − p/2) with p
     * Welch's two-sided p-value; NaN when either sample has fewer than two values.
     */
    public static double zFromWelch(double[] x, double[] y) {
        WelchTest.Result r = WelchTest.test(x, y);
        if (Double.isNaN(r.p())) {
            return Double.NaN;
        }
        double z = -NORMAL.inverseCumulativeProbability(Math.max(Double.MIN_NORMAL, r.p() / 2));
        return Math.copySign(z, r.t());
    }

    /**
     * A t statistic with {@code df} degrees of freedom mapped to the normal scale as
     * {@link #zFromWelch} maps Welch's: sign(t) Φ⁻¹(1 − p/2) with p = 2 F_df(−|t|) the two-sided
     * p-value (capped at 1, as {@link WelchTest}); NaN unless t is finite and df &gt; 0.
     */
    public static double zFromT(double t, double df) {
        if (!Double.isFinite(t) || !(df > 0)) {
            return Double.NaN;
        }
        double p = Math.min(1, 2 * new org.apache.commons.math3.distribution.TDistribution(null, df)
                .cumulativeProbability(-Math.abs(t)));
        double z = -NORMAL.inverseCumulativeProbability(Math.max(Double.MIN_NORMAL, p / 2));
        return Math.copySign(z, t);
    }
}
