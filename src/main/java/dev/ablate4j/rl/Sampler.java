package dev.ablate4j.rl;

import dev.ablate4j.env.Env;
import dev.ablate4j.env.Step;
import dev.ablate4j.nn.GaussianPolicy;
import dev.ablate4j.nn.Precision;
import dev.ablate4j.nn.ValueNet;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Collects rollouts from one environment with the current policy: samples actions, steps the
 * environment, passes observations and rewards through the filters, records values and episode
 * ends for GAE, and tracks finished episodes in true reward.
 *
 * <p>By default episodes continue across iterations and a rollout cut mid-episode is bootstrapped
 * with V(s_T), the value of the state after its last step. The paper's code instead resets the
 * environment at the start of every iteration (the trailing partial episode is dropped; an episode
 * that ends on the rollout's last step counts only when no other episode ended in the iteration,
 * as its {@code run_trajectories} does) and bootstraps with V(s_T-1), the last collected state
 * ({@link Settings#resetEveryIteration}, {@link Settings#bootstrapLastState}).
 *
 * <p>The filters' outputs (observations and rewards as the learner sees them) are rounded to the
 * networks' {@link dev.ablate4j.nn.Precision} (a no-op in float64); their running statistics stay
 * in double.
 *
 * <p>A training sampler updates the filter statistics; a diagnostic sampler (held-out batches)
 * only reads them and does not touch the reward filter.
 *
 * <p>Two variants other implementations have: {@link Settings#clipActions} steps the environment with the
 * action clipped to the action space's bounds while the buffer keeps the unclipped sample (Gymnasium's
 * {@code ClipAction} in CleanRL, SB3's {@code collect_rollouts}): the environment, its control cost
 * included, sees the clipped action. {@link Settings#vecNormalizeObsStats} ({@code --no-obs-norm-terminal}) updates the observation
 * statistics as SB3's {@code VecNormalize} does: with the observations the policy acts on (reset states
 * included) but not with an episode's terminal observation, which is normalized, for the truncation
 * bootstrap, with the statistics after the next episode's first observation went in.
 */
public final class Sampler {

    /**
     * How episodes and rollout ends are handled.
     *
     * @param training            update the filters and record values (off for held-out batches)
     * @param bootstrapTruncated  at a time-limit truncation use gamma*V(s_T) instead of 0
     * @param resetEveryIteration reset the environment at the start of every {@link #collect}
     * @param bootstrapLastState  at a rollout end mid-episode use V(s_T-1) instead of V(s_T)
     * @param clipActions         step the environment with the action clipped to its bounds
     * @param vecNormalizeObsStats update the observation statistics as SB3's VecNormalize does
     */
    public record Settings(boolean training, boolean bootstrapTruncated, boolean resetEveryIteration,
            boolean bootstrapLastState, boolean clipActions, boolean vecNormalizeObsStats) {

        /** ablate4j's own action and observation handling. */
        public Settings(boolean training, boolean bootstrapTruncated, boolean resetEveryIteration,
                boolean bootstrapLastState) {
            this(training, bootstrapTruncated, resetEveryIteration, bootstrapLastState, false, false);
        }

        /** A held-out sampler: filters read only, no values. */
        public Settings heldout() {
            return new Settings(false, false, resetEveryIteration, bootstrapLastState, clipActions,
                    vecNormalizeObsStats);
        }
    }

    private final Env env;
    private final GaussianPolicy policy;
    private final ValueNet valueNet;
    private final ObservationFilter obsFilter;
    private final RewardFilter rewardFilter;
    private final Precision precision;
    private final boolean training;
    private final boolean bootstrapTruncated;
    private final Settings settings;

    private final double[] obs;
    private final double[] mean;
    private final double[] action;
    private final double[] envAction;
    private final double[] terminalObs;
    private boolean started;
    private double episodeReturn;
    private int episodeLength;
    private long envSteps;

    public Sampler(Env env, GaussianPolicy policy, ValueNet valueNet, ObservationFilter obsFilter,
            RewardFilter rewardFilter, Settings settings) {
        this.env = env;
        this.policy = policy;
        this.valueNet = valueNet;
        this.obsFilter = obsFilter;
        this.rewardFilter = rewardFilter;
        this.precision = policy.precision();
        this.settings = settings;
        this.training = settings.training();
        this.bootstrapTruncated = settings.bootstrapTruncated();
        obs = new double[policy.obsSize()];
        mean = new double[policy.actionSize()];
        action = new double[policy.actionSize()];
        envAction = new double[policy.actionSize()];
        terminalObs = new double[policy.obsSize()];
    }

    /**
     * Fills {@code buf} with {@code buf.size} steps. Episode resets draw their seeds from
     * {@code envRng}; action noise comes from {@code actionRng}. Returns the episodes that ended.
     */
    public List<EpisodeRecord> collect(RolloutBuffer buf, SplittableRandom envRng, SplittableRandom actionRng) {
        List<EpisodeRecord> finished = new ArrayList<>();
        if (!started || settings.resetEveryIteration()) {
            startEpisode(envRng);
        }
        int o = policy.obsSize();
        int a = policy.actionSize();
        for (int t = 0; t < buf.size; t++) {
            System.arraycopy(obs, 0, buf.obs, t * o, o);
            buf.logProbs[t] = policy.act(obs, actionRng, mean, action);
            System.arraycopy(mean, 0, buf.means, t * a, a);
            System.arraycopy(action, 0, buf.actions, t * a, a);
            buf.values[t] = training ? valueNet.predict(obs) : 0;

            Step step = env.step(settings.clipActions() ? clip(action) : action);
            envSteps++;
            episodeLength++;
            episodeReturn += step.reward();
            buf.rewards[t] = training ? precision.round(rewardFilter.apply(step.reward(), step.terminated()))
                    : step.reward();
            double[] first = null;
            if (step.done() && settings.vecNormalizeObsStats()) {
                System.arraycopy(step.observation(), 0, terminalObs, 0, o);
                first = env.reset(envRng.nextLong());
                if (training) {
                    obsFilter.update(first);
                }
                filterObservation(terminalObs, false);
            } else {
                filterObservation(step.observation(), training);
            }
            buf.episodeEnd[t] = step.done();
            if (step.done()) {
                boolean bootstrap = step.truncated() && !step.terminated() && bootstrapTruncated;
                buf.nextValues[t] = bootstrap && training ? valueNet.predict(obs) : 0;
                if (counts(t, buf.size, finished)) {
                    finished.add(new EpisodeRecord(episodeReturn, episodeLength, envSteps));
                }
                if (first != null) {
                    beginEpisode(first, false);
                } else {
                    startEpisode(envRng);
                }
            } else if (t == buf.size - 1) {
                buf.nextValues[t] = !training ? 0 : settings.bootstrapLastState() ? buf.values[t] : valueNet.predict(obs);
            }
        }
        for (int t = 0; t < buf.size - 1; t++) {
            if (!buf.episodeEnd[t]) {
                buf.nextValues[t] = buf.values[t + 1];
            }
        }
        return finished;
    }

    /**
     * Whether an episode ending at step {@code t} counts among the iteration's episodes: always,
     * except that with per-iteration resets one ending on the last step counts only if none ended
     * before it (the paper's rule).
     */
    private boolean counts(int t, int size, List<EpisodeRecord> finished) {
        return !settings.resetEveryIteration() || t != size - 1 || finished.isEmpty();
    }

    /** The filtered observation, in the networks' precision, into {@code obs}; {@code update}: statistics take it in. */
    private void filterObservation(double[] raw, boolean update) {
        obsFilter.apply(raw, update, obs);
        precision.roundAll(obs);
    }

    private void startEpisode(SplittableRandom envRng) {
        beginEpisode(env.reset(envRng.nextLong()), training);
    }

    /** Starts an episode at observation {@code first}; {@code update}: the filter statistics take it in. */
    private void beginEpisode(double[] first, boolean update) {
        if (training) {
            rewardFilter.resetEpisode();
        }
        filterObservation(first, update);
        episodeReturn = 0;
        episodeLength = 0;
        started = true;
    }

    /** {@link #action} clipped to the action space's bounds, as numpy's clip(a, low, high). */
    private double[] clip(double[] a) {
        double[] low = env.actionSpace().low();
        double[] high = env.actionSpace().high();
        for (int i = 0; i < a.length; i++) {
            envAction[i] = Math.min(Math.max(a[i], low[i]), high[i]);
        }
        return envAction;
    }

    /** Environment steps taken so far. */
    public long envSteps() {
        return envSteps;
    }

    /** Everything besides the filters and the environment that a checkpoint needs. */
    public double[] saveState() {
        double[] s = new double[4 + obs.length];
        s[0] = started ? 1 : 0;
        s[1] = episodeReturn;
        s[2] = episodeLength;
        s[3] = envSteps;
        System.arraycopy(obs, 0, s, 4, obs.length);
        return s;
    }

    public void restoreState(double[] s) {
        started = s[0] != 0;
        episodeReturn = s[1];
        episodeLength = (int) s[2];
        envSteps = (long) s[3];
        System.arraycopy(s, 4, obs, 0, obs.length);
    }
}
