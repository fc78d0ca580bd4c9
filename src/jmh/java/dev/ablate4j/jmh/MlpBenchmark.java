package dev.ablate4j.jmh;

import dev.ablate4j.nn.Activation;
import dev.ablate4j.nn.Backends;
import dev.ablate4j.nn.Initialization;
import dev.ablate4j.nn.Mlp;
import dev.ablate4j.nn.MlpRunner;
import dev.ablate4j.nn.Precision;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Forward and backward pass of an 11-w-w-3 tanh MLP (Hopper's observation and action sizes, two
 * hidden layers of width w) per backend, width and batch. {@code backward} repeats the backward
 * pass of one cached forward pass (it only adds into the gradient); {@code forwardBackward} is
 * a training minibatch's cost, in float64 and float32 ({@code -p precision=float32}). Run the nd4j rows from a
 * {@code -Pjmh,nd4j} build with {@code -p backend=java,nd4j}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class MlpBenchmark {

    @Param({"java"})
    public String backend;

    /** Number format: float32 runs on the java backend only. */
    @Param({"float64", "float32"})
    public String precision;

    @Param({"64", "256", "1024"})
    public int width;

    @Param({"1", "64", "2048"})
    public int batch;

    private double[] params;
    private double[] grads;
    private double[] input;
    private double[] dOutput;
    private MlpRunner runner;

    @Setup
    public void setUp() {
        Mlp mlp = new Mlp(11, new int[] {width, width}, 3, Activation.TANH);
        SplittableRandom rng = new SplittableRandom(3);
        params = new double[mlp.parameterCount()];
        Initialization.orthogonal(mlp, params, 0, Math.sqrt(2), 0.01, rng);
        grads = new double[params.length];
        input = uniform(rng, batch * 11);
        dOutput = uniform(rng, batch * 3);
        runner = Precision.byId(precision).runner(mlp, Backends.byId(backend));
        runner.forward(params, 0, input, batch);
    }

    private static double[] uniform(SplittableRandom rng, int n) {
        double[] a = new double[n];
        for (int i = 0; i < n; i++) {
            a[i] = rng.nextDouble(-1, 1);
        }
        return a;
    }

    @Benchmark
    public void forward(Blackhole bh) {
        runner.forward(params, 0, input, batch);
        bh.consume(runner.output());
    }

    /** What a training minibatch costs: a forward pass and the backward pass through it. */
    @Benchmark
    public void forwardBackward(Blackhole bh) {
        runner.forward(params, 0, input, batch);
        runner.backward(params, 0, dOutput, grads, 0);
        bh.consume(grads);
    }

    @Benchmark
    public void backward(Blackhole bh) {
        runner.backward(params, 0, dOutput, grads, 0);
        bh.consume(grads);
    }
}
