package dev.ablate4j.stats;

import java.util.SplittableRandom;

/**
 * The false-positive rate of re-testing a comparison on seeds that already served a finished
 * group-sequential design, simulated under the null (both configs' final returns standard normal,
 * equal means). The first design looks at {@code firstLooks} seeds per config with boundaries
 * {@code firstBounds} on Welch's z ({@link GroupSequential#zFromWelch}) and stops at the first
 * crossing. When it ends without one, a second test starts on the same seeds 0, 1, …: it looks at
 * {@code secondLooks} seeds per config (its first look may be the first design's last, reusing
 * every seed) with boundaries {@code secondBounds}. Reported: P(either design crosses), which each
 * design alone holds at its own α; together they do not, because the second test runs only on the
 * paths the first left undecided and shares their seeds.
 *
 * <p>A fixed-design re-test is a second design with one look and the fixed test's critical value
 * (1.96 for a two-sided test at 0.05).
 */
public final class ReTestSimulation {

    /** Result: crossings of either design out of {@code sims} simulated studies. */
    public record Result(int sims, int firstCrossed, int eitherCrossed) {

        public double firstRate() {
            return (double) firstCrossed / sims;
        }

        public double rate() {
            return (double) eitherCrossed / sims;
        }

        /** 95% Wilson interval of {@link #rate()}. */
        public Interval interval() {
            return Wilson.interval(eitherCrossed, sims);
        }
    }

    private ReTestSimulation() {}

    /** Simulates {@code sims} studies with the given looks (seeds per config, increasing) and |z| boundaries. */
    public static Result simulate(int[] firstLooks, double[] firstBounds, int[] secondLooks, double[] secondBounds,
            int sims, SplittableRandom rng) {
        if (firstLooks.length != firstBounds.length || secondLooks.length != secondBounds.length
                || firstLooks.length == 0 || secondLooks.length == 0 || sims < 1) {
            throw new IllegalArgumentException("one boundary per look, at least one look each, sims ≥ 1");
        }
        int n = Math.max(firstLooks[firstLooks.length - 1], secondLooks[secondLooks.length - 1]);
        double[] x = new double[n];
        double[] y = new double[n];
        int first = 0;
        int either = 0;
        for (int s = 0; s < sims; s++) {
            SplittableRandom r = rng.split();
            gaussians(x, r);
            gaussians(y, r);
            if (crosses(x, y, firstLooks, firstBounds)) {
                first++;
                either++;
            } else if (crosses(x, y, secondLooks, secondBounds)) {
                either++;
            }
        }
        return new Result(sims, first, either);
    }

    /** Standard normal values by Box–Muller with StrictMath, so every JVM draws the same numbers. */
    static void gaussians(double[] out, SplittableRandom r) {
        for (int i = 0; i < out.length; i += 2) {
            double u1 = 1 - r.nextDouble(); // in (0, 1]
            double u2 = r.nextDouble();
            double radius = StrictMath.sqrt(-2 * StrictMath.log(u1));
            out[i] = radius * StrictMath.cos(2 * StrictMath.PI * u2);
            if (i + 1 < out.length) {
                out[i + 1] = radius * StrictMath.sin(2 * StrictMath.PI * u2);
            }
        }
    }

    private static boolean crosses(double[] x, double[] y, int[] looks, double[] bounds) {
        for (int k = 0; k < looks.length; k++) {
            double z = GroupSequential.zFromWelch(java.util.Arrays.copyOf(x, looks[k]),
                    java.util.Arrays.copyOf(y, looks[k]));
            if (Math.abs(z) >= bounds[k]) {
                return true;
            }
        }
        return false;
    }
}
