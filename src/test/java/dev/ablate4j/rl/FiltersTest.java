package dev.ablate4j.rl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class FiltersTest {

    @Test
    void runningMeanStdMatchesClosedForm() {
        RunningMeanStd s = new RunningMeanStd(2);
        double[][] xs = {{1, 10}, {2, 20}, {4, 40}, {7, 70}};
        for (double[] x : xs) {
            s.push(x);
        }
        // mean 3.5, sample variance ((2.5^2 + 1.5^2 + 0.5^2 + 3.5^2) / 3) = 7
        assertEquals(3.5, s.mean(0), 1e-12);
        assertEquals(Math.sqrt(7), s.std(0), 1e-12);
        assertEquals(35, s.mean(1), 1e-12);
        assertEquals(10 * Math.sqrt(7), s.std(1), 1e-12);
    }

    @Test
    void singleSampleStdIsTheAbsoluteMeanAsInThePapersRunningStat() {
        RunningMeanStd s = new RunningMeanStd(1);
        s.push(-3.0);
        assertEquals(3.0, s.std(0), 0);
    }

    @Test
    void rewardScalingDividesByStdOfRunningDiscountedReturnAndRestartsPerEpisode() {
        double gamma = 0.5;
        RewardFilter f = new RewardFilter(true, RewardFilter.Mode.RETURNS, false, 10, gamma);
        double[] rewards = {1, 2, 3};
        RunningMeanStd expected = new RunningMeanStd(1);
        double g = 0;
        for (double r : rewards) {
            g = gamma * g + r;
            expected.push(g);
            assertEquals(r / (expected.std(0) + 1e-8), f.apply(r), 1e-12);
        }
        f.resetEpisode();
        assertEquals(0.0, f.discountedReturn(), 0);
        double out = f.apply(4);
        expected.push(4);  // g restarted at 0: g = 0.5*0 + 4
        assertEquals(4 / (expected.std(0) + 1e-8), out, 1e-12);
    }

    @Test
    void rewardScalingOffLeavesRewardAndClippingBounds() {
        RewardFilter off = new RewardFilter(false, RewardFilter.Mode.RETURNS, false, 10, 0.99);
        assertEquals(123.0, off.apply(123.0), 0);
        RewardFilter clip = new RewardFilter(false, RewardFilter.Mode.RETURNS, true, 10, 0.99);
        assertEquals(10.0, clip.apply(123.0), 0);
        assertEquals(-10.0, clip.apply(-50.0), 0);
        assertEquals(3.0, clip.apply(3.0), 0);
    }

    @Test
    void observationNormalizationUsesRunningStatsIncludingTheCurrentObservation() {
        ObservationFilter f = new ObservationFilter(1, true, false, 10);
        double[] out = new double[1];
        f.apply(new double[] {2}, true, out);
        assertEquals((2 - 2) / (2 + 1e-8), out[0], 1e-12);
        f.apply(new double[] {4}, true, out);
        // mean 3, sample std sqrt(2)
        assertEquals((4 - 3) / (Math.sqrt(2) + 1e-8), out[0], 1e-12);
        f.apply(new double[] {100}, false, out);
        assertEquals(2, f.stats().count(), "evaluation does not update the statistics");
    }

    @Test
    void observationClippingBoundsAtTheLimit() {
        ObservationFilter clipOnly = new ObservationFilter(3, false, true, 10);
        double[] out = new double[3];
        clipOnly.apply(new double[] {-1e6, 5, 1e6}, true, out);
        assertArrayEquals(new double[] {-10, 5, 10}, out, 0);
        ObservationFilter none = new ObservationFilter(3, false, false, 10);
        none.apply(new double[] {-1e6, 5, 1e6}, true, out);
        assertArrayEquals(new double[] {-1e6, 5, 1e6}, out, 0);
    }

    @Test
    void standardizeUsesBesselCorrectedStd() {
        double[] x = {1, 2, 3, 4};
        Moments.standardize(x, 4);
        double std = Math.sqrt(5.0 / 3.0);
        assertEquals(-1.5 / (std + 1e-8), x[0], 1e-12);
        assertEquals(1.5 / (std + 1e-8), x[3], 1e-12);
    }
}
