package dev.ablate4j.env.classic;

import dev.ablate4j.env.Box;
import dev.ablate4j.env.Env;
import dev.ablate4j.env.Step;
import java.util.SplittableRandom;

/**
 * Gymnasium 0.29.1's {@code MountainCarContinuous-v0}: drive an underpowered car up the right hill.
 *
 * <p>One step with force f = clip(a, −1, 1): v' = clip(v + 0.0015·f − 0.0025·cos(3x), −0.07, 0.07),
 * x' = clip(x + v', −1.2, 0.6), and v' = 0 if the car sits at the left wall moving left. The episode
 * terminates when x' ≥ 0.45 and v' ≥ 0. Reward −0.1·a² of the <em>unclipped</em> action a (as
 * Gymnasium computes it), plus 100 on the terminating step. Reset: x ~ U(−0.6, −0.4), v = 0.
 *
 * <p>Precision, as Gymnasium: the step is computed in double and the new state is then stored as
 * float32, so every state after a step is a float32 value; the termination test uses the double values
 * before that rounding. The reset state is not rounded (Gymnasium keeps it as float64 until the first
 * step). Observations [x, v] are rounded to float32.
 */
public final class MountainCarContinuous implements Env {

    /** Registered id. */
    public static final String ID = "MountainCarContinuous-v0";

    static final double MIN_ACTION = -1.0;
    static final double MAX_ACTION = 1.0;
    static final double MIN_POSITION = -1.2;
    static final double MAX_POSITION = 0.6;
    static final double MAX_SPEED = 0.07;
    static final double GOAL_POSITION = 0.45;
    static final double GOAL_VELOCITY = 0.0;
    static final double POWER = 0.0015;

    /** Gymnasium declares these bounds as float32; the float32 values are used so observations lie inside. */
    private static final Box OBSERVATION_SPACE = new Box(
            new double[] {(float) MIN_POSITION, (float) -MAX_SPEED},
            new double[] {(float) MAX_POSITION, (float) MAX_SPEED});
    private static final Box ACTION_SPACE = Box.uniform(1, MIN_ACTION, MAX_ACTION);

    private double position;
    private double velocity;
    private boolean hasState;

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Box observationSpace() {
        return OBSERVATION_SPACE;
    }

    @Override
    public Box actionSpace() {
        return ACTION_SPACE;
    }

    @Override
    public double[] reset(long seed) {
        position = new SplittableRandom(seed).nextDouble(-0.6, -0.4);
        velocity = 0.0;
        hasState = true;
        return observe();
    }

    @Override
    public Step step(double[] action) {
        requireState();
        if (action.length != 1) {
            throw new IllegalArgumentException(ID + " takes an action of length 1, got " + action.length);
        }
        double force = Math.min(Math.max(action[0], MIN_ACTION), MAX_ACTION);

        double v = velocity + (force * POWER - 0.0025 * StrictMath.cos(3 * position));
        v = Math.min(Math.max(v, -MAX_SPEED), MAX_SPEED);
        double x = position + v;
        x = Math.min(Math.max(x, MIN_POSITION), MAX_POSITION);
        if (x == MIN_POSITION && v < 0) {
            v = 0.0;
        }
        boolean terminated = x >= GOAL_POSITION && v >= GOAL_VELOCITY;
        double reward = (terminated ? 100.0 : 0.0) - action[0] * action[0] * 0.1;

        position = (float) x;
        velocity = (float) v;
        return new Step(observe(), reward, terminated, false);
    }

    /** [position, velocity]. */
    @Override
    public double[] saveState() {
        requireState();
        return new double[] {position, velocity};
    }

    @Override
    public void restoreState(double[] state) {
        if (state.length != 2) {
            throw new IllegalArgumentException(
                    ID + " state is [position, velocity] (length 2), got length " + state.length);
        }
        position = state[0];
        velocity = state[1];
        hasState = true;
    }

    @Override
    public double[] observe() {
        requireState();
        return new double[] {(float) position, (float) velocity};
    }

    private void requireState() {
        if (!hasState) {
            throw new IllegalStateException(ID + ": call reset(seed) or restoreState(state) first");
        }
    }
}
