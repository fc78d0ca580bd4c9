package dev.ablate4j.nn;

/**
 * The two float64 matrix products that carry {@link Mlp}'s batch passes and its hidden tanh, as a set implemented
 * twice: {@link #SCALAR} ({@link MatrixKernels}, plain loops that C2 auto-vectorizes) and
 * {@code VectorDoubleKernels} (the Vector API). Both compute the same bits: each y element is its
 * starting value plus its terms c*a in ascending k, each product and each sum rounded (no fused
 * multiply-add), and tanh is {@link Fn#tanh} element by element. {@link DoubleKernelChoice} picks
 * one set per JVM.
 */
interface DoubleKernelSet {

    /** y[r][o] = y[r][o] + c[r][k] * a[k][o] for k = 0, ..., count-1 in order (y += c a). */
    void multiplyAccumulate(double[][] c, double[][] a, double[][] y, int rows, int count, int len);

    /** y[r][o] = y[r][o] + c[k][r] * a[k][o] for k = k0, ..., k0+count-1 in order (y += c^T a). */
    void multiplyAccumulateTransposed(double[][] c, int k0, double[][] a, double[][] y, int rows, int count, int len);

    /** Doubles of scratch space {@link #tanh} may use. */
    int TANH_SCRATCH = 4 * 16;

    /**
     * z[k] = {@link Fn#tanh}(z[k]) for k {@literal <} count, the same bits as the scalar function;
     * {@code scratch} holds at least {@link #TANH_SCRATCH} doubles and is overwritten.
     */
    void tanh(double[] z, int count, double[] scratch);

    /** What this set is, for people (e.g. "Vector API, 8 double lanes"). */
    String description();

    /** The plain-Java kernels ({@link MatrixKernels}); always available. */
    DoubleKernelSet SCALAR = new DoubleKernelSet() {
        @Override
        public void multiplyAccumulate(double[][] c, double[][] a, double[][] y, int rows, int count, int len) {
            MatrixKernels.multiplyAccumulate(c, a, y, rows, count, len);
        }

        @Override
        public void multiplyAccumulateTransposed(double[][] c, int k0, double[][] a, double[][] y, int rows,
                int count, int len) {
            MatrixKernels.multiplyAccumulateTransposed(c, k0, a, y, rows, count, len);
        }

        @Override
        public void tanh(double[] z, int count, double[] scratch) {
            for (int k = 0; k < count; k++) {
                z[k] = Fn.tanh(z[k]);
            }
        }

        @Override
        public String description() {
            return "scalar (C2 auto-vectorized)";
        }
    };
}
