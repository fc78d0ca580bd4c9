package dev.ablate4j.env.classic;

import dev.ablate4j.env.Box;
import dev.ablate4j.env.Env;
import dev.ablate4j.env.Step;
import java.util.SplittableRandom;

/**
 * Gymnasium 0.29.1's {@code Pendulum-v1}: swing a pendulum up and hold it upright.
 *
 * <p>State (θ, θ̇) in double precision, θ = 0 upright. One step with torque u clipped to [−2, 2]:
 * θ̇' = clip(θ̇ + (3g/(2l)·sin θ + 3/(m l²)·u)·dt, −8, 8) and θ' = θ + θ̇'·dt, with g = 10,
 * m = l = 1, dt = 0.05. Reward −(normalize(θ)² + 0.1·θ̇² + 0.001·u²) of the state before the step,
 * normalize mapping θ into [−π, π). Never terminates (the 200-step limit comes from
 * {@link dev.ablate4j.env.TimeLimit}). Observation [cos θ, sin θ, θ̇], rounded to float32 as
 * Gymnasium returns it. Reset: θ ~ U(−π, π), θ̇ ~ U(−1, 1).
 */
public final class Pendulum implements Env {

    /** Registered id. */
    public static final String ID = "Pendulum-v1";

    static final double MAX_SPEED = 8.0;
    static final double MAX_TORQUE = 2.0;
    static final double DT = 0.05;
    static final double G = 10.0;
    static final double M = 1.0;
    static final double L = 1.0;

    private static final Box OBSERVATION_SPACE =
            new Box(new double[] {-1, -1, -MAX_SPEED}, new double[] {1, 1, MAX_SPEED});
    private static final Box ACTION_SPACE = Box.uniform(1, -MAX_TORQUE, MAX_TORQUE);

    private double theta;
    private double thetaDot;
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
        SplittableRandom random = new SplittableRandom(seed);
        theta = random.nextDouble(-Math.PI, Math.PI);
        thetaDot = random.nextDouble(-1.0, 1.0);
        hasState = true;
        return observe();
    }

    @Override
    public Step step(double[] action) {
        requireState();
        if (action.length != 1) {
            throw new IllegalArgumentException(ID + " takes an action of length 1, got " + action.length);
        }
        double u = Math.min(Math.max(action[0], -MAX_TORQUE), MAX_TORQUE);
        double normalized = angleNormalize(theta);
        double cost = normalized * normalized + 0.1 * (thetaDot * thetaDot) + 0.001 * (u * u);

        double newThetaDot =
                thetaDot + (3 * G / (2 * L) * StrictMath.sin(theta) + 3.0 / (M * L * L) * u) * DT;
        newThetaDot = Math.min(Math.max(newThetaDot, -MAX_SPEED), MAX_SPEED);
        theta = theta + newThetaDot * DT;
        thetaDot = newThetaDot;
        return new Step(observe(), -cost, false, false);
    }

    /** (θ + π) mod 2π − π with a floored modulo (result of the mod has the divisor's sign), as numpy's {@code %}. */
    static double angleNormalize(double x) {
        double twoPi = 2 * Math.PI;
        double mod = (x + Math.PI) % twoPi;
        if (mod < 0) {
            mod += twoPi;
        }
        return mod - Math.PI;
    }

    /** [θ, θ̇]. */
    @Override
    public double[] saveState() {
        requireState();
        return new double[] {theta, thetaDot};
    }

    @Override
    public void restoreState(double[] state) {
        if (state.length != 2) {
            throw new IllegalArgumentException(
                    ID + " state is [theta, thetaDot] (length 2), got length " + state.length);
        }
        theta = state[0];
        thetaDot = state[1];
        hasState = true;
    }

    @Override
    public double[] observe() {
        requireState();
        return new double[] {
            (float) StrictMath.cos(theta), (float) StrictMath.sin(theta), (float) thetaDot
        };
    }

    private void requireState() {
        if (!hasState) {
            throw new IllegalStateException(ID + ": call reset(seed) or restoreState(state) first");
        }
    }
}
