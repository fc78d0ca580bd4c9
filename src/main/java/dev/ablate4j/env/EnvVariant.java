package dev.ablate4j.env;

/**
 * How an environment departs from its Gymnasium v4 definition, for testing hypotheses about older
 * versions. Only {@code Humanoid-v4} has variants; every other environment takes {@link #V4} only.
 *
 * <p>Sources: Gymnasium 0.29.1's {@code gymnasium/envs/mujoco/humanoid_v4.py} observes {@code cfrc_ext}
 * and returns {@code forward_reward + healthy_reward − ctrl_cost}, with no contact cost; gym's
 * {@code gym/envs/mujoco/humanoid.py} (Humanoid-v2, mujoco-py) observes {@code cfrc_ext} too and
 * subtracts {@code min(0.5e-6 · Σ cfrc_ext², 10)}. On mujoco-py 2.0 (MuJoCo 2.0), {@code cfrc_ext} read
 * as zeros, because MuJoCo 2.0's {@code mj_step} no longer ran {@code mj_rnePostConstraint} and mujoco-py
 * did not call it (the note in Gymnasium's Humanoid documentation): there Humanoid-v2 observed 84
 * zeros and its contact cost was 0. So:
 * <ul>
 *   <li>Humanoid-v2 on mujoco-py 1.50: {@code contactForcesZeroed = false, contactCost = true};</li>
 *   <li>Humanoid-v2 on mujoco-py 2.0: {@code contactForcesZeroed = true, contactCost = false} (the cost
 *       of zero forces is zero);</li>
 *   <li>Gymnasium's Humanoid-v4 (the default): {@code false, false}.</li>
 * </ul>
 *
 * @param contactForcesZeroed the 84 {@code cfrc_ext} entries of the observation are 0 (the physics is unchanged)
 * @param contactCost         the reward subtracts v2's contact cost {@code min(5e-7 · Σ cfrc_ext², 10)},
 *                            computed from the simulated forces
 */
public record EnvVariant(boolean contactForcesZeroed, boolean contactCost) {

    /** Gymnasium's v4 environment, unchanged. */
    public static final EnvVariant V4 = new EnvVariant(false, false);

    /** Whether this is {@link #V4}. */
    public boolean isV4() {
        return !contactForcesZeroed && !contactCost;
    }
}
