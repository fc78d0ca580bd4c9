package dev.ablate4j.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Null-resampling calibration: a calibrated test near α, a liberal one flagged, seeded and deterministic. */
class NullCalibrationTest {

    private static double[] normal(int n, double mean, double sd, long seed) {
        double[] v = new double[n];
        ReTestSimulation.gaussians(v, new SplittableRandom(seed));
        for (int i = 0; i < n; i++) {
            v[i] = mean + sd * v[i];
        }
        return v;
    }

    /** A t-based interval of the difference (exact for normal data). */
    private static Interval welchInterval(double[] x, double[] y, SplittableRandom rng) {
        WelchTest.Result r = WelchTest.test(x, y);
        double d = Descriptive.mean(x) - Descriptive.mean(y);
        double se = Math.abs(d / r.t());
        double q = new org.apache.commons.math3.distribution.TDistribution(null, r.df()).inverseCumulativeProbability(0.975);
        return Double.isFinite(se) && se > 0 ? new Interval(d - q * se, d + q * se) : Interval.NAN;
    }

    @Test
    void calibratedTestsRejectNearAlphaOnALargePool() {
        double[] pool = normal(2000, 100, 10, 1);
        NullCalibration.Rates r = NullCalibration.oneConfig(pool, 10, 10, 4000, 0.05,
                NullCalibrationTest::welchInterval, new SplittableRandom(2));
        assertEquals(4000, r.reps());
        assertEquals(0.05, r.welchRate(), 0.012, "Welch");
        assertEquals(0.05, r.mannWhitneyRate(), 0.015, "Mann–Whitney");
        assertEquals(r.welch(), r.interval(), 3, "a Welch interval excludes 0 exactly when Welch rejects");
        assertTrue(!r.flagged(r.welch()));
    }

    @Test
    void centredNullRemovesARealDifference() {
        double[] x = normal(60, 500, 10, 3);
        double[] y = normal(60, 0, 30, 4);
        NullCalibration.Rates r = NullCalibration.centred(x, y, 3000, 0.05, NullCalibrationTest::welchInterval,
                new SplittableRandom(5));
        assertEquals(0.05, r.welchRate(), 0.015);
        // without centring the difference of 500 would be rejected every time
        NullCalibration.Rates raw = NullCalibration.oneConfig(x, 10, 10, 200, 0.05, (a, b, g) -> Interval.NAN,
                new SplittableRandom(5));
        assertTrue(raw.welchRate() < 0.15);
    }

    @Test
    void aLiberalIntervalIsFlaggedAndTheBootstrapIntervalIsMeasuredTooNarrowAtFiveSeeds() {
        double[] pool = normal(2000, 0, 1, 6);
        NullCalibration.Rates always = NullCalibration.oneConfig(pool, 5, 5, 500, 0.05,
                (x, y, g) -> new Interval(1, 2), new SplittableRandom(7));
        assertEquals(500, always.interval());
        assertTrue(always.flagged(always.interval()));
        Bootstrap boot = new Bootstrap(1000, 0.95);
        NullCalibration.Rates pct = NullCalibration.oneConfig(pool, 5, 5, 1500, 0.05,
                new Intervals(IntervalMethod.PERCENTILE, boot)::diffMeans, new SplittableRandom(8));
        assertTrue(pct.intervalRate() > 0.075, "percentile bootstrap at n = 5 rejects " + pct.intervalRate());
        assertTrue(pct.flagged(pct.interval()));
    }

    @Test
    void sameSeedSameCounts() {
        double[] x = normal(7, 0, 1, 9);
        double[] y = normal(6, 0, 2, 10);
        Bootstrap boot = new Bootstrap(200, 0.95);
        NullCalibration.DiffInterval ci = new Intervals(IntervalMethod.PERCENTILE, boot)::diffMeans;
        assertEquals(NullCalibration.centred(x, y, 300, 0.05, ci, new SplittableRandom(11)),
                NullCalibration.centred(x, y, 300, 0.05, ci, new SplittableRandom(11)));
    }
}
