package dev.ablate4j.policy;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Doubles as decimal text that reads back to the same 64 bits, with the same characters on every
 * JDK: the shortest decimal of at most 17 significant digits (found by rounding the value with
 * {@link BigDecimal} to 17 digits, then to 1, 2, … digits) that {@link Double#parseDouble} turns back into the
 * number. Both steps are exactly specified, unlike {@link Double#toString}, whose digits changed in
 * JDK 19. Any correctly rounding reader (Python's {@code float}, {@code json}, numpy, Jackson)
 * gets the same double back.
 *
 * <p>Format: plain notation ({@code 0.0123}, {@code -2.0}, {@code 153.25}) when the decimal
 * exponent lies in [−5, 16], otherwise {@code d.ddde±n} ({@code 1.5e-08}); always with a point,
 * and {@code -0.0} for negative zero.
 */
public final class ExactNumbers {

    private static final int MAX_DIGITS = 17;
    private static final MathContext[] CONTEXTS = new MathContext[MAX_DIGITS + 1];

    static {
        for (int p = 1; p <= MAX_DIGITS; p++) {
            CONTEXTS[p] = new MathContext(p, RoundingMode.HALF_EVEN);
        }
    }

    private ExactNumbers() {}

    /** {@code x} as text; throws for NaN and infinities, which JSON cannot hold. */
    public static String format(double x) {
        if (!Double.isFinite(x)) {
            throw new IllegalArgumentException("not a finite number: " + x);
        }
        if (x == 0) {
            return Double.doubleToRawLongBits(x) == 0 ? "0.0" : "-0.0";
        }
        // 17 digits always read back; the shorter candidates are rounded from those (cheap, and every
        // candidate is tested, so a double rounding can only cost a digit, never exactness)
        BigDecimal d = new BigDecimal(x).round(CONTEXTS[MAX_DIGITS]);
        for (int p = 1; p < MAX_DIGITS; p++) {
            BigDecimal candidate = d.round(CONTEXTS[p]);
            if (Double.parseDouble(candidate.toString()) == x) {
                d = candidate;
                break;
            }
        }
        d = d.stripTrailingZeros();
        int exponent = d.precision() - d.scale() - 1;
        if (exponent >= -5 && exponent <= 16) {
            String plain = d.toPlainString();
            return plain.indexOf('.') >= 0 ? plain : plain + ".0";
        }
        String digits = d.unscaledValue().abs().toString();
        String mantissa = digits.length() == 1 ? digits + ".0" : digits.charAt(0) + "." + digits.substring(1);
        return (d.signum() < 0 ? "-" : "") + mantissa + "e" + (exponent < 0 ? "-" : "+")
                + (Math.abs(exponent) < 10 ? "0" : "") + Math.abs(exponent);
    }
}
