package dev.ablate4j.nn;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The float64 matrix products of {@link Mlp} written with the Vector API ({@code jdk.incubator.vector}),
 * computing the same bits as {@link MatrixKernels}; loaded by name by {@link DoubleKernelChoice},
 * only when the JVM has the module.
 *
 * <p><b>Why the bits are the same.</b> In {@link MatrixKernels} every y element is its starting
 * value plus its terms c*a one by one in ascending k, each product rounded and then each sum
 * rounded (Java never fuses a multiply and an add, and neither does the Vector API: {@code mul}
 * then {@code add} are two lane-wise IEEE operations, never an {@code fma}). These kernels keep
 * each element's chain and compute many chains side by side: the lanes are consecutive output
 * elements o, the coefficient is broadcast, and the tail beyond the last whole vector uses the
 * same scalar operations. {@code VectorDoubleKernelsTest} compares them with {@link MatrixKernels}
 * bit for bit over shapes around the lane count, and the golden hashes of whole trainings
 * ({@code GoldenHashTest}, run by the build with the module) pin it end to end.
 *
 * <p><b>Shape.</b> As {@code VectorFloatKernels}: four rows of y by four vectors of o (with AVX-512,
 * 8 doubles per vector: 4 x 32 elements) held in registers for the whole k loop; narrower rows four
 * rows by one vector, then the scalar tail; rows beyond the blocks of four one at a time. The only
 * species is {@link DoubleVector#SPECIES_PREFERRED}, the one {@code VectorFloatKernels}' tanh uses:
 * a second double shape in the JVM would make the API's shared methods polymorphic and lose C2's
 * intrinsics (see {@code VectorFloatKernels}).
 */
final class VectorDoubleKernels implements DoubleKernelSet {

    private static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;
    /** Doubles per vector. */
    private static final int L = S.length();
    /** Elements of o per block: four vectors. */
    private static final int W = 4 * L;

    VectorDoubleKernels() {}

    @Override
    public String description() {
        return "Vector API, " + L + " double lanes";
    }

    @Override
    public void multiplyAccumulate(double[][] c, double[][] a, double[][] y, int rows, int count, int len) {
        int r = 0;
        for (; r + 3 < rows; r += 4) {
            double[] c0 = c[r];
            double[] c1 = c[r + 1];
            double[] c2 = c[r + 2];
            double[] c3 = c[r + 3];
            double[] y0 = y[r];
            double[] y1 = y[r + 1];
            double[] y2 = y[r + 2];
            double[] y3 = y[r + 3];
            int o = 0;
            for (; o + W <= len; o += W) {
                int o1 = o + L;
                int o2 = o + 2 * L;
                int o3 = o + 3 * L;
                DoubleVector v00 = DoubleVector.fromArray(S, y0, o);
                DoubleVector v01 = DoubleVector.fromArray(S, y0, o1);
                DoubleVector v02 = DoubleVector.fromArray(S, y0, o2);
                DoubleVector v03 = DoubleVector.fromArray(S, y0, o3);
                DoubleVector v10 = DoubleVector.fromArray(S, y1, o);
                DoubleVector v11 = DoubleVector.fromArray(S, y1, o1);
                DoubleVector v12 = DoubleVector.fromArray(S, y1, o2);
                DoubleVector v13 = DoubleVector.fromArray(S, y1, o3);
                DoubleVector v20 = DoubleVector.fromArray(S, y2, o);
                DoubleVector v21 = DoubleVector.fromArray(S, y2, o1);
                DoubleVector v22 = DoubleVector.fromArray(S, y2, o2);
                DoubleVector v23 = DoubleVector.fromArray(S, y2, o3);
                DoubleVector v30 = DoubleVector.fromArray(S, y3, o);
                DoubleVector v31 = DoubleVector.fromArray(S, y3, o1);
                DoubleVector v32 = DoubleVector.fromArray(S, y3, o2);
                DoubleVector v33 = DoubleVector.fromArray(S, y3, o3);
                for (int k = 0; k < count; k++) {
                    double[] ak = a[k];
                    DoubleVector w0 = DoubleVector.fromArray(S, ak, o);
                    DoubleVector w1 = DoubleVector.fromArray(S, ak, o1);
                    DoubleVector w2 = DoubleVector.fromArray(S, ak, o2);
                    DoubleVector w3 = DoubleVector.fromArray(S, ak, o3);
                    DoubleVector p = DoubleVector.broadcast(S, c0[k]);
                    v00 = v00.add(w0.mul(p));
                    v01 = v01.add(w1.mul(p));
                    v02 = v02.add(w2.mul(p));
                    v03 = v03.add(w3.mul(p));
                    p = DoubleVector.broadcast(S, c1[k]);
                    v10 = v10.add(w0.mul(p));
                    v11 = v11.add(w1.mul(p));
                    v12 = v12.add(w2.mul(p));
                    v13 = v13.add(w3.mul(p));
                    p = DoubleVector.broadcast(S, c2[k]);
                    v20 = v20.add(w0.mul(p));
                    v21 = v21.add(w1.mul(p));
                    v22 = v22.add(w2.mul(p));
                    v23 = v23.add(w3.mul(p));
                    p = DoubleVector.broadcast(S, c3[k]);
                    v30 = v30.add(w0.mul(p));
                    v31 = v31.add(w1.mul(p));
                    v32 = v32.add(w2.mul(p));
                    v33 = v33.add(w3.mul(p));
                }
                v00.intoArray(y0, o);
                v01.intoArray(y0, o1);
                v02.intoArray(y0, o2);
                v03.intoArray(y0, o3);
                v10.intoArray(y1, o);
                v11.intoArray(y1, o1);
                v12.intoArray(y1, o2);
                v13.intoArray(y1, o3);
                v20.intoArray(y2, o);
                v21.intoArray(y2, o1);
                v22.intoArray(y2, o2);
                v23.intoArray(y2, o3);
                v30.intoArray(y3, o);
                v31.intoArray(y3, o1);
                v32.intoArray(y3, o2);
                v33.intoArray(y3, o3);
            }
            for (; o + L <= len; o += L) {
                DoubleVector v0 = DoubleVector.fromArray(S, y0, o);
                DoubleVector v1 = DoubleVector.fromArray(S, y1, o);
                DoubleVector v2 = DoubleVector.fromArray(S, y2, o);
                DoubleVector v3 = DoubleVector.fromArray(S, y3, o);
                for (int k = 0; k < count; k++) {
                    DoubleVector w = DoubleVector.fromArray(S, a[k], o);
                    v0 = v0.add(w.mul(DoubleVector.broadcast(S, c0[k])));
                    v1 = v1.add(w.mul(DoubleVector.broadcast(S, c1[k])));
                    v2 = v2.add(w.mul(DoubleVector.broadcast(S, c2[k])));
                    v3 = v3.add(w.mul(DoubleVector.broadcast(S, c3[k])));
                }
                v0.intoArray(y0, o);
                v1.intoArray(y1, o);
                v2.intoArray(y2, o);
                v3.intoArray(y3, o);
            }
            if (o < len) {
                for (int k = 0; k < count; k++) {
                    double p0 = c0[k];
                    double p1 = c1[k];
                    double p2 = c2[k];
                    double p3 = c3[k];
                    double[] ak = a[k];
                    for (int i = o; i < len; i++) {
                        double w = ak[i];
                        y0[i] = y0[i] + p0 * w;
                        y1[i] = y1[i] + p1 * w;
                        y2[i] = y2[i] + p2 * w;
                        y3[i] = y3[i] + p3 * w;
                    }
                }
            }
        }
        for (; r < rows; r++) {
            rowTimesRows(c[r], a, y[r], count, len);
        }
    }

    @Override
    public void multiplyAccumulateTransposed(double[][] c, int k0, double[][] a, double[][] y, int rows, int count,
            int len) {
        int end = k0 + count;
        int r = 0;
        for (; r + 3 < rows; r += 4) {
            int r1 = r + 1;
            int r2 = r + 2;
            int r3 = r + 3;
            double[] y0 = y[r];
            double[] y1 = y[r1];
            double[] y2 = y[r2];
            double[] y3 = y[r3];
            int o = 0;
            for (; o + W <= len; o += W) {
                int o1 = o + L;
                int o2 = o + 2 * L;
                int o3 = o + 3 * L;
                DoubleVector v00 = DoubleVector.fromArray(S, y0, o);
                DoubleVector v01 = DoubleVector.fromArray(S, y0, o1);
                DoubleVector v02 = DoubleVector.fromArray(S, y0, o2);
                DoubleVector v03 = DoubleVector.fromArray(S, y0, o3);
                DoubleVector v10 = DoubleVector.fromArray(S, y1, o);
                DoubleVector v11 = DoubleVector.fromArray(S, y1, o1);
                DoubleVector v12 = DoubleVector.fromArray(S, y1, o2);
                DoubleVector v13 = DoubleVector.fromArray(S, y1, o3);
                DoubleVector v20 = DoubleVector.fromArray(S, y2, o);
                DoubleVector v21 = DoubleVector.fromArray(S, y2, o1);
                DoubleVector v22 = DoubleVector.fromArray(S, y2, o2);
                DoubleVector v23 = DoubleVector.fromArray(S, y2, o3);
                DoubleVector v30 = DoubleVector.fromArray(S, y3, o);
                DoubleVector v31 = DoubleVector.fromArray(S, y3, o1);
                DoubleVector v32 = DoubleVector.fromArray(S, y3, o2);
                DoubleVector v33 = DoubleVector.fromArray(S, y3, o3);
                for (int k = k0; k < end; k++) {
                    double[] ck = c[k];
                    double[] ak = a[k];
                    DoubleVector w0 = DoubleVector.fromArray(S, ak, o);
                    DoubleVector w1 = DoubleVector.fromArray(S, ak, o1);
                    DoubleVector w2 = DoubleVector.fromArray(S, ak, o2);
                    DoubleVector w3 = DoubleVector.fromArray(S, ak, o3);
                    DoubleVector p = DoubleVector.broadcast(S, ck[r]);
                    v00 = v00.add(w0.mul(p));
                    v01 = v01.add(w1.mul(p));
                    v02 = v02.add(w2.mul(p));
                    v03 = v03.add(w3.mul(p));
                    p = DoubleVector.broadcast(S, ck[r1]);
                    v10 = v10.add(w0.mul(p));
                    v11 = v11.add(w1.mul(p));
                    v12 = v12.add(w2.mul(p));
                    v13 = v13.add(w3.mul(p));
                    p = DoubleVector.broadcast(S, ck[r2]);
                    v20 = v20.add(w0.mul(p));
                    v21 = v21.add(w1.mul(p));
                    v22 = v22.add(w2.mul(p));
                    v23 = v23.add(w3.mul(p));
                    p = DoubleVector.broadcast(S, ck[r3]);
                    v30 = v30.add(w0.mul(p));
                    v31 = v31.add(w1.mul(p));
                    v32 = v32.add(w2.mul(p));
                    v33 = v33.add(w3.mul(p));
                }
                v00.intoArray(y0, o);
                v01.intoArray(y0, o1);
                v02.intoArray(y0, o2);
                v03.intoArray(y0, o3);
                v10.intoArray(y1, o);
                v11.intoArray(y1, o1);
                v12.intoArray(y1, o2);
                v13.intoArray(y1, o3);
                v20.intoArray(y2, o);
                v21.intoArray(y2, o1);
                v22.intoArray(y2, o2);
                v23.intoArray(y2, o3);
                v30.intoArray(y3, o);
                v31.intoArray(y3, o1);
                v32.intoArray(y3, o2);
                v33.intoArray(y3, o3);
            }
            for (; o + L <= len; o += L) {
                DoubleVector v0 = DoubleVector.fromArray(S, y0, o);
                DoubleVector v1 = DoubleVector.fromArray(S, y1, o);
                DoubleVector v2 = DoubleVector.fromArray(S, y2, o);
                DoubleVector v3 = DoubleVector.fromArray(S, y3, o);
                for (int k = k0; k < end; k++) {
                    double[] ck = c[k];
                    DoubleVector w = DoubleVector.fromArray(S, a[k], o);
                    v0 = v0.add(w.mul(DoubleVector.broadcast(S, ck[r])));
                    v1 = v1.add(w.mul(DoubleVector.broadcast(S, ck[r1])));
                    v2 = v2.add(w.mul(DoubleVector.broadcast(S, ck[r2])));
                    v3 = v3.add(w.mul(DoubleVector.broadcast(S, ck[r3])));
                }
                v0.intoArray(y0, o);
                v1.intoArray(y1, o);
                v2.intoArray(y2, o);
                v3.intoArray(y3, o);
            }
            if (o < len) {
                for (int k = k0; k < end; k++) {
                    double[] ck = c[k];
                    double p0 = ck[r];
                    double p1 = ck[r1];
                    double p2 = ck[r2];
                    double p3 = ck[r3];
                    double[] ak = a[k];
                    for (int i = o; i < len; i++) {
                        double w = ak[i];
                        y0[i] = y0[i] + p0 * w;
                        y1[i] = y1[i] + p1 * w;
                        y2[i] = y2[i] + p2 * w;
                        y3[i] = y3[i] + p3 * w;
                    }
                }
            }
        }
        for (; r < rows; r++) {
            transposedRow(c, k0, end, r, a, y[r], len);
        }
    }

    private static void transposedRow(double[][] c, int k0, int end, int r, double[][] a, double[] y, int len) {
        int o = 0;
        for (; o + W <= len; o += W) {
            int o1 = o + L;
            int o2 = o + 2 * L;
            int o3 = o + 3 * L;
            DoubleVector v0 = DoubleVector.fromArray(S, y, o);
            DoubleVector v1 = DoubleVector.fromArray(S, y, o1);
            DoubleVector v2 = DoubleVector.fromArray(S, y, o2);
            DoubleVector v3 = DoubleVector.fromArray(S, y, o3);
            for (int k = k0; k < end; k++) {
                double[] ak = a[k];
                DoubleVector p = DoubleVector.broadcast(S, c[k][r]);
                v0 = v0.add(DoubleVector.fromArray(S, ak, o).mul(p));
                v1 = v1.add(DoubleVector.fromArray(S, ak, o1).mul(p));
                v2 = v2.add(DoubleVector.fromArray(S, ak, o2).mul(p));
                v3 = v3.add(DoubleVector.fromArray(S, ak, o3).mul(p));
            }
            v0.intoArray(y, o);
            v1.intoArray(y, o1);
            v2.intoArray(y, o2);
            v3.intoArray(y, o3);
        }
        for (; o + L <= len; o += L) {
            DoubleVector v = DoubleVector.fromArray(S, y, o);
            for (int k = k0; k < end; k++) {
                v = v.add(DoubleVector.fromArray(S, a[k], o).mul(DoubleVector.broadcast(S, c[k][r])));
            }
            v.intoArray(y, o);
        }
        if (o < len) {
            for (int k = k0; k < end; k++) {
                double p = c[k][r];
                double[] ak = a[k];
                for (int i = o; i < len; i++) {
                    y[i] = y[i] + p * ak[i];
                }
            }
        }
    }

    /** y[o] = y[o] + c[k] * a[k][o] for k = 0, ..., count-1 in order: one row times a matrix. */
    private static void rowTimesRows(double[] c, double[][] a, double[] y, int count, int len) {
        int o = 0;
        for (; o + W <= len; o += W) {
            int o1 = o + L;
            int o2 = o + 2 * L;
            int o3 = o + 3 * L;
            DoubleVector v0 = DoubleVector.fromArray(S, y, o);
            DoubleVector v1 = DoubleVector.fromArray(S, y, o1);
            DoubleVector v2 = DoubleVector.fromArray(S, y, o2);
            DoubleVector v3 = DoubleVector.fromArray(S, y, o3);
            for (int k = 0; k < count; k++) {
                double[] ak = a[k];
                DoubleVector p = DoubleVector.broadcast(S, c[k]);
                v0 = v0.add(DoubleVector.fromArray(S, ak, o).mul(p));
                v1 = v1.add(DoubleVector.fromArray(S, ak, o1).mul(p));
                v2 = v2.add(DoubleVector.fromArray(S, ak, o2).mul(p));
                v3 = v3.add(DoubleVector.fromArray(S, ak, o3).mul(p));
            }
            v0.intoArray(y, o);
            v1.intoArray(y, o1);
            v2.intoArray(y, o2);
            v3.intoArray(y, o3);
        }
        for (; o + L <= len; o += L) {
            DoubleVector v = DoubleVector.fromArray(S, y, o);
            for (int k = 0; k < count; k++) {
                v = v.add(DoubleVector.fromArray(S, a[k], o).mul(DoubleVector.broadcast(S, c[k])));
            }
            v.intoArray(y, o);
        }
        if (o < len) {
            for (int k = 0; k < count; k++) {
                double p = c[k];
                double[] ak = a[k];
                for (int i = o; i < len; i++) {
                    y[i] = y[i] + p * ak[i];
                }
            }
        }
    }
}
