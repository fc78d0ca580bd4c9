package dev.ablate4j.jmh;

import dev.ablate4j.rl.Gae;
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

/** GAE advantages and returns over one rollout (episodes of 200 steps, as Pendulum's). */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class GaeBenchmark {

    @Param({"2048"})
    public int steps;

    private double[] rewards;
    private double[] values;
    private double[] nextValues;
    private boolean[] ends;
    private double[] advantages;
    private double[] returns;

    @Setup
    public void setUp() {
        SplittableRandom rng = new SplittableRandom(4);
        rewards = new double[steps];
        values = new double[steps];
        nextValues = new double[steps];
        ends = new boolean[steps];
        advantages = new double[steps];
        returns = new double[steps];
        for (int t = 0; t < steps; t++) {
            rewards[t] = rng.nextDouble(-16, 0);
            values[t] = rng.nextDouble(-50, 0);
            ends[t] = t % 200 == 199;
        }
        for (int t = 0; t < steps; t++) {
            nextValues[t] = ends[t] ? 0 : values[Math.min(t + 1, steps - 1)];
        }
    }

    @Benchmark
    public void gae(Blackhole bh) {
        Gae.compute(rewards, values, nextValues, ends, 0.99, 0.95, steps, advantages, returns);
        bh.consume(advantages);
        bh.consume(returns);
    }
}
