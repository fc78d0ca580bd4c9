package dev.ablate4j.nn;

/**
 * Adam (Kingma and Ba 2015), minimizing: with g the gradient of the loss,
 * m = b1 m + (1 - b1) g, v = b2 v + (1 - b2) g^2, and then, as PyTorch arranges it,
 * p -= (lr / (1 - b1^t)) * m / (sqrt(v) / sqrt(1 - b2^t) + eps). The powers b^t are computed by
 * repeated squaring (exact IEEE multiplications, so bit-reproducible; {@code StrictMath.pow}
 * allocates on every call). To maximize an objective pass its
 * negated gradient.
 *
 * <p>In {@link Precision#FLOAT32} the gradient is rounded to float and m, v and the parameters are
 * float values (held in the double arrays, which store them exactly), updated in float arithmetic
 * with fused multiply-adds: m = fma(b1, m, (1 - b1) g), v = fma(b2, v, (1 - b2) g g),
 * p = fma(-step, m / (sqrt(v) / sqrt(1 - b2^t) + eps), p), with the step size lr / (1 - b1^t) and
 * the bias corrections computed in double and rounded once.
 */
public final class Adam {

    private final int size;
    private final double beta1;
    private final double beta2;
    private final double eps;
    private final double[] m;
    private final double[] v;
    private final Precision precision;
    /** float32 only: the state m and v, and scratch for the gradient and the parameters. */
    private final float[] mf;
    private final float[] vf;
    private final float[] gf;
    private final float[] pf;
    private long steps;

    /** Adam with beta1 0.9, beta2 0.999 and eps 1e-5 (the paper's code). */
    public Adam(int size) {
        this(size, 0.9, 0.999, 1e-5);
    }

    public Adam(int size, double beta1, double beta2, double eps) {
        this(size, beta1, beta2, eps, Precision.FLOAT64);
    }

    /** Adam whose state and parameter updates are in {@code precision}. */
    public Adam(int size, double beta1, double beta2, double eps, Precision precision) {
        if (size < 1) {
            throw new IllegalArgumentException("Adam size must be >= 1, got " + size);
        }
        if (!(beta1 >= 0.0 && beta1 < 1.0) || !(beta2 >= 0.0 && beta2 < 1.0)) {
            throw new IllegalArgumentException(
                    "Adam betas must be in [0, 1), got beta1=" + beta1 + ", beta2=" + beta2);
        }
        if (!(eps > 0.0) || Double.isInfinite(eps)) {
            throw new IllegalArgumentException("Adam eps must be a positive finite number, got " + eps);
        }
        this.size = size;
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.eps = eps;
        this.m = new double[size];
        this.v = new double[size];
        this.precision = precision;
        int floats = precision == Precision.FLOAT32 ? size : 0;
        this.mf = new float[floats];
        this.vf = new float[floats];
        this.gf = new float[floats];
        this.pf = new float[floats];
    }

    /** One update of {@code params} (in place) with gradient {@code grads} and learning rate {@code lr}. */
    public void step(double[] params, double[] grads, double lr) {
        checkLength("params", params);
        checkLength("grads", grads);
        if (!Double.isFinite(lr) || lr < 0.0) {
            throw new IllegalArgumentException("Adam learning rate must be finite and >= 0, got " + lr);
        }
        steps++;
        double biasCorrection1 = 1.0 - power(beta1, steps);
        double sqrtBiasCorrection2 = Math.sqrt(1.0 - power(beta2, steps));
        double stepSize = lr / biasCorrection1;
        if (precision == Precision.FLOAT32) {
            stepFloat(params, grads, (float) stepSize, (float) sqrtBiasCorrection2);
            return;
        }
        for (int k = 0; k < size; k++) {
            double g = grads[k];
            m[k] = beta1 * m[k] + (1.0 - beta1) * g;
            v[k] = beta2 * v[k] + (1.0 - beta2) * g * g;
            params[k] -= stepSize * m[k] / (Math.sqrt(v[k]) / sqrtBiasCorrection2 + eps);
        }
    }

    /**
     * The float32 step in three loops so that C2 can vectorize the arithmetic one (on JDK 17 it does
     * not vectorize loops that convert between double and float): round the gradient and the
     * parameters into float scratch, update, write the parameters back. The float state lives in
     * {@code mf}/{@code vf}; the double arrays m and v are filled from it when asked for.
     */
    private void stepFloat(double[] params, double[] grads, float stepSize, float sqrtBiasCorrection2) {
        float b1 = (float) beta1;
        float b2 = (float) beta2;
        float c1 = (float) (1.0 - beta1);
        float c2 = (float) (1.0 - beta2);
        float e = (float) eps;
        float[] g = gf;
        float[] p = pf;
        float[] mk = mf;
        float[] vk = vf;
        for (int k = 0; k < size; k++) {
            g[k] = (float) grads[k];
            p[k] = (float) params[k];
        }
        for (int k = 0; k < size; k++) {
            float gk = g[k];
            float m1 = Math.fma(b1, mk[k], c1 * gk);
            float v1 = Math.fma(b2, vk[k], c2 * gk * gk);
            mk[k] = m1;
            vk[k] = v1;
            p[k] = Math.fma(-stepSize, m1 / ((float) Math.sqrt(v1) / sqrtBiasCorrection2 + e), p[k]);
        }
        for (int k = 0; k < size; k++) {
            params[k] = p[k];
        }
    }

    /** The precision of the state and the updates. */
    public Precision precision() {
        return precision;
    }

    /** Number of steps taken (t). */
    public long steps() {
        return steps;
    }

    /** The first-moment estimate m (live in float64; in float32 refreshed from the float state on each call). */
    public double[] firstMoment() {
        syncFromFloat(mf, m);
        return m;
    }

    /** The second-moment estimate v (live in float64; in float32 refreshed from the float state on each call). */
    public double[] secondMoment() {
        syncFromFloat(vf, v);
        return v;
    }

    private void syncFromFloat(float[] from, double[] to) {
        if (precision == Precision.FLOAT32) {
            for (int k = 0; k < size; k++) {
                to[k] = from[k];
            }
        }
    }

    /** Restores the state (e.g. from a checkpoint): copies {@code m} and {@code v}, sets the step count. */
    public void restore(double[] m, double[] v, long steps) {
        checkLength("m", m);
        checkLength("v", v);
        if (steps < 0) {
            throw new IllegalArgumentException("Adam.restore: steps must be >= 0, got " + steps);
        }
        System.arraycopy(m, 0, this.m, 0, size);
        System.arraycopy(v, 0, this.v, 0, size);
        if (precision == Precision.FLOAT32) {
            for (int k = 0; k < size; k++) {
                mf[k] = (float) m[k];
                vf[k] = (float) v[k];
            }
        }
        this.steps = steps;
    }

    /** base^exponent by repeated squaring, exponent >= 0. */
    static double power(double base, long exponent) {
        double result = 1.0;
        double square = base;
        for (long e = exponent; e > 0; e >>= 1) {
            if ((e & 1L) != 0) {
                result *= square;
            }
            square *= square;
        }
        return result;
    }

    private void checkLength(String name, double[] a) {
        if (a == null || a.length != size) {
            throw new IllegalArgumentException("Adam " + name + " must have length " + size + ", got "
                    + (a == null ? "null" : String.valueOf(a.length)));
        }
    }
}
