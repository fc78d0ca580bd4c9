package dev.ablate4j.env;

import java.util.Arrays;

/**
 * Cuts episodes off after a fixed number of steps, as Gymnasium 0.29.1's {@code TimeLimit} wrapper.
 *
 * <p>The wrapper counts steps since the last {@link #reset(long)}. A step whose count reaches
 * {@code maxEpisodeSteps} (and every later step, if the caller keeps stepping) reports
 * {@code truncated = true}. As in Gymnasium, this happens <em>even when the same step also
 * terminated</em>: both flags are then true. Consumers that bootstrap at truncation must therefore
 * check {@code terminated} first (a terminal state is never bootstrapped).
 *
 * <p>{@link #saveState()} is the inner environment's state followed by one element, the elapsed
 * step count, so a checkpoint restores the time limit too.
 */
public final class TimeLimit implements Env {

    private final Env inner;
    private final int maxEpisodeSteps;
    private int elapsedSteps;

    /** Wraps {@code inner}; {@code maxEpisodeSteps} must be at least 1. */
    public TimeLimit(Env inner, int maxEpisodeSteps) {
        if (maxEpisodeSteps < 1) {
            throw new IllegalArgumentException("maxEpisodeSteps must be >= 1, got " + maxEpisodeSteps);
        }
        this.inner = inner;
        this.maxEpisodeSteps = maxEpisodeSteps;
    }

    /** The wrapped environment. */
    public Env inner() {
        return inner;
    }

    /** The step count at which episodes are truncated. */
    public int maxEpisodeSteps() {
        return maxEpisodeSteps;
    }

    /** Steps taken since the last reset (or as restored). */
    public int elapsedSteps() {
        return elapsedSteps;
    }

    @Override
    public String id() {
        return inner.id();
    }

    @Override
    public Box observationSpace() {
        return inner.observationSpace();
    }

    @Override
    public Box actionSpace() {
        return inner.actionSpace();
    }

    @Override
    public double[] reset(long seed) {
        elapsedSteps = 0;
        return inner.reset(seed);
    }

    @Override
    public Step step(double[] action) {
        Step step = inner.step(action);
        elapsedSteps++;
        if (elapsedSteps >= maxEpisodeSteps && !step.truncated()) {
            return new Step(step.observation(), step.reward(), step.terminated(), true);
        }
        return step;
    }

    @Override
    public double[] saveState() {
        double[] innerState = inner.saveState();
        double[] state = Arrays.copyOf(innerState, innerState.length + 1);
        state[innerState.length] = elapsedSteps;
        return state;
    }

    @Override
    public void restoreState(double[] state) {
        if (state.length < 1) {
            throw new IllegalArgumentException(
                    "TimeLimit state of " + id() + " must end with the elapsed step count; got an empty array");
        }
        double count = state[state.length - 1];
        if (count < 0 || count != Math.rint(count) || count > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(
                    "TimeLimit state of " + id() + ": last element must be the elapsed step count"
                            + " (a non-negative integer), got " + count);
        }
        inner.restoreState(Arrays.copyOf(state, state.length - 1));
        elapsedSteps = (int) count;
    }

    @Override
    public double[] observe() {
        return inner.observe();
    }

    @Override
    public void close() {
        inner.close();
    }
}
