package dev.ablate4j.nn;

import java.util.SplittableRandom;
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
 * Each matrix kernel of the update at the paper's sizes (a 64 x 64 layer, minibatch 64), in double
 * ({@link MatrixKernels}) and float ({@link FloatKernels}), in the unit of
 * {@code jmh.FmaPeakBenchmark}: multiply-adds per nanosecond (= billions per second), so a score
 * divided by the peak of its precision is the fraction of the core's FMA throughput the kernel
 * reaches. The double kernels multiply and add separately (two instructions where FMA is one: to
 * keep the bits of every run made before float32), so their fraction counts one multiply-add as
 * one operation all the same.
 *
 * <ul>
 *   <li>{@code layer}: z += x W, 64 samples x 64 inputs x 64 outputs (forward; the input gradient
 *       dz W^T has the same shape);</li>
 *   <li>{@code weightGradient}: dW += x^T dz over the 64 samples in blocks of 32 (backward);</li>
 *   <li>{@code oneRow}: one sample through a 64 x 64 layer (acting; float reads rows, double the
 *       flat parameter array).</li>
 * </ul>
 * The {@code ...FloatVector} methods run the same products on {@code VectorFloatKernels} (the
 * Vector API; same bits), the {@code ...DoubleVector} methods on {@code VectorDoubleKernels}: start the benchmarks with {@code java --add-modules jdk.incubator.vector
 * -jar target/benchmarks.jar} (JMH passes the option on to its forks); without the module they
 * fail with a message saying so.
 * Lives in package {@code nn} because the kernels are package-private.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class KernelBenchmark {

    static final int B = 64;
    static final int N = 64;
    static final int M = 64;

    private double[][] xd;
    private double[][] wd;
    private double[][] zd;
    private double[] flat;
    private float[][] xf;
    private float[][] wf;
    private float[][] zf;
    private FloatKernelSet vector;
    private DoubleKernelSet doubleVector;

    @Setup
    public void setUp() {
        SplittableRandom rng = new SplittableRandom(5);
        xd = random(rng, B, N);
        wd = random(rng, N, M);
        zd = new double[B][M];
        flat = new double[N * M];
        for (int i = 0; i < N; i++) {
            System.arraycopy(wd[i], 0, flat, i * M, M);
        }
        xf = toFloat(xd);
        wf = toFloat(wd);
        zf = new float[B][M];
        vector = FloatKernelChoice.vectorOrNull();
        doubleVector = DoubleKernelChoice.vectorOrNull();
    }

    private FloatKernelSet vector() {
        if (vector == null) {
            throw new IllegalStateException("no jdk.incubator.vector in this JVM: start JMH with "
                    + "java --add-modules jdk.incubator.vector -jar target/benchmarks.jar");
        }
        return vector;
    }

    private DoubleKernelSet doubleVector() {
        vector();
        return doubleVector;
    }

    private static double[][] random(SplittableRandom rng, int rows, int cols) {
        double[][] a = new double[rows][cols];
        for (double[] row : a) {
            for (int i = 0; i < cols; i++) {
                row[i] = rng.nextDouble(-0.01, 0.01); // small: repeated accumulation stays finite
            }
        }
        return a;
    }

    private static float[][] toFloat(double[][] a) {
        float[][] f = new float[a.length][a[0].length];
        for (int r = 0; r < a.length; r++) {
            for (int i = 0; i < a[r].length; i++) {
                f[r][i] = (float) a[r][i];
            }
        }
        return f;
    }

    @Benchmark
    @OperationsPerInvocation(B * N * M)
    public double[][] layerDouble() {
        MatrixKernels.multiplyAccumulate(xd, wd, zd, B, N, M);
        return zd;
    }

    @Benchmark
    @OperationsPerInvocation(B * N * M)
    public float[][] layerFloat() {
        FloatKernels.multiplyAccumulate(xf, wf, zf, B, N, M);
        return zf;
    }

    /** dW (N x M) += x^T z over the B samples, as the backward pass blocks it. */
    @Benchmark
    @OperationsPerInvocation(B * N * M)
    public double[][] weightGradientDouble() {
        for (int b0 = 0; b0 < B; b0 += MatrixKernels.BATCH_BLOCK) {
            MatrixKernels.multiplyAccumulateTransposed(xd, b0, zd, wd, N, MatrixKernels.BATCH_BLOCK, M);
        }
        return wd;
    }

    @Benchmark
    @OperationsPerInvocation(B * N * M)
    public float[][] weightGradientFloat() {
        for (int b0 = 0; b0 < B; b0 += MatrixKernels.BATCH_BLOCK) {
            FloatKernels.multiplyAccumulateTransposed(xf, b0, zf, wf, N, MatrixKernels.BATCH_BLOCK, M);
        }
        return wf;
    }

    @Benchmark
    @OperationsPerInvocation(N * M)
    public double[] oneRowDouble() {
        MatrixKernels.addCombination(xd[0], 0, 1, flat, 0, M, N, zd[0], 0, M);
        return zd[0];
    }

    @Benchmark
    @OperationsPerInvocation(N * M)
    public float[] oneRowFloat() {
        FloatKernels.rowTimesRows(xf[0], wf, zf[0], N, M);
        return zf[0];
    }

    @Benchmark
    @OperationsPerInvocation(B * N * M)
    public float[][] layerFloatVector() {
        vector().multiplyAccumulate(xf, wf, zf, B, N, M);
        return zf;
    }

    @Benchmark
    @OperationsPerInvocation(B * N * M)
    public float[][] weightGradientFloatVector() {
        FloatKernelSet v = vector();
        for (int b0 = 0; b0 < B; b0 += MatrixKernels.BATCH_BLOCK) {
            v.multiplyAccumulateTransposed(xf, b0, zf, wf, N, MatrixKernels.BATCH_BLOCK, M);
        }
        return wf;
    }

    @Benchmark
    @OperationsPerInvocation(N * M)
    public float[] oneRowFloatVector() {
        vector().rowTimesRows(xf[0], wf, zf[0], N, M);
        return zf[0];
    }

    @Benchmark
    @OperationsPerInvocation(B * N * M)
    public double[][] layerDoubleVector() {
        doubleVector().multiplyAccumulate(xd, wd, zd, B, N, M);
        return zd;
    }

    @Benchmark
    @OperationsPerInvocation(B * N * M)
    public double[][] weightGradientDoubleVector() {
        DoubleKernelSet v = doubleVector();
        for (int b0 = 0; b0 < B; b0 += MatrixKernels.BATCH_BLOCK) {
            v.multiplyAccumulateTransposed(xd, b0, zd, wd, N, MatrixKernels.BATCH_BLOCK, M);
        }
        return wd;
    }
}
