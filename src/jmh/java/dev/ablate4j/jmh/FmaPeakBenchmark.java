package dev.ablate4j.jmh;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One core's fused multiply-add throughput as C2 reaches it, in double and in float: the yardstick
 * the kernels are measured against ({@code nn.KernelBenchmark}). Four arrays that together fit in
 * L1 are walked in step; each element goes through {@link #CHAIN} dependent {@code Math.fma} calls
 * and is stored back. Per element of each array that is one load and one store for 8 FMAs, and the
 * four arrays give four independent chains per vector lane (C2's unrolling adds more), enough to
 * hide the FMA latency: the loop is bound by the FMA units, not by memory, once C2 vectorizes it.
 * The score is in operations per nanosecond with one operation = one FMA, i.e. billions of FMAs
 * per second (GFLOP/s is twice that). {@code -prof perfasm} (with hsdis) shows the instructions;
 * the ratio float/double (2 when the vectors hold twice as many floats) shows that they are vectors.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class FmaPeakBenchmark {

    /** Elements per array: 4 x 4 KiB of doubles, 4 x 2 KiB of floats (in L1 with room to spare). */
    static final int N = 512;
    /** Dependent FMAs per element. */
    static final int CHAIN = 8;
    /** FMAs per call: four arrays of N elements, CHAIN each. */
    static final int FMAS = 4 * N * CHAIN;

    private final double[][] xd = new double[4][N];
    private final float[][] xf = new float[4][N];

    @Setup
    public void setUp() {
        for (int a = 0; a < 4; a++) {
            for (int i = 0; i < N; i++) {
                xd[a][i] = 0.5 + (a * N + i) * 1e-5;
                xf[a][i] = (float) xd[a][i];
            }
        }
    }

    // x -> 0.999 x + 0.0005 has the fixed point 0.5: the values stay normal numbers forever

    @Benchmark
    @OperationsPerInvocation(FMAS)
    public double[][] peakDouble() {
        double m = 0.999;
        double c = 0.0005;
        double[] a = xd[0];
        double[] b = xd[1];
        double[] d = xd[2];
        double[] e = xd[3];
        for (int i = 0; i < N; i++) {
            double p = a[i];
            double q = b[i];
            double r = d[i];
            double s = e[i];
            // CHAIN = 8 rounds, written out: C2 vectorizes only innermost loops with array accesses
            p = Math.fma(p, m, c); q = Math.fma(q, m, c); r = Math.fma(r, m, c); s = Math.fma(s, m, c);
            p = Math.fma(p, m, c); q = Math.fma(q, m, c); r = Math.fma(r, m, c); s = Math.fma(s, m, c);
            p = Math.fma(p, m, c); q = Math.fma(q, m, c); r = Math.fma(r, m, c); s = Math.fma(s, m, c);
            p = Math.fma(p, m, c); q = Math.fma(q, m, c); r = Math.fma(r, m, c); s = Math.fma(s, m, c);
            p = Math.fma(p, m, c); q = Math.fma(q, m, c); r = Math.fma(r, m, c); s = Math.fma(s, m, c);
            p = Math.fma(p, m, c); q = Math.fma(q, m, c); r = Math.fma(r, m, c); s = Math.fma(s, m, c);
            p = Math.fma(p, m, c); q = Math.fma(q, m, c); r = Math.fma(r, m, c); s = Math.fma(s, m, c);
            p = Math.fma(p, m, c); q = Math.fma(q, m, c); r = Math.fma(r, m, c); s = Math.fma(s, m, c);
            a[i] = p;
            b[i] = q;
            d[i] = r;
            e[i] = s;
        }
        return xd;
    }

    @Benchmark
    @OperationsPerInvocation(FMAS)
    public float[][] peakFloat() {
        float m = 0.999f;
        float c = 0.0005f;
        float[] a = xf[0];
        float[] b = xf[1];
        float[] d = xf[2];
        float[] e = xf[3];
        for (int i = 0; i < N; i++) {
            float p = a[i];
            float q = b[i];
            float r = d[i];
            float s = e[i];
            // CHAIN = 8 rounds, written out: C2 vectorizes only innermost loops with array accesses
            p = Math.fma(p, m, c); q = Math.fma(q, m, c); r = Math.fma(r, m, c); s = Math.fma(s, m, c);
            p = Math.fma(p, m, c); q = Math.fma(q, m, c); r = Math.fma(r, m, c); s = Math.fma(s, m, c);
            p = Math.fma(p, m, c); q = Math.fma(q, m, c); r = Math.fma(r, m, c); s = Math.fma(s, m, c);
            p = Math.fma(p, m, c); q = Math.fma(q, m, c); r = Math.fma(r, m, c); s = Math.fma(s, m, c);
            p = Math.fma(p, m, c); q = Math.fma(q, m, c); r = Math.fma(r, m, c); s = Math.fma(s, m, c);
            p = Math.fma(p, m, c); q = Math.fma(q, m, c); r = Math.fma(r, m, c); s = Math.fma(s, m, c);
            p = Math.fma(p, m, c); q = Math.fma(q, m, c); r = Math.fma(r, m, c); s = Math.fma(s, m, c);
            p = Math.fma(p, m, c); q = Math.fma(q, m, c); r = Math.fma(r, m, c); s = Math.fma(s, m, c);
            a[i] = p;
            b[i] = q;
            d[i] = r;
            e[i] = s;
        }
        return xf;
    }
}
