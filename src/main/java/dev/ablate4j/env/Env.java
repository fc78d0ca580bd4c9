package dev.ablate4j.env;

/**
 * A reinforcement-learning environment with Gymnasium's contract.
 *
 * <p>{@link #reset(long)} starts an episode, drawing the initial state from the environment's
 * reset distribution with the given seed; {@link #step(double[])} advances one step. An episode
 * ends when a step reports {@code terminated} (a terminal state of the task, no bootstrapping)
 * or {@code truncated} (cut off from outside, e.g. by {@link TimeLimit}).
 *
 * <p>{@link #saveState()} and {@link #restoreState(double[])} capture everything that decides
 * future steps (physics state, step counters), so a run can be checkpointed and resumed, and a
 * reference trajectory can be replayed from a recorded state.
 */
public interface Env extends AutoCloseable {

    /** Registered id, e.g. {@code Pendulum-v1}. */
    String id();

    Box observationSpace();

    Box actionSpace();

    /** Starts a new episode; the initial state is drawn with {@code seed}. Returns the first observation. */
    double[] reset(long seed);

    /** Applies {@code action} (clipped by the environment where Gymnasium clips) and advances one step. */
    Step step(double[] action);

    /** A copy of the full state that decides future steps. */
    double[] saveState();

    /** Restores a state produced by {@link #saveState()} on an environment of the same id. */
    void restoreState(double[] state);

    /** The observation of the current state (after {@link #reset} or {@link #restoreState}). */
    double[] observe();

    @Override
    default void close() {}
}
