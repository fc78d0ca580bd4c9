package dev.ablate4j.nn;

import java.util.SplittableRandom;

/**
 * Deterministic math used by networks and sampling: bit-identical on every JVM and CPU.
 *
 * <p>{@link #tanh}, the function on the hot path, is ablate4j's own pure-Java {@link Tanh} (exact
 * IEEE operations and a table; within 0.75 ulp of the exact value, about five times faster than
 * {@code StrictMath.tanh} on JDK 17). {@link #exp} and {@link #log} delegate to
 * {@link StrictMath}, whose results are specified to be those of fdlibm on every platform
 * (unlike {@link Math}, whose intrinsics may differ between JDKs and CPUs). The measurements
 * behind these choices are in the package documentation.
 */
public final class Fn {

    private Fn() {}

    /** Hyperbolic tangent (see {@link Tanh}). */
    public static double tanh(double x) {
        return Tanh.tanh(x);
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
