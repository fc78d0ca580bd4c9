package dev.ablate4j.nn;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
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
 * <p><b>tanh.</b> {@link Tanh#tanh}'s branches computed lane by lane with the same IEEE operations
 * in the same order, and each lane's branch chosen by masks: the series below 1/8 (and x itself
 * below 2^-28), the table branch below 8, and 1 at 22 and beyond. The table index
 * {@code (int) (a * 64 + 0.5)} is formed exactly without a conversion to int vectors (a second
 * vector shape, see below): a * 64 rounded to the nearest integer by adding and subtracting 2^52
 * (ties to even), plus one where that rounded an exact half down; the table entries are then read
 * lane by lane into the scratch array and loaded as vectors. Lanes in [8, 22), which use
 * {@link StrictMath#exp}, and NaN lanes are computed by the scalar function itself. Same bits as
 * {@link Fn#tanh} for every double ({@code VectorDoubleKernelsTest}).
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

    VectorDoubleKernels() {
        if (4 * L > TANH_SCRATCH) { // vectors wider than 16 doubles (SVE beyond 1024 bits): DoubleKernelChoice falls back
            throw new IllegalStateException(L + " double lanes exceed the tanh scratch of " + TANH_SCRATCH + " doubles");
        }
    }

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

    /** 2^52: adding and subtracting it rounds a double in [0, 2^51) to an integer, ties to even. */
    private static final double ROUNDER = 0x1p52;

    @Override
    public void tanh(double[] z, int count, double[] scratch) {
        int whole = count - count % L;
        for (int k = 0; k < whole; k += L) {
            DoubleVector x = DoubleVector.fromArray(S, z, k);
            DoubleVector a = x.abs();
            VectorMask<Double> series = a.compare(VectorOperators.LT, Tanh.SERIES_END);
            VectorMask<Double> table = series.not().and(a.compare(VectorOperators.LT, Tanh.TABLE_END));
            VectorMask<Double> saturated = a.compare(VectorOperators.GE, Tanh.SATURATED);
            VectorMask<Double> scalar = series.or(table).or(saturated).not(); // [8, 22) and NaN
            // j = (int) (a * 64 + 0.5), exactly: u rounded half to even, plus one where an exact half went down
            DoubleVector u = a.mul(Tanh.INV_STEP);
            DoubleVector even = u.add(ROUNDER).sub(ROUNDER);
            DoubleVector j = even.add(DoubleVector.broadcast(S, 1.0), u.sub(even).compare(VectorOperators.EQ, 0.5));
            j = DoubleVector.zero(S).blend(j, table);
            j.intoArray(scratch, 0);
            for (int i = 0; i < L; i++) {
                int index = (int) scratch[i];
                scratch[L + i] = Tanh.HI[index];
                scratch[2 * L + i] = Tanh.LO[index];
            }
            DoubleVector hi = DoubleVector.fromArray(S, scratch, L);
            DoubleVector lo = DoubleVector.fromArray(S, scratch, 2 * L);
            DoubleVector b = a.sub(j.mul(Tanh.STEP));
            DoubleVector b2 = b.mul(b);
            DoubleVector poly = b2.mul(Tanh.C9).add(Tanh.C7).mul(b2).add(Tanh.C5).mul(b2).add(Tanh.C3);
            DoubleVector t = b.add(b.mul(b2.mul(poly)));
            DoubleVector one = DoubleVector.broadcast(S, 1.0);
            DoubleVector correction = t.mul(one.sub(hi.mul(hi))).div(one.add(hi.mul(t)));
            DoubleVector r = hi.add(lo.add(correction)).blend(one, saturated);
            r = r.blend(r.neg(), x.compare(VectorOperators.LT, 0.0));
            DoubleVector x2 = x.mul(x);
            DoubleVector p = x2.mul(Tanh.C17).add(Tanh.C15);
            p = x2.mul(p).add(Tanh.C13);
            p = x2.mul(p).add(Tanh.C11);
            p = x2.mul(p).add(Tanh.C9);
            p = x2.mul(p).add(Tanh.C7);
            p = x2.mul(p).add(Tanh.C5);
            p = x2.mul(p).add(Tanh.C3);
            DoubleVector s = x.add(x.mul(x2.mul(p))).blend(x, a.compare(VectorOperators.LT, Tanh.TINY));
            DoubleVector result = r.blend(s, series);
            if (scalar.anyTrue()) {
                for (int i = 0; i < L; i++) {
                    scratch[3 * L + i] = Tanh.tanh(z[k + i]);
                }
                result = result.blend(DoubleVector.fromArray(S, scratch, 3 * L), scalar);
            }
            result.intoArray(z, k);
        }
        for (int k = whole; k < count; k++) {
            z[k] = Tanh.tanh(z[k]);
        }
    }
}
