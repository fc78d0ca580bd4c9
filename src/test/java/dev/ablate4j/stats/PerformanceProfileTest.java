package dev.ablate4j.stats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class PerformanceProfileTest {

    @Test
    void profileAveragesFractionsOverStrata() {
        double[][] strata = {{0.1, 0.5, 0.5, 0.9}, {0.2, 0.8}};
        double[] taus = {0, 0.5, 0.85, 1};
        // tau 0.5: stratum 1 has 3/4 ≥ 0.5 (ties count), stratum 2 has 1/2 → 0.625.
        assertArrayEquals(new double[] {1, 0.625, 0.125, 0}, PerformanceProfile.profile(strata, taus), 1e-12);
        assertEquals(0.75, PerformanceProfile.fractionAtLeast(strata[0], 0.5), 0);
    }

    @Test
    void bandsContainTheEstimateAndAreOrdered() {
        double[][] strata = {{0.1, 0.3, 0.5, 0.7, 0.9}, {0.0, 0.4, 0.6, 1.0}};
        double[] taus = PerformanceProfile.grid(0, 1, 11);
        double[] est = PerformanceProfile.profile(strata, taus);
        Interval[] bands = PerformanceProfile.bands(strata, taus, Bootstrap.defaults(), new SplittableRandom(5));
        assertEquals(taus.length, bands.length);
        for (int k = 0; k < taus.length; k++) {
            assertTrue(bands[k].lo() <= est[k] && est[k] <= bands[k].hi(), "tau " + taus[k] + ": " + bands[k]);
        }
        assertEquals(1, bands[0].lo(), 0); // everything is ≥ 0 in every resample
        assertTrue(bands[5].width() > 0.2);
    }
}
