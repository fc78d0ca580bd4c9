package dev.ablate4j.env.mujoco;

/**
 * Gymnasium's {@code Walker2d-v4} on {@code walker2d.xml}: a planar biped (nq = nv = 9, six
 * torques in [-1, 1]), 4 physics steps of 0.002 s per environment step.
 *
 * <p>Observation (17): qpos[1:] then qvel clipped to [-10, 10]. Reward: x velocity of the torso
 * + 1 (healthy reward, given on every step as in v4) − 0.001·|a|². Healthy while the height
 * qpos[1] lies in (0.8, 2) and the torso angle qpos[2] in (−1, 1); the episode terminates when it
 * is not. Reset noise: uniform ±0.005 on every qpos and qvel.
 */
public final class Walker2dEnv extends LeggedPlanarEnv {

    /** Registered id. */
    public static final String ID = "Walker2d-v4";

    static final double HEALTHY_Z_MIN = 0.8;
    static final double HEALTHY_Z_MAX = 2.0;
    static final double HEALTHY_ANGLE = 1.0;

    /** Compiles the model; throws {@link MujocoUnavailableException} if MuJoCo is not installed. */
    public Walker2dEnv() {
        super(ID, "walker2d.xml", 4, 17);
    }

    @Override
    boolean healthy() {
        double z = qposAt(1);
        double angle = qposAt(2);
        return z > HEALTHY_Z_MIN && z < HEALTHY_Z_MAX && angle > -HEALTHY_ANGLE && angle < HEALTHY_ANGLE;
    }
}
