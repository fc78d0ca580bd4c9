package dev.ablate4j.policy;

import dev.ablate4j.env.Env;
import dev.ablate4j.env.Step;
import dev.ablate4j.stats.Seeds;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Episodes of a saved policy in a fresh environment, with its observation filter frozen (the
 * statistics are the ones training ended with and are never updated). Actions go to the
 * environment as in training: unclipped (the environment applies its bounds), or clipped to the bounds
 * when the policy was trained so ({@link SavedPolicy#clipActions()}, {@code action-clip}); either the mean
 * ({@code deterministic}) or mean + exp(logStd) · N(0, 1).
 *
 * <p>Randomness: episode {@code i} draws its reset seed and its action noise from its own stream,
 * {@link Seeds#stream}(seed, "evaluate", i); so a seed gives the same episodes on every machine,
 * and the first N episodes of a longer evaluation are the N episodes of a shorter one.
 */
public final class Evaluation {

    /** One finished episode: its return (the environment's true reward) and its number of steps. */
    public record Episode(int index, double totalReturn, int length) {}

    private Evaluation() {}

    /**
     * Runs {@code episodes} episodes (at least 1) of {@code policy} in {@code env} (which must be the
     * policy's environment, time limit included).
     */
    public static List<Episode> run(SavedPolicy policy, Env env, int episodes, boolean deterministic, long seed) {
        if (episodes < 1) {
            throw new IllegalArgumentException("episodes must be >= 1, got " + episodes);
        }
        if (env.observationSpace().size() != policy.observationSize()
                || env.actionSpace().size() != policy.actionSize()) {
            throw new IllegalArgumentException("environment " + env.id() + " has observation/action sizes "
                    + env.observationSpace().size() + "/" + env.actionSpace().size() + " but the policy has "
                    + policy.observationSize() + "/" + policy.actionSize());
        }
        PolicyActor actor = policy.actor();
        double[] mean = new double[policy.actionSize()];
        double[] action = new double[policy.actionSize()];
        double[] envAction = new double[policy.actionSize()];
        double[] low = policy.actionLow();
        double[] high = policy.actionHigh();
        List<Episode> out = new ArrayList<>(episodes);
        for (int i = 0; i < episodes; i++) {
            SplittableRandom stream = Seeds.stream(seed, "evaluate", Integer.toString(i));
            long resetSeed = stream.nextLong();
            SplittableRandom noise = stream.split();
            double[] obs = env.reset(resetSeed);
            double total = 0;
            int length = 0;
            while (true) {
                if (deterministic) {
                    actor.mean(obs, action);
                } else {
                    actor.sample(obs, noise, mean, action);
                }
                if (policy.clipActions()) {
                    for (int j = 0; j < action.length; j++) {
                        envAction[j] = Math.min(Math.max(action[j], low[j]), high[j]);
                    }
                }
                Step step = env.step(policy.clipActions() ? envAction : action);
                total += step.reward();
                length++;
                if (step.done()) {
                    break;
                }
                obs = step.observation();
            }
            out.add(new Episode(i, total, length));
        }
        return out;
    }
}
