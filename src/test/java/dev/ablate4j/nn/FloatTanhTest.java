package dev.ablate4j.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.MathContext;
import org.junit.jupiter.api.Test;

/**
 * {@link FloatTanh} against the exact tanh: ablate4j's double {@link Fn#tanh} (within 0.75 double
 * ulp of the exact value, see {@code TanhTest}) rounded to float is the correctly rounded float
 * tanh except within about 1e-8 float ulp of a rounding boundary, so it serves as the reference.
 */
class FloatTanhTest {

    private static int ulps(float a, float b) {
        return Math.abs(Float.floatToRawIntBits(a) - Float.floatToRawIntBits(b));
    }

    @Test
    void withinOneUlpOfTheExactValueOverASweepOfFloats() {
        int lo = Float.floatToRawIntBits(0x1p-30f);
        int hi = Float.floatToRawIntBits(12f);
        long count = 0;
        long differing = 0;
        int worst = 0;
        for (int bits = lo; bits <= hi; bits += 53) {
            float x = Float.intBitsToFloat(bits);
            float expected = (float) Fn.tanh(x);
            float actual = FloatTanh.tanh(x);
            int d = ulps(expected, actual);
            worst = Math.max(worst, d);
            differing += d > 0 ? 1 : 0;
            count++;
            assertEquals(-actual, FloatTanh.tanh(-x), 0f, "odd at " + x);
        }
        assertTrue(worst <= 1, "largest error " + worst + " ulp");
        assertTrue(differing < 1e-4 * count, differing + " of " + count + " not correctly rounded");
        assertTrue(count > 3_000_000, "sweep too small: " + count);
    }

    @Test
    void edgeCases() {
        assertEquals(Float.floatToRawIntBits(0f), Float.floatToRawIntBits(FloatTanh.tanh(0f)));
        assertEquals(Float.floatToRawIntBits(-0f), Float.floatToRawIntBits(FloatTanh.tanh(-0f)));
        assertEquals(Float.MIN_VALUE, FloatTanh.tanh(Float.MIN_VALUE), 0f);
        assertEquals(-Float.MIN_NORMAL, FloatTanh.tanh(-Float.MIN_NORMAL), 0f);
        assertTrue(Float.isNaN(FloatTanh.tanh(Float.NaN)));
        for (float x : new float[] {9.1f, 9.2f, 20f, 1e30f, Float.MAX_VALUE, Float.POSITIVE_INFINITY}) {
            assertEquals(1f, FloatTanh.tanh(x), 0f, "tanh(" + x + ")");
            assertEquals(-1f, FloatTanh.tanh(-x), 0f, "tanh(" + -x + ")");
        }
        // the last float below 1 is still reached below the clamp: tanh(9) = 1 - 3.05e-8 rounds down
        assertEquals(Math.nextDown(1f), FloatTanh.tanh(9f), 0f);
    }

    @Test
    void theClampIsWhereTanhRoundsToOneInFloat() {
        // tanh(9.1) = 1 - 2 e^-18.2 / (1 + e^-18.2): below 1 by less than half the ulp below 1 (2^-25)
        double gap = 2 * Math.exp(-18.2) / (1 + Math.exp(-18.2));
        assertTrue(gap < 0x1p-25, "gap " + gap);
        assertEquals(1f, (float) Fn.tanh(9.1), 0f);
        assertTrue(new BigDecimal(gap).compareTo(new BigDecimal(0x1p-25, MathContext.DECIMAL64)) < 0);
    }

    @Test
    void applyMapsAnArrayInPlace() {
        float[] z = {-2f, -0.5f, 0f, 0.25f, 3f, 100f};
        float[] expected = new float[z.length];
        for (int k = 0; k < z.length; k++) {
            expected[k] = FloatTanh.tanh(z[k]);
        }
        FloatTanh.apply(z, 5);
        for (int k = 0; k < 5; k++) {
            assertEquals(expected[k], z[k], 0f);
        }
        assertEquals(100f, z[5], 0f, "beyond count untouched");
    }
}
