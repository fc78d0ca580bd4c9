package dev.ablate4j.env.mujoco;

import dev.ablate4j.env.EnvSpec;
import java.util.List;

/**
 * The MuJoCo locomotion tasks with Gymnasium's v4 ids and 1000-step time limits, and whether MuJoCo
 * can be used here.
 *
 * <p>The specs are always listed; creating an environment when MuJoCo is missing throws
 * {@link MujocoUnavailableException} with one line saying what is missing and the install command.
 */
public final class MujocoEnvs {

    /** Gymnasium's time limit of every MuJoCo locomotion task. */
    public static final int MAX_EPISODE_STEPS = 1000;

    private MujocoEnvs() {}

    /** {@code Hopper-v4}, {@code Walker2d-v4}, {@code HalfCheetah-v4}, {@code Humanoid-v4}. */
    public static List<EnvSpec> specs() {
        return List.of(
                new EnvSpec(HopperEnv.ID, MAX_EPISODE_STEPS,
                        "planar one-legged hopper (MuJoCo); obs 11, 3 torques in [-1, 1]", HopperEnv::new),
                new EnvSpec(Walker2dEnv.ID, MAX_EPISODE_STEPS,
                        "planar biped walker (MuJoCo); obs 17, 6 torques in [-1, 1]", Walker2dEnv::new),
                new EnvSpec(HalfCheetahEnv.ID, MAX_EPISODE_STEPS,
                        "planar cheetah runner (MuJoCo); obs 17, 6 torques in [-1, 1]", HalfCheetahEnv::new),
                new EnvSpec(HumanoidEnv.ID, MAX_EPISODE_STEPS,
                        "3D humanoid walker (MuJoCo); obs 376, 17 torques in [-0.4, 0.4]", HumanoidEnv::new));
    }

    /** True if MuJoCo environments can be created (the shim and libmujoco load). */
    public static boolean available() {
        return MujocoNative.problem() == null;
    }

    /** The loaded MuJoCo version, e.g. "2.2.2" ({@code mj_versionString()}), or null if unavailable. */
    public static String version() {
        return available() ? MujocoNative.versionString() : null;
    }

    /**
     * Which MuJoCo is loaded and from where, e.g. "MuJoCo 2.2.2 (the system library, libmujoco.so on the
     * linker path)" or "MuJoCo 3.14.0 (/opt/mujoco/libmujoco.so.3.14.0, from MUJOCO_HOME=/opt/mujoco)";
     * null if unavailable.
     */
    public static String source() {
        return MujocoNative.source();
    }

    /** How to choose the other MuJoCo, one line (for {@code envs} and error messages). */
    public static final String HOW_TO_SWITCH = "default: the system libmujoco (Debian's libmujoco-dev 2.2.2); another"
            + " MuJoCo: MUJOCO_HOME=DIR (or -D" + MujocoNative.HOME_PROPERTY + "=DIR) with DIR holding"
            + " libmujoco.so.X.Y.Z, e.g. the mujoco folder of `pip install mujoco==3.14.0`, and a jar built with"
            + " ./mvnw package -Dmujoco.home=DIR";

    /** Null if {@link #available()}; otherwise the one-line message that creating an environment would throw. */
    public static String unavailableReason() {
        String problem = MujocoNative.problem();
        return problem == null ? null : MujocoUnavailableException.message(problem);
    }
}
