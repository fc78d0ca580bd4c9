package dev.ablate4j.env.mujoco;

/**
 * Gymnasium's {@code Hopper-v4} on {@code hopper.xml}: a planar one-legged hopper (nq = nv = 6,
 * three torques in [-1, 1]), 4 physics steps of 0.002 s per environment step.
 *
 * <p>Observation (11): qpos[1:] (torso height, torso angle, thigh, leg, foot angles) then qvel
 * clipped to [-10, 10]. Reward: x velocity of the torso + 1 (healthy reward, given on every step as
 * in v4) − 0.001·|a|². Healthy while qpos[2:] and qvel lie in (−100, 100), the height qpos[1] is
 * above 0.7 and the torso angle qpos[2] lies in (−0.2, 0.2); the episode terminates when it is not.
 * Reset noise: uniform ±0.005 on every qpos and qvel.
 */
public final class HopperEnv extends LeggedPlanarEnv {

    /** Registered id. */
    public static final String ID = "Hopper-v4";

    static final double HEALTHY_Z_MIN = 0.7;
    static final double HEALTHY_ANGLE = 0.2;
    static final double HEALTHY_STATE = 100.0;

    /** Compiles the model; throws {@link MujocoUnavailableException} if MuJoCo is not installed. */
    public HopperEnv() {
        super(ID, "hopper.xml", 4, 11);
    }

    @Override
    boolean healthy() {
        for (int i = 2; i < nq(); i++) {
            if (!(qposAt(i) > -HEALTHY_STATE && qposAt(i) < HEALTHY_STATE)) {
                return false;
            }
        }
        for (int i = 0; i < nv(); i++) {
            if (!(qvelAt(i) > -HEALTHY_STATE && qvelAt(i) < HEALTHY_STATE)) {
                return false;
            }
        }
        double z = qposAt(1);
        double angle = qposAt(2);
        return z > HEALTHY_Z_MIN && z < Double.POSITIVE_INFINITY && angle > -HEALTHY_ANGLE && angle < HEALTHY_ANGLE;
    }
}
