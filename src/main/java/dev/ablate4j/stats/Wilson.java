package dev.ablate4j.stats;

/**
 * Wilson score interval of a binomial proportion k / n (Wilson 1927): the Monte-Carlo interval of a
 * simulated rate. Unlike k/n ± z·SE it stays inside [0, 1] and is not empty at k = 0.
 */
public final class Wilson {

    /** z of a two-sided 95% interval, Φ⁻¹(0.975). */
    public static final double Z95 = 1.959963984540054;

    private Wilson() {}

    /** The 95% Wilson interval of {@code k} successes in {@code n} trials; NaN bounds when n = 0. */
    public static Interval interval(long k, long n) {
        if (n <= 0) {
            return Interval.NAN;
        }
        double p = (double) k / n;
        double z2 = Z95 * Z95;
        double centre = (p + z2 / (2 * n)) / (1 + z2 / n);
        double half = Z95 / (1 + z2 / n) * Math.sqrt(p * (1 - p) / n + z2 / (4.0 * n * n));
        return new Interval(Math.max(0, centre - half), Math.min(1, centre + half));
    }
}
