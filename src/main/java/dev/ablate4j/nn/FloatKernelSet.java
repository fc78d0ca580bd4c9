package dev.ablate4j.nn;

/**
 * The three float32 matrix products of {@link FloatMlpRunner} and its hidden tanh, as a set that
 * can be implemented twice: {@link #SCALAR} (plain loops that C2 auto-vectorizes,
 * {@link FloatKernels}, {@link FloatTanh}) and {@code VectorFloatKernels} (the Vector API). Every
 * implementation computes the same bits: each y element takes its terms in ascending k, one
 * {@link Math#fma} each, starting from the y value it is given, and tanh is {@link FloatTanh#tanh}
 * element by element; only how many elements are computed side by side differs.
 * {@link FloatKernelChoice} picks one set per JVM.
 */
interface FloatKernelSet {

    /** y[r][o] = fma(c[r][k], a[k][o], y[r][o]) for k = 0, ..., count-1 in order (y += c a). */
    void multiplyAccumulate(float[][] c, float[][] a, float[][] y, int rows, int count, int len);

    /** y[o] = fma(c[k], a[k][o], y[o]) for k = 0, ..., count-1 in order (one row times a matrix). */
    void rowTimesRows(float[] c, float[][] a, float[] y, int count, int len);

    /** y[r][o] = fma(c[k][r], a[k][o], y[r][o]) for k = k0, ..., k0+count-1 in order (y += c^T a). */
    void multiplyAccumulateTransposed(float[][] c, int k0, float[][] a, float[][] y, int rows, int count, int len);

    /**
     * z[k] = {@link FloatTanh#tanh}(z[k]) for k {@literal <} count (the same bits as the scalar
     * function); {@code scratch} holds at least count doubles and is overwritten.
     */
    void tanh(float[] z, int count, double[] scratch);

    /** What this set is, for people (e.g. "Vector API, 16 float lanes"). */
    String description();

    /** The plain-Java kernels ({@link FloatKernels}); always available. */
    FloatKernelSet SCALAR = new FloatKernelSet() {
        @Override
        public void multiplyAccumulate(float[][] c, float[][] a, float[][] y, int rows, int count, int len) {
            FloatKernels.multiplyAccumulate(c, a, y, rows, count, len);
        }

        @Override
        public void rowTimesRows(float[] c, float[][] a, float[] y, int count, int len) {
            FloatKernels.rowTimesRows(c, a, y, count, len);
        }

        @Override
        public void multiplyAccumulateTransposed(float[][] c, int k0, float[][] a, float[][] y, int rows, int count,
                int len) {
            FloatKernels.multiplyAccumulateTransposed(c, k0, a, y, rows, count, len);
        }

        @Override
        public void tanh(float[] z, int count, double[] scratch) {
            FloatTanh.apply(z, count);
        }

        @Override
        public String description() {
            return "scalar (C2 auto-vectorized)";
        }
    };
}
