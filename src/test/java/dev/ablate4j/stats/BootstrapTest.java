package dev.ablate4j.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class BootstrapTest {

    /**
     * Coverage on simulated data: 95% percentile and BCa intervals of the mean of N(10, 3²) samples of
     * size 30 contain the true mean close to 95% of the time (2,000 repetitions, 2,000 resamples; the
     * standard error of a coverage estimate is 0.5 percentage points, and the percentile bootstrap is
     * known to under-cover slightly at n = 30).
     */
    @Test
    void coverageOfKnownNormalMeanIsCloseToNominal() {
        SplittableRandom data = new SplittableRandom(7);
        Bootstrap boot = new Bootstrap(2_000, 0.95);
        int reps = 2_000;
        int coveredPct = 0;
        int coveredBca = 0;
        for (int r = 0; r < reps; r++) {
            double[] x = new double[30];
            for (int i = 0; i < x.length; i++) {
                x[i] = 10 + 3 * data.nextGaussian();
            }
            if (boot.percentile(x, Descriptive::mean, Seeds.stream(1, "pct", "" + r)).contains(10)) {
                coveredPct++;
            }
            if (boot.bca(x, Descriptive::mean, Seeds.stream(1, "bca", "" + r)).contains(10)) {
                coveredBca++;
            }
        }
        double pct = (double) coveredPct / reps;
        double bca = (double) coveredBca / reps;
        assertTrue(pct > 0.92 && pct < 0.97, "percentile coverage " + pct);
        assertTrue(bca > 0.92 && bca < 0.97, "BCa coverage " + bca);
    }

    @Test
    void sameSeedSameIntervalDifferentSeedDifferentInterval() {
        double[] x = {1.13, 4.71, 2.02, 8.9, 5.55, 7.31, 3.08, 9.64, 6.26, 0.47};
        Bootstrap boot = Bootstrap.defaults();
        Interval a = boot.percentile(x, Descriptive::mean, Seeds.stream(42, "k"));
        Interval b = boot.percentile(x, Descriptive::mean, Seeds.stream(42, "k"));
        Interval c = boot.percentile(x, Descriptive::mean, Seeds.stream(43, "k"));
        Interval d = boot.percentile(x, Descriptive::mean, Seeds.stream(42, "other"));
        assertEquals(a, b);
        assertNotEquals(a, c);
        assertNotEquals(a, d);
    }

    @Test
    void stratifiedResamplingKeepsEachStratumWithinItsOwnValues() {
        // Stratum A is all 0, stratum B all 1: any within-stratum resample has mean exactly 0.5.
        double[][] strata = {{0, 0, 0}, {1, 1, 1, 1, 1, 1, 1}};
        Interval ci = Bootstrap.defaults().percentileStratified(
                strata, s -> (Descriptive.mean(s[0]) + Descriptive.mean(s[1])) / 2, new SplittableRandom(1));
        assertEquals(0.5, ci.lo(), 0);
        assertEquals(0.5, ci.hi(), 0);
    }

    @Test
    void stratifiedIntervalNarrowsWithMoreRuns() {
        SplittableRandom data = new SplittableRandom(3);
        double[][] few = {gaussian(data, 5), gaussian(data, 5)};
        double[][] many = {gaussian(data, 80), gaussian(data, 80)};
        Bootstrap boot = Bootstrap.defaults();
        Interval a = boot.percentileStratified(few, s -> Descriptive.mean(s[0]) + Descriptive.mean(s[1]), new SplittableRandom(1));
        Interval b = boot.percentileStratified(many, s -> Descriptive.mean(s[0]) + Descriptive.mean(s[1]), new SplittableRandom(1));
        assertTrue(b.width() < a.width() / 2, a + " vs " + b);
    }

    @Test
    void degenerateInputsGiveNanNotExceptions() {
        Bootstrap boot = Bootstrap.defaults();
        assertTrue(Double.isNaN(boot.percentile(new double[0], Descriptive::mean, new SplittableRandom(1)).lo()));
        assertTrue(Double.isNaN(boot.bca(new double[] {3}, Descriptive::mean, new SplittableRandom(1)).lo()));
        // All values equal: every resample equals the estimate, so z0 is -inf and BCa is undefined.
        assertTrue(Double.isNaN(boot.bca(new double[] {2, 2, 2}, Descriptive::mean, new SplittableRandom(1)).hi()));
        assertThrows(IllegalArgumentException.class, () -> new Bootstrap(10, 0.95));
        assertThrows(IllegalArgumentException.class, () -> new Bootstrap(1000, 1.0));
    }

    @Test
    void highLevelsGetEnoughResamplesToKeepTwentyFiveBeyondEachEnd() {
        assertEquals(1000, Bootstrap.resamplesNeeded(0.95), "1,000 resamples keep 25 beyond each end of a 95% interval");
        assertEquals(Bootstrap.DEFAULT_RESAMPLES, Bootstrap.resamplesFor(0.95));
        assertEquals(Bootstrap.DEFAULT_RESAMPLES, Bootstrap.resamplesFor(0.995), "10,000 suffice up to 99.5%");
        assertEquals(250_000, Bootstrap.resamplesFor(0.9998), 1);
        assertEquals(500_000, Bootstrap.resamplesFor(0.9999), 1);
        assertEquals(-1, Bootstrap.resamplesFor(0.99998), "2,500,000 would be needed: beyond the cap");
    }

    private static double[] gaussian(SplittableRandom r, int n) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = r.nextGaussian();
        }
        return x;
    }
}
