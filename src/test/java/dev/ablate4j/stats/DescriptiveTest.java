package dev.ablate4j.stats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class DescriptiveTest {

    @Test
    void iqmDropsAQuarterFromEachEnd() {
        // n = 8: drop 2 from each end of 1..8 → mean of 3,4,5,6.
        assertEquals(4.5, Descriptive.iqm(new double[] {8, 1, 7, 2, 6, 3, 5, 4}), 0);
        // n = 7: floor(1.75) = 1 dropped from each end → mean of 2..6 = 4; an outlier does not move it.
        assertEquals(4, Descriptive.iqm(new double[] {1, 2, 3, 4, 5, 6, 1e9}), 1e-12);
    }

    @Test
    void quantileInterpolatesLikeNumpy() {
        double[] x = {10, 20, 30, 40};
        assertEquals(17.5, Descriptive.quantile(x, 0.25), 1e-12); // numpy.percentile(x, 25)
        assertEquals(25, Descriptive.median(x), 0);
        assertEquals(40, Descriptive.quantile(x, 1), 0);
    }

    @Test
    void inputIsNotModifiedAndSmallSamplesGiveNan() {
        double[] x = {3, 1, 2};
        Descriptive.iqm(x);
        Descriptive.median(x);
        assertArrayEquals(new double[] {3, 1, 2}, x);
        assertTrue(Double.isNaN(Descriptive.std(new double[] {1})));
        assertTrue(Double.isNaN(Descriptive.mean(new double[0])));
        assertArrayEquals(new double[] {1, 3}, Descriptive.finite(new double[] {1, Double.NaN, 3, Double.POSITIVE_INFINITY}));
    }
}
