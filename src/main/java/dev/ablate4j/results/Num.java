package dev.ablate4j.results;

import java.math.BigDecimal;
import java.math.MathContext;

/**
 * Number formatting for results files: 12 significant digits computed with {@link BigDecimal}
 * (exact, specified arithmetic), so the same double prints the same characters on every JDK —
 * {@code Double.toString} changed its digits in JDK 19.
 */
public final class Num {

    private static final MathContext DIGITS = new MathContext(12);

    private Num() {}

    public static String format(double x) {
        if (Double.isNaN(x)) {
            return "NaN";
        }
        if (Double.isInfinite(x)) {
            return x > 0 ? "inf" : "-inf";
        }
        if (x == 0) {
            return "0";
        }
        return new BigDecimal(x).round(DIGITS).stripTrailingZeros().toString();
    }
}
