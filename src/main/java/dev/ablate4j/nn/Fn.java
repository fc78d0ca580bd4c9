package dev.ablate4j.nn;

import java.util.SplittableRandom;

/**
 * Deterministic math used by networks and sampling: bit-identical on every JVM and CPU.
 *
 * <p>The transcendental functions delegate to {@link StrictMath}, whose results are specified to
 * be those of fdlibm on every platform (unlike {@link Math}, whose intrinsics may differ between
 * JDKs and CPUs). {@code StrictMath} was chosen over commons-math3 {@code FastMath} by measurement;
 * the figures are in the package documentation.
 */
public final class Fn {

    private Fn() {}

    /** Hyperbolic tangent. */
    public static double tanh(double x) {
        return StrictMath.tanh(x);
    }

    /** e to the power x. */
    public static double exp(double x) {
        return StrictMath.exp(x);
    }

    /** Natural logarithm. */
    public static double log(double x) {
        return StrictMath.log(x);
    }

    /**
     * A standard normal draw by Marsaglia's polar method, using only {@link #log} and the exact
     * {@link Math#sqrt}. The second value the method produces is discarded, so the result depends
     * on nothing but the state of {@code rng}.
     */
    public static double standardNormal(SplittableRandom rng) {
        double u;
        double s;
        do {
            u = 2.0 * rng.nextDouble() - 1.0;
            double v = 2.0 * rng.nextDouble() - 1.0;
            s = u * u + v * v;
        } while (s >= 1.0 || s == 0.0);
        return u * Math.sqrt(-2.0 * log(s) / s);
    }
}
