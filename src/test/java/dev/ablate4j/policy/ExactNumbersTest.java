package dev.ablate4j.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ExactNumbersTest {

    @Test
    void everyFiniteDoubleReadsBackToTheSame64Bits() {
        SplittableRandom rng = new SplittableRandom(7);
        for (int i = 0; i < 20_000; i++) {
            double x = Double.longBitsToDouble(rng.nextLong());
            if (!Double.isFinite(x)) {
                continue;
            }
            assertRoundTrip(x);
        }
        for (int i = 0; i < 20_000; i++) {
            assertRoundTrip(rng.nextDouble() * 2 - 1); // typical weights
            assertRoundTrip((rng.nextDouble() - 0.5) * 1e4);
        }
        for (double x : new double[] {Double.MIN_VALUE, -Double.MIN_VALUE, Double.MIN_NORMAL, Double.MAX_VALUE,
            -Double.MAX_VALUE, Math.ulp(1.0), 1 - Math.ulp(1.0) / 2, 0.1, 1.0 / 3, 2.0 / 3, 1e-8, 1e16, 1e17,
            9007199254740993.0, 123456789.125, -0.0, 0.0}) {
            assertRoundTrip(x);
        }
    }

    @Test
    void theTextIsTheShortestRoundTripInAFixedNotation() {
        assertEquals("0.1", ExactNumbers.format(0.1));
        assertEquals("10.0", ExactNumbers.format(10));
        assertEquals("-2.0", ExactNumbers.format(-2));
        assertEquals("1.0e-08", ExactNumbers.format(1e-8));
        assertEquals("0.00001", ExactNumbers.format(1e-5));
        assertEquals("1.0e-06", ExactNumbers.format(1e-6));
        assertEquals("0.3333333333333333", ExactNumbers.format(1.0 / 3));
        assertEquals("1.0e+17", ExactNumbers.format(1e17));
        assertEquals("1234567890123456.0", ExactNumbers.format(1234567890123456.0));
        assertEquals("-0.0", ExactNumbers.format(-0.0));
        assertEquals("0.0", ExactNumbers.format(0.0));
        assertEquals("5.0e-324", ExactNumbers.format(Double.MIN_VALUE));
        assertEquals("1.7976931348623157e+308", ExactNumbers.format(Double.MAX_VALUE));
        assertEquals(0.6761385655307762, Double.parseDouble(ExactNumbers.format(0.6761385655307762)));
    }

    @Test
    void nonFiniteNumbersAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> ExactNumbers.format(Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> ExactNumbers.format(Double.POSITIVE_INFINITY));
    }

    private static void assertRoundTrip(double x) {
        String s = ExactNumbers.format(x);
        assertEquals(Double.doubleToRawLongBits(x), Double.doubleToRawLongBits(Double.parseDouble(s)), s);
        // the text is a JSON number: optional minus, digits, a point, digits, optional exponent
        if (!s.matches("-?(0|[1-9][0-9]*)\\.[0-9]+(e[+-][0-9]{2,3})?")) {
            throw new AssertionError("not a JSON number in the documented notation: " + s);
        }
    }
}
