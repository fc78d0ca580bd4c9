package dev.ablate4j.nn;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The float32 kernels written with the Vector API ({@code jdk.incubator.vector}), computing the
 * same bits as {@link FloatKernels}. The only class of ablate4j that refers to the incubator module;
 * {@link FloatKernelChoice} loads it by name, and only when the module is in the boot layer.
 *
 * <p><b>Why the bits are the same.</b> Every y element is a chain of fused multiply-adds over its
 * terms in ascending k, starting from the y value passed in; nothing else defines it. These
 * kernels keep each chain and only compute many chains side by side: the lanes of a vector are
 * consecutive output elements o, the coefficient c[r][k] is broadcast to all lanes, and
 * {@link FloatVector#fma} is lane-wise {@link Math#fma} (one rounding, exactly specified, also in
 * the API's Java fallback). Elements beyond the last whole vector of a row go through scalar
 * {@code Math.fma} in the same order. {@code VectorFloatKernelsTest} compares every kernel with
 * {@link FloatKernels} bit for bit over shapes around the lane count.
 *
 * <p><b>Shape.</b> Vectors of {@link FloatVector#SPECIES_PREFERRED} (16 floats with AVX-512, 8 with
 * AVX2); C2 turns each operation into one instruction ({@code vfmadd231ps zmm} with AVX-512). The
 * products are blocked four rows of y by four vectors of o (at 16 lanes: 4 x 64 elements): the 16
 * accumulators stay in registers for the whole k loop, so y is loaded and stored once per block,
 * and each k costs four vector loads of a's row and four broadcasts for 16 vector FMAs. Narrower
 * rows use four rows by one vector, then the scalar tail; the last rows of y (rows % 4) go through
 * the one-row kernel, which keeps four vectors of o per pass.
 *
 * <p><b>tanh.</b> {@link FloatTanh#tanh} lane by lane: the floats widened to double (exact) into
 * a scratch array, the clamp as two compare-and-blend steps (NaN passes, as in the scalar
 * comparisons), then the same IEEE double multiplications, additions and division in the same
 * order (the Vector API, like Java, never fuses a multiply and an add), rounded to float once.
 * Same bits as the scalar function for every float ({@code VectorFloatKernelsTest}).
 *
 * <p><b>One species per element type.</b> This class uses exactly one float species and one
 * double species, both the preferred width. JDK 17's C2 intrinsifies a Vector API operation only
 * when the vector class at that call is known; the API's shared methods (stores, conversions)
 * are profiled across all callers, so a second float shape anywhere in the JVM (an earlier tanh
 * loaded 8 floats as a 256-bit vector to convert them to 8 doubles) made those profiles
 * polymorphic, C2 gave up the intrinsics in the matrix kernels too, and every vector was boxed
 * (1.7 MB allocated per 64-sample forward pass, whole runs 3x slower). Widening through a double
 * array avoids the second shape.
 */
final class VectorFloatKernels implements FloatKernelSet {

    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    /** Floats per vector. */
    private static final int L = S.length();
    /** Elements of o per block: four vectors. */
    private static final int W = 4 * L;
    /** tanh computes in double vectors of the preferred width. */
    private static final VectorSpecies<Double> D = DoubleVector.SPECIES_PREFERRED;

    VectorFloatKernels() {}

    @Override
    public String description() {
        return "Vector API, " + L + " float lanes";
    }

    @Override
    public void multiplyAccumulate(float[][] c, float[][] a, float[][] y, int rows, int count, int len) {
        int r = 0;
        for (; r + 3 < rows; r += 4) {
            float[] c0 = c[r];
            float[] c1 = c[r + 1];
            float[] c2 = c[r + 2];
            float[] c3 = c[r + 3];
            float[] y0 = y[r];
            float[] y1 = y[r + 1];
            float[] y2 = y[r + 2];
            float[] y3 = y[r + 3];
            int o = 0;
            for (; o + W <= len; o += W) {
                int o1 = o + L;
                int o2 = o + 2 * L;
                int o3 = o + 3 * L;
                FloatVector v00 = FloatVector.fromArray(S, y0, o);
                FloatVector v01 = FloatVector.fromArray(S, y0, o1);
                FloatVector v02 = FloatVector.fromArray(S, y0, o2);
                FloatVector v03 = FloatVector.fromArray(S, y0, o3);
                FloatVector v10 = FloatVector.fromArray(S, y1, o);
                FloatVector v11 = FloatVector.fromArray(S, y1, o1);
                FloatVector v12 = FloatVector.fromArray(S, y1, o2);
                FloatVector v13 = FloatVector.fromArray(S, y1, o3);
                FloatVector v20 = FloatVector.fromArray(S, y2, o);
                FloatVector v21 = FloatVector.fromArray(S, y2, o1);
                FloatVector v22 = FloatVector.fromArray(S, y2, o2);
                FloatVector v23 = FloatVector.fromArray(S, y2, o3);
                FloatVector v30 = FloatVector.fromArray(S, y3, o);
                FloatVector v31 = FloatVector.fromArray(S, y3, o1);
                FloatVector v32 = FloatVector.fromArray(S, y3, o2);
                FloatVector v33 = FloatVector.fromArray(S, y3, o3);
                for (int k = 0; k < count; k++) {
                    float[] ak = a[k];
                    FloatVector w0 = FloatVector.fromArray(S, ak, o);
                    FloatVector w1 = FloatVector.fromArray(S, ak, o1);
                    FloatVector w2 = FloatVector.fromArray(S, ak, o2);
                    FloatVector w3 = FloatVector.fromArray(S, ak, o3);
                    FloatVector p = FloatVector.broadcast(S, c0[k]);
                    v00 = w0.fma(p, v00);
                    v01 = w1.fma(p, v01);
                    v02 = w2.fma(p, v02);
                    v03 = w3.fma(p, v03);
                    p = FloatVector.broadcast(S, c1[k]);
                    v10 = w0.fma(p, v10);
                    v11 = w1.fma(p, v11);
                    v12 = w2.fma(p, v12);
                    v13 = w3.fma(p, v13);
                    p = FloatVector.broadcast(S, c2[k]);
                    v20 = w0.fma(p, v20);
                    v21 = w1.fma(p, v21);
                    v22 = w2.fma(p, v22);
                    v23 = w3.fma(p, v23);
                    p = FloatVector.broadcast(S, c3[k]);
                    v30 = w0.fma(p, v30);
                    v31 = w1.fma(p, v31);
                    v32 = w2.fma(p, v32);
                    v33 = w3.fma(p, v33);
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
                FloatVector v0 = FloatVector.fromArray(S, y0, o);
                FloatVector v1 = FloatVector.fromArray(S, y1, o);
                FloatVector v2 = FloatVector.fromArray(S, y2, o);
                FloatVector v3 = FloatVector.fromArray(S, y3, o);
                for (int k = 0; k < count; k++) {
                    FloatVector w = FloatVector.fromArray(S, a[k], o);
                    v0 = w.fma(FloatVector.broadcast(S, c0[k]), v0);
                    v1 = w.fma(FloatVector.broadcast(S, c1[k]), v1);
                    v2 = w.fma(FloatVector.broadcast(S, c2[k]), v2);
                    v3 = w.fma(FloatVector.broadcast(S, c3[k]), v3);
                }
                v0.intoArray(y0, o);
                v1.intoArray(y1, o);
                v2.intoArray(y2, o);
                v3.intoArray(y3, o);
            }
            if (o < len) {
                for (int k = 0; k < count; k++) {
                    float p0 = c0[k];
                    float p1 = c1[k];
                    float p2 = c2[k];
                    float p3 = c3[k];
                    float[] ak = a[k];
                    for (int i = o; i < len; i++) {
                        float w = ak[i];
                        y0[i] = Math.fma(p0, w, y0[i]);
                        y1[i] = Math.fma(p1, w, y1[i]);
                        y2[i] = Math.fma(p2, w, y2[i]);
                        y3[i] = Math.fma(p3, w, y3[i]);
                    }
                }
            }
        }
        for (; r < rows; r++) {
            rowTimesRows(c[r], a, y[r], count, len);
        }
    }

    @Override
    public void rowTimesRows(float[] c, float[][] a, float[] y, int count, int len) {
        int o = 0;
        for (; o + W <= len; o += W) {
            int o1 = o + L;
            int o2 = o + 2 * L;
            int o3 = o + 3 * L;
            FloatVector v0 = FloatVector.fromArray(S, y, o);
            FloatVector v1 = FloatVector.fromArray(S, y, o1);
            FloatVector v2 = FloatVector.fromArray(S, y, o2);
            FloatVector v3 = FloatVector.fromArray(S, y, o3);
            for (int k = 0; k < count; k++) {
                float[] ak = a[k];
                FloatVector p = FloatVector.broadcast(S, c[k]);
                v0 = FloatVector.fromArray(S, ak, o).fma(p, v0);
                v1 = FloatVector.fromArray(S, ak, o1).fma(p, v1);
                v2 = FloatVector.fromArray(S, ak, o2).fma(p, v2);
                v3 = FloatVector.fromArray(S, ak, o3).fma(p, v3);
            }
            v0.intoArray(y, o);
            v1.intoArray(y, o1);
            v2.intoArray(y, o2);
            v3.intoArray(y, o3);
        }
        for (; o + L <= len; o += L) {
            FloatVector v = FloatVector.fromArray(S, y, o);
            for (int k = 0; k < count; k++) {
                v = FloatVector.fromArray(S, a[k], o).fma(FloatVector.broadcast(S, c[k]), v);
            }
            v.intoArray(y, o);
        }
        if (o < len) {
            for (int k = 0; k < count; k++) {
                float p = c[k];
                float[] ak = a[k];
                for (int i = o; i < len; i++) {
                    y[i] = Math.fma(p, ak[i], y[i]);
                }
            }
        }
    }

    @Override
    public void multiplyAccumulateTransposed(float[][] c, int k0, float[][] a, float[][] y, int rows, int count,
            int len) {
        int end = k0 + count;
        int r = 0;
        for (; r + 3 < rows; r += 4) {
            int r1 = r + 1;
            int r2 = r + 2;
            int r3 = r + 3;
            float[] y0 = y[r];
            float[] y1 = y[r1];
            float[] y2 = y[r2];
            float[] y3 = y[r3];
            int o = 0;
            for (; o + W <= len; o += W) {
                int o1 = o + L;
                int o2 = o + 2 * L;
                int o3 = o + 3 * L;
                FloatVector v00 = FloatVector.fromArray(S, y0, o);
                FloatVector v01 = FloatVector.fromArray(S, y0, o1);
                FloatVector v02 = FloatVector.fromArray(S, y0, o2);
                FloatVector v03 = FloatVector.fromArray(S, y0, o3);
                FloatVector v10 = FloatVector.fromArray(S, y1, o);
                FloatVector v11 = FloatVector.fromArray(S, y1, o1);
                FloatVector v12 = FloatVector.fromArray(S, y1, o2);
                FloatVector v13 = FloatVector.fromArray(S, y1, o3);
                FloatVector v20 = FloatVector.fromArray(S, y2, o);
                FloatVector v21 = FloatVector.fromArray(S, y2, o1);
                FloatVector v22 = FloatVector.fromArray(S, y2, o2);
                FloatVector v23 = FloatVector.fromArray(S, y2, o3);
                FloatVector v30 = FloatVector.fromArray(S, y3, o);
                FloatVector v31 = FloatVector.fromArray(S, y3, o1);
                FloatVector v32 = FloatVector.fromArray(S, y3, o2);
                FloatVector v33 = FloatVector.fromArray(S, y3, o3);
                for (int k = k0; k < end; k++) {
                    float[] ck = c[k];
                    float[] ak = a[k];
                    FloatVector w0 = FloatVector.fromArray(S, ak, o);
                    FloatVector w1 = FloatVector.fromArray(S, ak, o1);
                    FloatVector w2 = FloatVector.fromArray(S, ak, o2);
                    FloatVector w3 = FloatVector.fromArray(S, ak, o3);
                    FloatVector p = FloatVector.broadcast(S, ck[r]);
                    v00 = w0.fma(p, v00);
                    v01 = w1.fma(p, v01);
                    v02 = w2.fma(p, v02);
                    v03 = w3.fma(p, v03);
                    p = FloatVector.broadcast(S, ck[r1]);
                    v10 = w0.fma(p, v10);
                    v11 = w1.fma(p, v11);
                    v12 = w2.fma(p, v12);
                    v13 = w3.fma(p, v13);
                    p = FloatVector.broadcast(S, ck[r2]);
                    v20 = w0.fma(p, v20);
                    v21 = w1.fma(p, v21);
                    v22 = w2.fma(p, v22);
                    v23 = w3.fma(p, v23);
                    p = FloatVector.broadcast(S, ck[r3]);
                    v30 = w0.fma(p, v30);
                    v31 = w1.fma(p, v31);
                    v32 = w2.fma(p, v32);
                    v33 = w3.fma(p, v33);
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
                FloatVector v0 = FloatVector.fromArray(S, y0, o);
                FloatVector v1 = FloatVector.fromArray(S, y1, o);
                FloatVector v2 = FloatVector.fromArray(S, y2, o);
                FloatVector v3 = FloatVector.fromArray(S, y3, o);
                for (int k = k0; k < end; k++) {
                    float[] ck = c[k];
                    FloatVector w = FloatVector.fromArray(S, a[k], o);
                    v0 = w.fma(FloatVector.broadcast(S, ck[r]), v0);
                    v1 = w.fma(FloatVector.broadcast(S, ck[r1]), v1);
                    v2 = w.fma(FloatVector.broadcast(S, ck[r2]), v2);
                    v3 = w.fma(FloatVector.broadcast(S, ck[r3]), v3);
                }
                v0.intoArray(y0, o);
                v1.intoArray(y1, o);
                v2.intoArray(y2, o);
                v3.intoArray(y3, o);
            }
            if (o < len) {
                for (int k = k0; k < end; k++) {
                    float[] ck = c[k];
                    float p0 = ck[r];
                    float p1 = ck[r1];
                    float p2 = ck[r2];
                    float p3 = ck[r3];
                    float[] ak = a[k];
                    for (int i = o; i < len; i++) {
                        float w = ak[i];
                        y0[i] = Math.fma(p0, w, y0[i]);
                        y1[i] = Math.fma(p1, w, y1[i]);
                        y2[i] = Math.fma(p2, w, y2[i]);
                        y3[i] = Math.fma(p3, w, y3[i]);
                    }
                }
            }
        }
        for (; r < rows; r++) {
            transposedRow(c, k0, end, r, a, y[r], len);
        }
    }

    /** y[o] = fma(c[k][r], a[k][o], y[o]) for k = k0, ..., end-1 in order: one row of the transposed product. */
    private static void transposedRow(float[][] c, int k0, int end, int r, float[][] a, float[] y, int len) {
        int o = 0;
        for (; o + W <= len; o += W) {
            int o1 = o + L;
            int o2 = o + 2 * L;
            int o3 = o + 3 * L;
            FloatVector v0 = FloatVector.fromArray(S, y, o);
            FloatVector v1 = FloatVector.fromArray(S, y, o1);
            FloatVector v2 = FloatVector.fromArray(S, y, o2);
            FloatVector v3 = FloatVector.fromArray(S, y, o3);
            for (int k = k0; k < end; k++) {
                float[] ak = a[k];
                FloatVector p = FloatVector.broadcast(S, c[k][r]);
                v0 = FloatVector.fromArray(S, ak, o).fma(p, v0);
                v1 = FloatVector.fromArray(S, ak, o1).fma(p, v1);
                v2 = FloatVector.fromArray(S, ak, o2).fma(p, v2);
                v3 = FloatVector.fromArray(S, ak, o3).fma(p, v3);
            }
            v0.intoArray(y, o);
            v1.intoArray(y, o1);
            v2.intoArray(y, o2);
            v3.intoArray(y, o3);
        }
        for (; o + L <= len; o += L) {
            FloatVector v = FloatVector.fromArray(S, y, o);
            for (int k = k0; k < end; k++) {
                v = FloatVector.fromArray(S, a[k], o).fma(FloatVector.broadcast(S, c[k][r]), v);
            }
            v.intoArray(y, o);
        }
        if (o < len) {
            for (int k = k0; k < end; k++) {
                float p = c[k][r];
                float[] ak = a[k];
                for (int i = o; i < len; i++) {
                    y[i] = Math.fma(p, ak[i], y[i]);
                }
            }
        }
    }

    @Override
    public void tanh(float[] z, int count, double[] scratch) {
        int n = D.length();
        int whole = count - count % n;
        for (int k = 0; k < whole; k++) {
            scratch[k] = z[k];
        }
        for (int k = 0; k < whole; k += n) {
            DoubleVector v = DoubleVector.fromArray(D, scratch, k);
            DoubleVector x = v.blend(FloatTanh.CLAMP, v.compare(VectorOperators.GT, FloatTanh.CLAMP));
            x = x.blend(-FloatTanh.CLAMP, x.compare(VectorOperators.LT, -FloatTanh.CLAMP));
            DoubleVector u = x.mul(x).mul(FloatTanh.SCALE);
            DoubleVector p = u.mul(FloatTanh.P7).add(FloatTanh.P6).mul(u).add(FloatTanh.P5).mul(u).add(FloatTanh.P4)
                    .mul(u).add(FloatTanh.P3).mul(u).add(FloatTanh.P2).mul(u).add(FloatTanh.P1).mul(u)
                    .add(FloatTanh.P0);
            DoubleVector q = u.mul(FloatTanh.Q4).add(FloatTanh.Q3).mul(u).add(FloatTanh.Q2).mul(u).add(FloatTanh.Q1)
                    .mul(u).add(1.0);
            x.mul(p).div(q).intoArray(scratch, k);
        }
        for (int k = 0; k < whole; k++) {
            z[k] = (float) scratch[k];
        }
        for (int k = whole; k < count; k++) {
            z[k] = FloatTanh.tanh(z[k]);
        }
    }
}
