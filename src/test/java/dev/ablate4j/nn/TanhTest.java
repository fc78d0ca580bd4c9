package dev.ablate4j.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Accuracy, edge cases and shape of the deterministic {@link Tanh}. */
class TanhTest {

    private static final MathContext MC = new MathContext(50);

    @Test
    void tableHoldsTanhOfEveryGridPointToFarBeyondDoublePrecision() {
        for (int j = 0; j <= Tanh.TABLE_END * 64; j++) {
            BigDecimal exact = exactTanh(new BigDecimal(j).divide(new BigDecimal(64)));
            double[] entry = Tanh.tableEntry(j);
            assertEquals(exact.doubleValue(), entry[0], 0.0, "HI[" + j + "] is tanh(j/64) correctly rounded");
            BigDecimal error = new BigDecimal(entry[0]).add(new BigDecimal(entry[1])).subtract(exact).abs();
            assertTrue(error.compareTo(exact.multiply(new BigDecimal(0x1p-90))) <= 0,
                    "HI + LO at " + j + " off by " + error);
        }
    }

    @Test
    void withinAnUlpOfTheExactValueAndMostlyCorrectlyRounded() {
        SplittableRandom rng = new SplittableRandom(11);
        double[][] ranges = {{0x1p-30, 0x1p-20}, {1e-6, 0.125}, {0.125, 1}, {1, 4}, {4, 8}, {8, 22}};
        for (double[] range : ranges) {
            double worst = 0;
            int aboveHalf = 0;
            int n = 1500;
            for (int i = 0; i < n; i++) {
                double x = rng.nextDouble(range[0], range[1]);
                BigDecimal exact = exactTanh(new BigDecimal(x));
                double ulps = new BigDecimal(Tanh.tanh(x)).subtract(exact).abs()
                        .divide(new BigDecimal(Math.ulp(exact.doubleValue())), MC).doubleValue();
                worst = Math.max(worst, ulps);
                if (ulps > 0.5) {
                    aboveHalf++;
                }
            }
            String where = "[" + range[0] + ", " + range[1] + ")";
            assertTrue(worst < 0.75, where + ": largest error " + worst + " ulp");
            assertTrue(aboveHalf < n / 50, where + ": " + aboveHalf + " of " + n + " not correctly rounded");
        }
    }

    @Test
    void agreesWithStrictMathToItsErrorOverMillionsOfArguments() {
        // fdlibm's tanh (StrictMath) is itself up to about 2 ulp off the exact value below 1;
        // Tanh is within 0.75 ulp of it (test above), so the two differ by at most 2 ulp
        SplittableRandom rng = new SplittableRandom(12);
        double worst = 0;
        long differing = 0;
        int n = 3_000_000;
        for (int i = 0; i < n; i++) {
            double x = i % 3 == 0 ? rng.nextDouble(-25, 25) : rng.nextDouble(-4, 4);
            double expected = StrictMath.tanh(x);
            double ulps = Math.abs(Tanh.tanh(x) - expected) / Math.ulp(expected);
            worst = Math.max(worst, ulps);
            if (ulps > 0) {
                differing++;
            }
        }
        assertTrue(worst <= 2.0, "largest difference from StrictMath.tanh: " + worst + " ulp");
        assertTrue(differing < n / 2, differing + " of " + n + " differ from StrictMath.tanh");
    }

    @Test
    void edgeCases() {
        assertBits(0.0, Tanh.tanh(0.0));
        assertBits(-0.0, Tanh.tanh(-0.0));
        assertBits(Double.MIN_VALUE, Tanh.tanh(Double.MIN_VALUE));
        assertBits(-Double.MIN_VALUE, Tanh.tanh(-Double.MIN_VALUE));
        assertBits(Double.MIN_NORMAL, Tanh.tanh(Double.MIN_NORMAL));
        assertBits(1e-300, Tanh.tanh(1e-300));
        assertBits(-0x1p-29, Tanh.tanh(-0x1p-29));
        assertBits(1.0, Tanh.tanh(22.0));
        assertBits(1.0, Tanh.tanh(30.0));
        assertBits(-1.0, Tanh.tanh(-1e300));
        assertBits(1.0, Tanh.tanh(Double.MAX_VALUE));
        assertBits(1.0, Tanh.tanh(Double.POSITIVE_INFINITY));
        assertBits(-1.0, Tanh.tanh(Double.NEGATIVE_INFINITY));
        assertTrue(Double.isNaN(Tanh.tanh(Double.NaN)));
        // around every branch boundary: within 1 ulp of StrictMath, never beyond +-1
        double[] boundaries = {0x1p-28, Tanh.SERIES_END, 1.0, Tanh.TABLE_END, 19.06, 22.0};
        for (double boundary : boundaries) {
            double x = boundary;
            for (int k = 0; k < 4; k++) {
                x = Math.nextDown(x);
            }
            for (int k = 0; k < 8; k++, x = Math.nextUp(x)) {
                double expected = StrictMath.tanh(x);
                assertTrue(Math.abs(Tanh.tanh(x) - expected) <= 2 * Math.ulp(expected), "at " + x);
                assertTrue(Math.abs(Tanh.tanh(x)) <= 1.0);
            }
        }
    }

    @Test
    void oddAndMonotone() {
        SplittableRandom rng = new SplittableRandom(13);
        for (int i = 0; i < 200_000; i++) {
            double x = rng.nextDouble(-30, 30);
            assertBits(-Tanh.tanh(x), Tanh.tanh(-x));
        }
        // a dense sweep through the table, the branch boundaries and the saturated tail
        double previous = Tanh.tanh(0.0);
        for (double x = 1e-3; x < 25; x += 1.0 / 4096 + 1e-9) {
            double y = Tanh.tanh(x);
            assertTrue(y >= previous, "decreases between " + (x - 1.0 / 4096) + " and " + x);
            previous = y;
        }
        for (double boundary : new double[] {Tanh.SERIES_END, Tanh.TABLE_END, 22.0, 0.5 + 1.0 / 128}) {
            double x = boundary;
            for (int k = 0; k < 50; k++) {
                x = Math.nextDown(x);
            }
            double before = Tanh.tanh(x);
            for (int k = 0; k < 100; k++) {
                x = Math.nextUp(x);
                double y = Tanh.tanh(x);
                assertTrue(y >= before, "decreases at " + x);
                before = y;
            }
        }
    }

    private static void assertBits(double expected, double actual) {
        assertEquals(Double.doubleToRawLongBits(expected), Double.doubleToRawLongBits(actual),
                "expected " + expected + ", got " + actual);
    }

    /** tanh to 50 digits: (e^2x - 1) / (e^2x + 1), or its series near 0. */
    static BigDecimal exactTanh(BigDecimal x) {
        if (x.abs().compareTo(new BigDecimal("1e-3")) < 0) {
            long[][] coefficients = {{-1, 3}, {2, 15}, {-17, 315}, {62, 2835}, {-1382, 155925}, {21844, 6081075}};
            BigDecimal x2 = x.multiply(x, MC);
            BigDecimal power = x;
            BigDecimal sum = x;
            for (long[] c : coefficients) {
                power = power.multiply(x2, MC);
                sum = sum.add(power.multiply(BigDecimal.valueOf(c[0])).divide(BigDecimal.valueOf(c[1]), MC), MC);
            }
            return sum;
        }
        BigDecimal e = exact(x.multiply(BigDecimal.valueOf(2)));
        return e.subtract(BigDecimal.ONE).divide(e.add(BigDecimal.ONE), MC);
    }

    /** e^x to 50 digits: the series of x / 2^s, squared s times. */
    private static BigDecimal exact(BigDecimal x) {
        int halvings = 0;
        BigDecimal y = x;
        while (y.abs().compareTo(new BigDecimal("0.01")) > 0) {
            y = y.divide(BigDecimal.valueOf(2), MC);
            halvings++;
        }
        BigDecimal sum = BigDecimal.ONE;
        BigDecimal term = BigDecimal.ONE;
        for (int k = 1; k < 30; k++) {
            term = term.multiply(y, MC).divide(BigDecimal.valueOf(k), MC);
            sum = sum.add(term, MC);
        }
        for (int i = 0; i < halvings; i++) {
            sum = sum.multiply(sum, MC);
        }
        return sum;
    }
}
