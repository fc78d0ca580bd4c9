package dev.ablate4j.env.mujoco;

import java.util.SplittableRandom;

/**
 * Gymnasium's {@code HalfCheetah-v4} on {@code half_cheetah.xml}: a planar runner (nq = nv = 9,
 * six torques in [-1, 1]), 5 physics steps of 0.01 s per environment step.
 *
 * <p>Observation (17): qpos[1:] then qvel (not clipped). Reward: x velocity of the torso
 * − 0.1·|a|². Never terminates (only the 1000-step time limit ends an episode). Reset noise:
 * uniform ±0.1 on every qpos, 0.1 × standard normal on every qvel.
 */
public final class HalfCheetahEnv extends MujocoEnv {

    /** Registered id. */
    public static final String ID = "HalfCheetah-v4";

    static final double CTRL_COST_WEIGHT = 0.1;
    static final double RESET_NOISE = 0.1;

    /** Compiles the model; throws {@link MujocoUnavailableException} if MuJoCo is not installed. */
    public HalfCheetahEnv() {
        super(ID, "half_cheetah.xml", 5, MujocoNative.READ_QPOS | MujocoNative.READ_QVEL, 17);
    }

    @Override
    void addResetNoise(SplittableRandom random, double[] qpos, double[] qvel) {
        addUniform(random, qpos, RESET_NOISE);
        for (int i = 0; i < qvel.length; i++) {
            qvel[i] += RESET_NOISE * standardNormal(random);
        }
    }

    @Override
    double forwardPosition() {
        return qposAt(0);
    }

    @Override
    double reward(double[] action, double xVelocity) {
        double forwardReward = 1.0 * xVelocity;
        return forwardReward - CTRL_COST_WEIGHT * sumOfSquares(action);
    }

    @Override
    boolean terminated() {
        return false;
    }

    @Override
    double[] observation() {
        return Planar.positionsThenClippedVelocities(this, false);
    }
}
