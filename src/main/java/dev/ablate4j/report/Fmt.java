package dev.ablate4j.report;

import dev.ablate4j.stats.Interval;
import java.math.BigDecimal;
import java.util.Locale;

/** Number formatting for tables, independent of the default locale. */
public final class Fmt {

    private Fmt() {}

    /** A score or statistic with a sensible number of digits; "n/a" for NaN. */
    public static String num(double v) {
        if (Double.isNaN(v)) {
            return "n/a";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "inf" : "-inf";
        }
        double a = Math.abs(v);
        if (a >= 1000) {
            return String.format(Locale.ROOT, "%.0f", v);
        }
        if (a >= 100) {
            return String.format(Locale.ROOT, "%.1f", v);
        }
        if (a >= 1) {
            return String.format(Locale.ROOT, "%.2f", v);
        }
        if (a == 0) {
            return "0";
        }
        if (a >= 1e-3) {
            return String.format(Locale.ROOT, "%.3f", v);
        }
        return String.format(Locale.ROOT, "%.2e", v);
    }

    /** "[lo, hi]" with {@link #num}. */
    public static String ci(Interval i) {
        return i == null || Double.isNaN(i.lo()) ? "n/a" : "[" + num(i.lo()) + ", " + num(i.hi()) + "]";
    }

    /** "[lo, hi]" with {@link #prob}; "n/a" when there is no interval. */
    public static String probCi(Interval i) {
        return i == null || Double.isNaN(i.lo()) ? "n/a" : "[" + prob(i.lo()) + ", " + prob(i.hi()) + "]";
    }

    /** A p-value: three decimals, or scientific below 0.001. */
    public static String p(double p) {
        if (Double.isNaN(p)) {
            return "n/a";
        }
        return p < 0.001 ? String.format(Locale.ROOT, "%.1e", p) : String.format(Locale.ROOT, "%.3f", p);
    }

    /** A probability or fraction with two decimals. */
    public static String prob(double p) {
        return Double.isNaN(p) ? "n/a" : String.format(Locale.ROOT, "%.2f", p);
    }

    /** Full precision for CSV: shortest round-trip text, empty for NaN. */
    public static String csv(double v) {
        return Double.isNaN(v) ? "" : dev.ablate4j.results.Num.format(v);
    }

    /** Compact text of a config value: 3.0E-4 → 0.0003; from 1e9 on in powers of ten, 1.0E32 → 1E+32. */
    public static String compact(double v) {
        if (!Double.isFinite(v)) {
            return "" + v;
        }
        BigDecimal d = new BigDecimal(Double.toString(v)).stripTrailingZeros();
        return Math.abs(v) >= 1e9 ? d.toString() : d.toPlainString();
    }

    /** Seeds needed as text: the count, or "&gt; 100000" / "n/a". */
    public static String seeds(int n, double effect) {
        if (n > 0) {
            return Integer.toString(n);
        }
        return Double.isNaN(effect) ? "n/a" : (effect == 0 ? "never (no effect)" : "> 100000");
    }
}
