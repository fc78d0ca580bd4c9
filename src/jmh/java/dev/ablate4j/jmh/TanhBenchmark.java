package dev.ablate4j.jmh;

import dev.ablate4j.nn.Fn;
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
import org.openjdk.jmh.infra.Blackhole;

/** ns per tanh over 4096 arguments uniform in [-4, 4] (where hidden pre-activations mostly lie). */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class TanhBenchmark {

    private static final int N = 4096;
    private final double[] x = new double[N];
    private final double[] y = new double[N];

    @Setup
    public void setUp() {
        SplittableRandom rng = new SplittableRandom(2);
        for (int i = 0; i < N; i++) {
            x[i] = rng.nextDouble(-4, 4);
        }
    }

    @Benchmark
    @OperationsPerInvocation(N)
    public void ablate4jTanh(Blackhole bh) {
        for (int i = 0; i < N; i++) {
            y[i] = Fn.tanh(x[i]);
        }
        bh.consume(y);
    }

    @Benchmark
    @OperationsPerInvocation(N)
    public void strictMathTanh(Blackhole bh) {
        for (int i = 0; i < N; i++) {
            y[i] = StrictMath.tanh(x[i]);
        }
        bh.consume(y);
    }

    @Benchmark
    @OperationsPerInvocation(N)
    public void mathTanh(Blackhole bh) {
        for (int i = 0; i < N; i++) {
            y[i] = Math.tanh(x[i]);
        }
        bh.consume(y);
    }
}
