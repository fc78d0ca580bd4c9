package dev.ablate4j.jmh;

import dev.ablate4j.env.Env;
import dev.ablate4j.env.Envs;
import dev.ablate4j.env.Step;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/** One environment step with a fixed random action sequence, resetting when an episode ends. */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class EnvStepBenchmark {

    /** Environment id; the MuJoCo ones (Hopper-v4) need libmujoco (see the README). */
    @Param({"Pendulum-v1", "MountainCarContinuous-v0", "Hopper-v4"})
    public String env;

    private Env environment;
    private double[][] actions;
    private int next;
    private long seed;

    @Setup
    public void setUp() {
        environment = Envs.make(env);
        environment.reset(seed++);
        int size = environment.actionSpace().size();
        SplittableRandom rng = new SplittableRandom(1);
        actions = new double[1024][size];
        for (double[] a : actions) {
            for (int j = 0; j < size; j++) {
                a[j] = rng.nextDouble(-1, 1);
            }
        }
    }

    @Benchmark
    public Step step() {
        Step step = environment.step(actions[next++ & 1023]);
        if (step.done()) {
            environment.reset(seed++);
        }
        return step;
    }

    @TearDown
    public void tearDown() {
        environment.close();
    }
}
