package dev.ablate4j.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class FnTest {

    @Test
    void standardNormalHasMeanZeroVarianceOneAndNormalShape() {
        SplittableRandom rng = new SplittableRandom(2024);
        int n = 100_000;
        double sum = 0;
        double sumSq = 0;
        int withinOne = 0;
        for (int i = 0; i < n; i++) {
            double z = Fn.standardNormal(rng);
            sum += z;
            sumSq += z * z;
            if (Math.abs(z) < 1.0) {
                withinOne++;
            }
        }
        double mean = sum / n;
        double variance = sumSq / n - mean * mean;
        assertEquals(0.0, mean, 0.01, "mean"); // standard error 0.0032
        assertEquals(1.0, variance, 0.02, "variance"); // standard error 0.0045
        assertEquals(0.6827, (double) withinOne / n, 0.006, "P(|z| < 1)"); // standard error 0.0015
    }

    @Test
    void standardNormalIsReproducibleFromTheSameSeed() {
        double[] a = draws(new SplittableRandom(7), 1000);
        double[] b = draws(new SplittableRandom(7), 1000);
        double[] c = draws(new SplittableRandom(8), 1000);
        assertArrayEquals(a, b, 0.0);
        assertFalse(java.util.Arrays.equals(a, c));
    }

    @Test
    void transcendentalsAreTheDeterministicOnes() {
        // exp and log are StrictMath's, tanh is ablate4j's own (see package-info); Math may differ across JVMs.
        SplittableRandom rng = new SplittableRandom(3);
        for (int i = 0; i < 10_000; i++) {
            double x = rng.nextDouble(-20, 20);
            assertEquals(Tanh.tanh(x), Fn.tanh(x), 0.0);
            assertEquals(StrictMath.exp(x), Fn.exp(x), 0.0);
            double p = rng.nextDouble(1e-300, 1e3);
            assertEquals(StrictMath.log(p), Fn.log(p), 0.0);
        }
        assertTrue(Fn.tanh(30.0) == 1.0 && Fn.tanh(-30.0) == -1.0);
    }

    private static double[] draws(SplittableRandom rng, int n) {
        double[] d = new double[n];
        for (int i = 0; i < n; i++) {
            d[i] = Fn.standardNormal(rng);
        }
        return d;
    }
}
