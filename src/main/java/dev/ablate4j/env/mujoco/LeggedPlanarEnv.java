package dev.ablate4j.env.mujoco;

import java.util.SplittableRandom;

/**
 * What Gymnasium's Hopper-v4 and Walker2d-v4 share: uniform reset noise of ±0.005 on every qpos and
 * qvel, the torso's x position as forward position, reward = x velocity + 1 (the healthy reward, on
 * every step as in v4) − 0.001·|a|², termination when the body is no longer healthy, and the
 * observation qpos[1:] then qvel clipped to [-10, 10]. Each task says what healthy means.
 */
abstract class LeggedPlanarEnv extends MujocoEnv {

    static final double CTRL_COST_WEIGHT = 1e-3;
    static final double HEALTHY_REWARD = 1.0;
    static final double RESET_NOISE = 5e-3;

    LeggedPlanarEnv(String id, String xml, int frameSkip, int observationSize) {
        super(id, xml, frameSkip, MujocoNative.READ_QPOS | MujocoNative.READ_QVEL, observationSize);
    }

    /** Gymnasium's {@code is_healthy} for this body. */
    abstract boolean healthy();

    @Override
    final void addResetNoise(SplittableRandom random, double[] qpos, double[] qvel) {
        addUniform(random, qpos, RESET_NOISE);
        addUniform(random, qvel, RESET_NOISE);
    }

    @Override
    final double forwardPosition() {
        return qposAt(0);
    }

    @Override
    final double reward(double[] action, double xVelocity) {
        double forwardReward = 1.0 * xVelocity;
        double rewards = forwardReward + HEALTHY_REWARD;
        return rewards - CTRL_COST_WEIGHT * sumOfSquares(action);
    }

    @Override
    final boolean terminated() {
        return !healthy();
    }

    @Override
    final double[] observation() {
        return Planar.positionsThenClippedVelocities(this, true);
    }
}
