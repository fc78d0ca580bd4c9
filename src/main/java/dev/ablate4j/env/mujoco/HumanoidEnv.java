package dev.ablate4j.env.mujoco;

import dev.ablate4j.env.EnvVariant;
import java.util.SplittableRandom;

/**
 * Gymnasium's {@code Humanoid-v4} on {@code humanoid.xml}: a 3D biped (nq = 24, nv = 23,
 * 17 torques in [-0.4, 0.4]), 5 physics steps of 0.003 s per environment step.
 *
 * <p>Observation (376): qpos[2:] (22), qvel (23), cinert (14 bodies × 10, world body included),
 * cvel (14 × 6), qfrc_actuator (23), cfrc_ext (14 × 6), none clipped; cfrc_ext is computed by
 * {@code mj_rnePostConstraint} after the physics steps, as Gymnasium does.
 * Reward: 1.25 × x velocity of the mass centre + 5 (healthy reward, given on every step as in v4)
 * − 0.1·|ctrl|². As in Gymnasium v4's code (its documentation says otherwise), the contact cost is
 * not part of the reward ({@link EnvVariant} adds Humanoid-v2's, and zeroes the contact forces as
 * mujoco-py 2.0 observed them). The mass centre is Σ mass·xipos / Σ mass over the bodies, read from
 * MuJoCo's xipos as Gymnasium reads it: after {@code mj_step} that array describes the state
 * before the last physics step. Healthy while the torso height qpos[2] lies in (1, 2); the episode
 * terminates when it is not. Reset noise: uniform ±0.01 on every qpos (the root quaternion
 * included, not renormalized) and qvel.
 */
public final class HumanoidEnv extends MujocoEnv {

    /** Registered id. */
    public static final String ID = "Humanoid-v4";

    static final double FORWARD_REWARD_WEIGHT = 1.25;
    static final double CTRL_COST_WEIGHT = 0.1;
    static final double HEALTHY_REWARD = 5.0;
    static final double RESET_NOISE = 1e-2;
    static final double HEALTHY_Z_MIN = 1.0;
    static final double HEALTHY_Z_MAX = 2.0;
    /** Humanoid-v2's contact cost: weight of Σ cfrc_ext² and the cap (gym's {@code humanoid.py}). */
    static final double CONTACT_COST_WEIGHT = 0.5e-6;
    static final double CONTACT_COST_MAX = 10.0;

    private static final int READOUT = MujocoNative.READ_QPOS | MujocoNative.READ_QVEL | MujocoNative.READ_XIPOS
            | MujocoNative.READ_CINERT | MujocoNative.READ_CVEL | MujocoNative.READ_QFRC_ACTUATOR
            | MujocoNative.READ_CFRC_EXT;

    private final double[] bodyMass;
    private final double totalMass;
    private final int xiposAt;
    private final int observedAt;
    private final int contactForcesAt;
    private final EnvVariant variant;

    /** Compiles the model; throws {@link MujocoUnavailableException} if MuJoCo is not installed. */
    public HumanoidEnv() {
        this(EnvVariant.V4);
    }

    /** As {@link #HumanoidEnv()}, observing and rewarding as {@code variant} says (see {@link EnvVariant}). */
    public HumanoidEnv(EnvVariant variant) {
        super(ID, "humanoid.xml", 5, READOUT, 376);
        this.variant = variant;
        bodyMass = sim.bodyMass();
        double total = 0;
        for (double m : bodyMass) {
            total += m;
        }
        totalMass = total;
        xiposAt = sim.nq + sim.nv;
        observedAt = xiposAt + 3 * sim.nbody;
        contactForcesAt = readout.length - 6 * sim.nbody; // cfrc_ext is the last array of the readout
    }

    @Override
    void addResetNoise(SplittableRandom random, double[] qpos, double[] qvel) {
        addUniform(random, qpos, RESET_NOISE);
        addUniform(random, qvel, RESET_NOISE);
    }

    /** x of the mass centre, from the last readout of xipos. */
    double massCenterX() {
        double sum = 0;
        for (int b = 0; b < bodyMass.length; b++) {
            sum += bodyMass[b] * readout[xiposAt + 3 * b];
        }
        return sum / totalMass;
    }

    @Override
    double forwardPosition() {
        return massCenterX();
    }

    @Override
    double reward(double[] action, double xVelocity) {
        double forwardReward = FORWARD_REWARD_WEIGHT * xVelocity;
        double rewards = forwardReward + HEALTHY_REWARD;
        double reward = rewards - CTRL_COST_WEIGHT * sumOfSquares(action);
        return variant.contactCost() ? reward - contactCost() : reward;
    }

    /** Humanoid-v2's contact cost, {@code min(0.5e-6 · Σ cfrc_ext², 10)}, from the simulated forces. */
    double contactCost() {
        double sum = 0;
        for (int i = contactForcesAt; i < readout.length; i++) {
            sum += readout[i] * readout[i];
        }
        return Math.min(CONTACT_COST_WEIGHT * sum, CONTACT_COST_MAX);
    }

    /** Gymnasium's is_healthy. */
    boolean healthy() {
        double z = qposAt(2);
        return z > HEALTHY_Z_MIN && z < HEALTHY_Z_MAX;
    }

    @Override
    boolean terminated() {
        return !healthy();
    }

    @Override
    double[] observation() {
        int nq = nq();
        int nv = nv();
        int derived = readout.length - observedAt;
        double[] obs = new double[nq - 2 + nv + derived];
        System.arraycopy(readout, 2, obs, 0, nq - 2 + nv);
        System.arraycopy(readout, observedAt, obs, nq - 2 + nv, derived);
        if (variant.contactForcesZeroed()) {
            java.util.Arrays.fill(obs, obs.length - (readout.length - contactForcesAt), obs.length, 0.0);
        }
        return obs;
    }
}
