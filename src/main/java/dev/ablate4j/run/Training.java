package dev.ablate4j.run;

import dev.ablate4j.algo.Algorithms;
import dev.ablate4j.algo.PolicyUpdate;
import dev.ablate4j.algo.RatioStats;
import dev.ablate4j.algo.StepBounds;
import dev.ablate4j.algo.UpdateStats;
import dev.ablate4j.algo.ppo.JointPpoUpdate;
import dev.ablate4j.config.Keys;
import dev.ablate4j.config.TrainConfig;
import dev.ablate4j.env.Env;
import dev.ablate4j.env.Envs;
import dev.ablate4j.nn.Activation;
import dev.ablate4j.nn.Adam;
import dev.ablate4j.nn.Backend;
import dev.ablate4j.nn.Backends;
import dev.ablate4j.nn.GaussianPolicy;
import dev.ablate4j.nn.Precision;
import dev.ablate4j.nn.ValueNet;
import dev.ablate4j.policy.ObservationNormalizer;
import dev.ablate4j.policy.SavedPolicy;
import dev.ablate4j.results.Checkpoint;
import dev.ablate4j.results.MetricsRow;
import dev.ablate4j.rl.EpisodeRecord;
import dev.ablate4j.rl.ObservationFilter;
import dev.ablate4j.rl.RewardFilter;
import dev.ablate4j.rl.RolloutBuffer;
import dev.ablate4j.rl.Sampler;
import dev.ablate4j.rl.ValueTrainer;
import dev.ablate4j.run.RunSeeds.Stream;
import dev.ablate4j.tweak.Optimization;
import java.util.List;
import java.util.SplittableRandom;

/**
 * One training run's state and its iteration: collect a rollout, compute GAE advantages, take the
 * algorithm's policy step, train the value network, measure. Every optimization's switch is read
 * from the config here or in the shared pieces it configures ({@link ObservationFilter},
 * {@link RewardFilter}, {@link ValueTrainer}, the algorithm's {@link PolicyUpdate}).
 */
public final class Training implements AutoCloseable {

    private final TrainConfig config;
    private final RunSeeds seeds;
    private final Env env;
    private final Env heldoutEnv;
    private final GaussianPolicy policy;
    private final ValueNet valueNet;
    private final Precision precision;
    private final Adam policyAdam;
    private final Adam valueAdam;
    private final ObservationFilter obsFilter;
    private final RewardFilter rewardFilter;
    private final Sampler.Settings samplerSettings;
    private final Sampler sampler;
    private final RolloutBuffer buffer;
    private final RolloutBuffer heldoutBuffer;
    private final PolicyUpdate policyUpdate;
    private final ValueTrainer valueTrainer;
    private final JointPpoUpdate jointUpdate;
    private final double[] scratch;
    private final int iterations;
    private int iteration;
    private long lastSampleNanos;
    private long lastSampleCpuNanos;

    /** A run on the backend its config names ({@code backend}). */
    public Training(TrainConfig config) {
        this(config, Backends.byId(config.get(Keys.BACKEND).word()));
    }

    /** A run whose networks' batch computations run on {@code backend} (see {@link dev.ablate4j.nn.Backends}). */
    public Training(TrainConfig config, Backend backend) {
        this.config = config;
        this.seeds = new RunSeeds(config.get(Keys.SEED));
        this.env = Envs.make(config.get(Keys.ENV), config.envVariant());
        int obsSize = env.observationSpace().size();
        int actionSize = env.actionSpace().size();
        Activation activation = config.on(Optimization.TANH) ? Activation.TANH : Activation.RELU;
        precision = Precision.byId(config.get(Keys.PRECISION).word());
        policy = new GaussianPolicy(obsSize, actionSize, config.hidden(), activation, backend, precision);
        valueNet = new ValueNet(obsSize, config.hidden(), activation, backend, precision);
        SplittableRandom init = seeds.init();
        policy.initialize(config.on(Optimization.ORTHO_INIT), init);
        valueNet.initialize(config.on(Optimization.ORTHO_INIT), init);
        double adamEps = config.get(Keys.ADAM_EPS);
        policyAdam = new Adam(policy.params().length, 0.9, 0.999, adamEps, precision);
        valueAdam = new Adam(valueNet.params().length, 0.9, 0.999, adamEps, precision);

        obsFilter = new ObservationFilter(obsSize, config.on(Optimization.OBS_NORM),
                config.on(Optimization.OBS_CLIP), config.get(Keys.OBS_CLIP_MAX), Algorithms.observationStats(config));
        rewardFilter = Algorithms.rewardFilter(config);
        samplerSettings = Algorithms.samplerSettings(config);
        sampler = new Sampler(env, policy, valueNet, obsFilter, rewardFilter, samplerSettings);

        int t = config.get(Keys.ROLLOUT_STEPS);
        buffer = new RolloutBuffer(t, obsSize, actionSize);
        boolean trustRegionLog = config.get(Keys.TR_LOG_EVERY) > 0;
        heldoutEnv = trustRegionLog ? Envs.make(config.get(Keys.ENV), config.envVariant()) : null;
        heldoutBuffer = trustRegionLog ? new RolloutBuffer(t, obsSize, actionSize) : null;
        jointUpdate = Algorithms.jointUpdate(config, policy, policyAdam, valueNet, valueAdam);
        policyUpdate = jointUpdate != null ? jointUpdate : Algorithms.policyUpdate(config, policy, policyAdam);
        valueTrainer = Algorithms.valueTrainer(config, valueNet, valueAdam);
        scratch = new double[t];
        iterations = config.iterations();
    }

    /** Runs the next iteration. */
    public IterationResult step() {
        int k = iteration;
        StepBounds bounds = Algorithms.bounds(config, k, iterations);
        double policyLr = bounds.policyLr();
        double valueLr = bounds.valueLr();

        long sampleStart = System.nanoTime();
        long sampleCpuStart = CpuTime.thread();
        List<EpisodeRecord> episodes = sampler.collect(buffer, seeds.forIteration(Stream.ENV, k),
                seeds.forIteration(Stream.ACTION, k));
        lastSampleNanos = System.nanoTime() - sampleStart;
        lastSampleCpuNanos = CpuTime.thread() - sampleCpuStart;
        buffer.computeAdvantages(config.get(Keys.GAMMA), config.get(Keys.GAE_LAMBDA));
        double explainedVariance = buffer.explainedVariance();
        double[] oldLogStd = policy.logStd();
        boolean logTrustRegion = config.get(Keys.TR_LOG_EVERY) > 0 && k % config.get(Keys.TR_LOG_EVERY) == 0;
        if (logTrustRegion) {
            collectHeldout(k);
        }

        SplittableRandom shuffle = seeds.forIteration(Stream.SHUFFLE, k);
        UpdateStats update = policyUpdate.update(buffer, bounds, shuffle);
        precision.roundAll(policy.params()); // TRPO's step is taken in double; Adam's already is float in float32
        double valueLoss = jointUpdate != null ? jointUpdate.lastValueLoss()
                : valueTrainer.train(buffer, config.get(Keys.EPOCHS), config.get(Keys.MINIBATCHES), valueLr, shuffle);
        checkFinite(k, update, valueLoss);

        RatioStats train = RatioStats.measure(policy, buffer.obs, buffer.actions, buffer.logProbs, buffer.means,
                oldLogStd, buffer.size, config.get(Keys.CLIP_EPS), scratch);
        RatioStats heldout = logTrustRegion
                ? RatioStats.measure(policy, heldoutBuffer.obs, heldoutBuffer.actions, heldoutBuffer.logProbs,
                        heldoutBuffer.means, oldLogStd, heldoutBuffer.size, config.get(Keys.CLIP_EPS), scratch)
                : null;
        double meanReturn = episodes.stream().mapToDouble(EpisodeRecord::totalReward).average().orElse(Double.NaN);
        MetricsRow row = new MetricsRow(k, sampler.envSteps(), meanReturn, episodes.size(), update.policyLoss(),
                valueLoss, policy.entropy(), train.approxKl(), train.meanKl(), train.maxRatio(), train.clipFraction(),
                policyLr, valueLr, explainedVariance, update.gradNorm());
        iteration++;
        return new IterationResult(row, episodes, logTrustRegion ? train : null, heldout);
    }

    /** A fresh batch from a separate environment and RNG streams, with the pre-update policy; filters read only. */
    private void collectHeldout(int k) {
        Sampler heldout = new Sampler(heldoutEnv, policy, valueNet, obsFilter, rewardFilter, samplerSettings.heldout());
        heldout.collect(heldoutBuffer, seeds.forIteration(Stream.HELDOUT_ENV, k),
                seeds.forIteration(Stream.HELDOUT_ACTION, k));
    }

    private void checkFinite(int k, UpdateStats update, double valueLoss) {
        if (!Double.isFinite(update.policyLoss())) {
            throw new DivergedException(k, "the policy loss");
        }
        if (!Double.isFinite(valueLoss)) {
            throw new DivergedException(k, "the value loss");
        }
        if (!allFinite(policy.params())) {
            throw new DivergedException(k, "a policy parameter");
        }
        if (!allFinite(valueNet.params())) {
            throw new DivergedException(k, "a value-network parameter");
        }
    }

    private static boolean allFinite(double[] x) {
        for (double v : x) {
            if (!Double.isFinite(v)) {
                return false;
            }
        }
        return true;
    }

    /** Saves everything that decides the following iterations into {@code c}. */
    public void save(Checkpoint c) {
        c.put(Checkpoint.ITERATION, iteration);
        c.put("policy", policy.params());
        c.put("value", valueNet.params());
        saveAdam(c, "policy-adam", policyAdam);
        saveAdam(c, "value-adam", valueAdam);
        c.put("obs-stats", obsFilter.stats().save());
        c.put("return-stats", rewardFilter.returnStats().save());
        c.put("discounted-return", new double[] {rewardFilter.discountedReturn()});
        c.put("sampler", sampler.saveState());
        c.put("env", env.saveState());
    }

    /** Restores a state saved by {@link #save} from a run of the same config. */
    public void restore(Checkpoint c) {
        iteration = Math.toIntExact(c.counter(Checkpoint.ITERATION));
        copyInto(c.array("policy"), policy.params());
        copyInto(c.array("value"), valueNet.params());
        restoreAdam(c, "policy-adam", policyAdam);
        restoreAdam(c, "value-adam", valueAdam);
        obsFilter.stats().restore(c.array("obs-stats"));
        rewardFilter.returnStats().restore(c.array("return-stats"));
        rewardFilter.restoreDiscountedReturn(c.array("discounted-return")[0]);
        sampler.restoreState(c.array("sampler"));
        env.restoreState(c.array("env"));
    }

    private static void saveAdam(Checkpoint c, String name, Adam adam) {
        c.put(name + "-m", adam.firstMoment());
        c.put(name + "-v", adam.secondMoment());
        c.put(name + "-steps", adam.steps());
    }

    private static void restoreAdam(Checkpoint c, String name, Adam adam) {
        adam.restore(c.array(name + "-m"), c.array(name + "-v"), c.counter(name + "-steps"));
    }

    private static void copyInto(double[] from, double[] to) {
        if (from.length != to.length) {
            throw new IllegalStateException("checkpoint array of length " + from.length + ", expected " + to.length);
        }
        System.arraycopy(from, 0, to, 0, to.length);
    }

    /**
     * The policy as it stands (network, log-std, the observation filter's current statistics, the
     * action bounds), for {@code policy.json}; reads the state without changing it.
     */
    public SavedPolicy savedPolicy() {
        ObservationNormalizer filter = ObservationNormalizer.of(obsFilter.stats(), config.on(Optimization.OBS_NORM),
                config.on(Optimization.OBS_CLIP), config.get(Keys.OBS_CLIP_MAX));
        return SavedPolicy.of(config.get(Keys.ENV), config.envVariant(), policy, filter, env.actionSpace(),
                config.get(Keys.ACTION_CLIP));
    }

    /** The live policy (tests in this package compare it with the saved one). */
    GaussianPolicy policy() {
        return policy;
    }

    /** The live observation filter (tests in this package). */
    ObservationFilter observationFilter() {
        return obsFilter;
    }

    /** Wall time of the last iteration's rollout collection (for timing.csv only, never for results). */
    public long lastSampleNanos() {
        return lastSampleNanos;
    }

    /** CPU time of this thread in the last rollout collection (-1 if the JVM cannot measure it; timing only). */
    public long lastSampleCpuNanos() {
        return lastSampleCpuNanos;
    }

    public boolean finished() {
        return iteration >= iterations;
    }

    public int iteration() {
        return iteration;
    }

    public int iterations() {
        return iterations;
    }

    public long envSteps() {
        return sampler.envSteps();
    }

    public TrainConfig config() {
        return config;
    }

    @Override
    public void close() {
        env.close();
        if (heldoutEnv != null) {
            heldoutEnv.close();
        }
    }
}
