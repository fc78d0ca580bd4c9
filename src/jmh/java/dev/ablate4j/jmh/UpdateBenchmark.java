package dev.ablate4j.jmh;

import dev.ablate4j.algo.UpdateStats;
import dev.ablate4j.nn.Backends;
import dev.ablate4j.nn.Precision;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One policy update on a 2048-step Pendulum rollout at the paper's settings: PPO's 10 epochs x 32
 * minibatches of 64, TRPO's conjugate gradient (10 iterations on 10% of the batch) and line search,
 * and the value network's 10 x 32 minibatch steps. Every invocation starts from the same networks
 * and optimizer state.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class UpdateBenchmark {

    @Param({"java"})
    public String backend;

    /** Number format of the networks and Adam ({@code precision}). */
    @Param({"float64", "float32"})
    public String precision;

    /** Hidden widths separated by x (JMH splits parameter values at commas). */
    @Param({"64x64"})
    public String hidden;

    @Param({"Pendulum-v1"})
    public String env;

    private UpdateFixture ppo;
    private UpdateFixture trpo;

    @Setup
    public void setUp() {
        String widths = hidden.replace('x', ',');
        Precision p = Precision.byId(precision);
        ppo = new UpdateFixture("ppo", env, widths, Backends.byId(backend), p);
        trpo = new UpdateFixture("trpo", env, widths, Backends.byId(backend), p);
    }

    @Setup(Level.Invocation)
    public void restore() {
        ppo.restore();
        trpo.restore();
    }

    /** PPO's policy step: 10 epochs x 32 minibatches (log-prob, backward, Adam). */
    @Benchmark
    public UpdateStats ppoPolicyUpdate() {
        return ppo.policyUpdate.update(ppo.buffer, ppo.bounds(), new SplittableRandom(5));
    }

    /** TRPO's policy step: gradient, 10 CG iterations of Fisher-vector products, line search. */
    @Benchmark
    public UpdateStats trpoPolicyUpdate() {
        return trpo.policyUpdate.update(trpo.buffer, trpo.bounds(), new SplittableRandom(5));
    }

    /** The value network's training, shared by both algorithms: 10 epochs x 32 minibatches. */
    @Benchmark
    public double valueUpdate() {
        return ppo.valueTrainer.train(ppo.buffer, ppo.epochs(), ppo.minibatches(), ppo.valueLr(),
                new SplittableRandom(6));
    }
}
