package dev.ablate4j.nn;

/**
 * A deterministic hyperbolic tangent built only from IEEE operations that Java specifies exactly
 * (+, -, *, /, comparisons, conversions), a table computed at class initialization in double-double
 * arithmetic (itself made of such operations), and {@link StrictMath#exp} for large arguments. Java floating
 * point has been strict since 17, so the result is bit-identical on every JVM and CPU; it is
 * about five times faster than {@link StrictMath#tanh} on JDK 17 and stays within one ulp of the
 * exact value (the accuracy test measures the largest error against {@code StrictMath} and an
 * exact reference).
 *
 * <p>With a = |x| and the sign restored at the end:
 * <ul>
 *   <li>a &lt; 2<sup>-28</sup>: tanh x = x (the cubic term is below half an ulp); this also
 *       returns -0.0 for -0.0.</li>
 *   <li>a &lt; 1/8: the Taylor series x + c3 x<sup>3</sup> + ... + c17 x<sup>17</sup> (the first
 *       omitted term is below 2<sup>-66</sup> relative).</li>
 *   <li>a &lt; 8: addition theorem around the nearest table point j/64: with T = tanh(j/64) stored
 *       as a double T<sub>hi</sub> plus the rest T<sub>lo</sub>, and t = tanh(a - j/64) from a short
 *       Taylor series (|a - j/64| &le; 1/128, computed exactly), tanh a = T + t(1 - T<sup>2</sup>) /
 *       (1 + T t), evaluated as T<sub>hi</sub> + (T<sub>lo</sub> + correction) so the rounding
 *       errors only touch the small correction.</li>
 *   <li>a &lt; 22: 1 - 2 / (e<sup>2a</sup> + 1); the fraction is below 2.3e-7, so the error of
 *       {@code StrictMath.exp} hardly reaches the result.</li>
 *   <li>larger (and infinite): 1. NaN gives NaN.</li>
 * </ul>
 */
final class Tanh {

    private Tanh() {}

    /** Table spacing 1/64 and its inverse. */
    static final double STEP = 1.0 / 64;
    static final double INV_STEP = 64;
    /** Arguments from here on use 1 - 2 / (e^2a + 1). */
    static final double TABLE_END = 8;
    /** Below this the Taylor series about 0 is used. */
    static final double SERIES_END = 0.125;
    static final double TINY = 0x1p-28;
    static final double SATURATED = 22;

    // Taylor coefficients of tanh: 2^2n (2^2n - 1) B_2n / (2n)!
    static final double C3 = -1.0 / 3;
    static final double C5 = 2.0 / 15;
    static final double C7 = -17.0 / 315;
    static final double C9 = 62.0 / 2835;
    static final double C11 = -1382.0 / 155925;
    static final double C13 = 21844.0 / 6081075;
    static final double C15 = -929569.0 / 638512875;
    static final double C17 = 6404582.0 / 10854718875.0;

    /** tanh(j/64) rounded to double, and the remainder tanh(j/64) - HI[j] rounded to double. */
    static final double[] HI;
    static final double[] LO;

    static {
        int n = (int) (TABLE_END * INV_STEP) + 1;
        HI = new double[n];
        LO = new double[n];
        // e^(2/64) by its series in double-double arithmetic, then e^(2j/64) by repeated
        // multiplication: about 2^-95 relative error after 512 steps, far below what the table needs
        DoubleDouble q = DoubleDouble.ONE;
        DoubleDouble term = DoubleDouble.ONE;
        for (int k = 1; k <= 20; k++) {
            term = term.times(2 * STEP).dividedBy(k); // multiplying by a power of 2 is exact
            q = q.plus(term);
        }
        DoubleDouble e = DoubleDouble.ONE;
        for (int j = 0; j < n; j++) {
            DoubleDouble tanh = e.plus(-1.0).dividedBy(e.plus(1.0));
            HI[j] = tanh.hi;
            LO[j] = tanh.lo;
            e = e.times(q);
        }
    }

    /** tanh(j/64) as a pair (HI[j], LO[j]), for tests. */
    static double[] tableEntry(int j) {
        return new double[] {HI[j], LO[j]};
    }

    /**
     * An unevaluated sum hi + lo with |lo| &le; ulp(hi)/2 (about 106 significant bits), with the
     * error-free transformations of Knuth (two-sum) and Dekker (splitting, two-product): plain
     * IEEE double operations only, so bit-identical everywhere. Used only to build the table.
     */
    static final class DoubleDouble {
        static final DoubleDouble ONE = new DoubleDouble(1.0, 0.0);
        private static final double SPLITTER = 0x1p27 + 1;

        final double hi;
        final double lo;

        DoubleDouble(double hi, double lo) {
            this.hi = hi;
            this.lo = lo;
        }

        /** hi + lo renormalized, given |hi| &ge; |lo|. */
        private static DoubleDouble quickTwoSum(double a, double b) {
            double s = a + b;
            return new DoubleDouble(s, b - (s - a));
        }

        DoubleDouble plus(DoubleDouble b) {
            double s = hi + b.hi;
            double v = s - hi;
            double e = (hi - (s - v)) + (b.hi - v);
            double t = lo + b.lo;
            double w = t - lo;
            double f = (lo - (t - w)) + (b.lo - w);
            DoubleDouble r = quickTwoSum(s, e + t);
            return quickTwoSum(r.hi, r.lo + f);
        }

        DoubleDouble plus(double b) {
            return plus(new DoubleDouble(b, 0.0));
        }

        DoubleDouble times(DoubleDouble b) {
            double p = hi * b.hi;
            double e = twoProductError(hi, b.hi, p) + (hi * b.lo + lo * b.hi);
            return quickTwoSum(p, e);
        }

        DoubleDouble times(double b) {
            return times(new DoubleDouble(b, 0.0));
        }

        DoubleDouble dividedBy(DoubleDouble b) {
            double q1 = hi / b.hi;
            DoubleDouble r = plus(b.times(-q1));
            double q2 = r.hi / b.hi;
            r = r.plus(b.times(-q2));
            double q3 = r.hi / b.hi;
            return quickTwoSum(q1, q2).plus(q3);
        }

        DoubleDouble dividedBy(double b) {
            return dividedBy(new DoubleDouble(b, 0.0));
        }

        /** The rounding error of p = a * b (Dekker), exact. */
        private static double twoProductError(double a, double b, double p) {
            double ta = SPLITTER * a;
            double ah = ta - (ta - a);
            double al = a - ah;
            double tb = SPLITTER * b;
            double bh = tb - (tb - b);
            double bl = b - bh;
            return ((ah * bh - p) + ah * bl + al * bh) + al * bl;
        }
    }

    static double tanh(double x) {
        double a = Math.abs(x);
        if (a < SERIES_END) {
            if (a < TINY) {
                return x;
            }
            double x2 = x * x;
            double p = C15 + x2 * C17;
            p = C13 + x2 * p;
            p = C11 + x2 * p;
            p = C9 + x2 * p;
            p = C7 + x2 * p;
            p = C5 + x2 * p;
            p = C3 + x2 * p;
            return x + x * (x2 * p);
        }
        double r;
        if (a < TABLE_END) {
            int j = (int) (a * INV_STEP + 0.5);
            double b = a - j * STEP; // exact: a and j/64 are within a factor 2 of each other
            double b2 = b * b;
            double t = b + b * (b2 * (C3 + b2 * (C5 + b2 * (C7 + b2 * C9))));
            double hi = HI[j];
            double correction = t * (1.0 - hi * hi) / (1.0 + hi * t);
            r = hi + (LO[j] + correction);
        } else if (a < SATURATED) {
            r = 1.0 - 2.0 / (StrictMath.exp(2.0 * a) + 1.0);
        } else if (a >= SATURATED) {
            r = 1.0;
        } else {
            return x; // NaN
        }
        return x < 0 ? -r : r;
    }
}
