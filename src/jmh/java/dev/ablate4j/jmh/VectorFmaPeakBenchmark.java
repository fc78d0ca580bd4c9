package dev.ablate4j.jmh;

import java.util.concurrent.TimeUnit;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;
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
 * One core's float FMA throughput with explicit vectors of the preferred species (the Vector API,
 * {@code jdk.incubator.vector}; 16 floats per {@code zmm} register with AVX-512): 16 independent
 * accumulators kept in registers, each through {@link #ROUNDS} dependent fused multiply-adds, no
 * memory traffic inside the loop. This is the ceiling for {@code nn.KernelBenchmark}'s
 * {@code ...FloatVector} kernels; {@link FmaPeakBenchmark#peakFloat} (auto-vectorized, one load and
 * one store per 8 FMAs) stays below it. Same unit: FMAs per ns (one FMA = one lane's multiply-add).
 * Needs {@code java --add-modules jdk.incubator.vector -jar target/benchmarks.jar}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class VectorFmaPeakBenchmark {

    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    static final int ROUNDS = 256;
    /** 16 accumulators x lanes x ROUNDS. */
    static final int OPS_PER_LANE = 16 * ROUNDS;

    private final float[] state = new float[16 * S.length()];

    @Setup
    public void setUp() {
        for (int i = 0; i < state.length; i++) {
            state[i] = 0.5f + i * 1e-4f;
        }
    }

    /** Lanes of the species in use, to turn the per-lane count into FMAs: see {@link #peakFloatVector}. */
    static int lanes() {
        return S.length();
    }

    // a -> m c + a: the accumulator is the addend, the form C2 compiles to one vfmadd231ps each
    // (a -> a m + c would need a register copy per FMA). a grows by 1e-6 per FMA: it stays a
    // normal float for far longer than any run.
    // @OperationsPerInvocation must be a constant: it counts 16 lanes (AVX-512); with 8 lanes (AVX2)
    // the score is twice the true figure.
    @Benchmark
    @OperationsPerInvocation(OPS_PER_LANE * 16)
    public float[] peakFloatVector() {
        FloatVector m = FloatVector.broadcast(S, 0.001f);
        FloatVector c = FloatVector.broadcast(S, 0.001f);
        int l = S.length();
        FloatVector a0 = FloatVector.fromArray(S, state, 0);
        FloatVector a1 = FloatVector.fromArray(S, state, l);
        FloatVector a2 = FloatVector.fromArray(S, state, 2 * l);
        FloatVector a3 = FloatVector.fromArray(S, state, 3 * l);
        FloatVector a4 = FloatVector.fromArray(S, state, 4 * l);
        FloatVector a5 = FloatVector.fromArray(S, state, 5 * l);
        FloatVector a6 = FloatVector.fromArray(S, state, 6 * l);
        FloatVector a7 = FloatVector.fromArray(S, state, 7 * l);
        FloatVector a8 = FloatVector.fromArray(S, state, 8 * l);
        FloatVector a9 = FloatVector.fromArray(S, state, 9 * l);
        FloatVector a10 = FloatVector.fromArray(S, state, 10 * l);
        FloatVector a11 = FloatVector.fromArray(S, state, 11 * l);
        FloatVector a12 = FloatVector.fromArray(S, state, 12 * l);
        FloatVector a13 = FloatVector.fromArray(S, state, 13 * l);
        FloatVector a14 = FloatVector.fromArray(S, state, 14 * l);
        FloatVector a15 = FloatVector.fromArray(S, state, 15 * l);
        for (int i = 0; i < ROUNDS; i++) {
            a0 = m.fma(c, a0);
            a1 = m.fma(c, a1);
            a2 = m.fma(c, a2);
            a3 = m.fma(c, a3);
            a4 = m.fma(c, a4);
            a5 = m.fma(c, a5);
            a6 = m.fma(c, a6);
            a7 = m.fma(c, a7);
            a8 = m.fma(c, a8);
            a9 = m.fma(c, a9);
            a10 = m.fma(c, a10);
            a11 = m.fma(c, a11);
            a12 = m.fma(c, a12);
            a13 = m.fma(c, a13);
            a14 = m.fma(c, a14);
            a15 = m.fma(c, a15);
        }
        a0.intoArray(state, 0);
        a1.intoArray(state, l);
        a2.intoArray(state, 2 * l);
        a3.intoArray(state, 3 * l);
        a4.intoArray(state, 4 * l);
        a5.intoArray(state, 5 * l);
        a6.intoArray(state, 6 * l);
        a7.intoArray(state, 7 * l);
        a8.intoArray(state, 8 * l);
        a9.intoArray(state, 9 * l);
        a10.intoArray(state, 10 * l);
        a11.intoArray(state, 11 * l);
        a12.intoArray(state, 12 * l);
        a13.intoArray(state, 13 * l);
        a14.intoArray(state, 14 * l);
        a15.intoArray(state, 15 * l);
        return state;
    }
}
