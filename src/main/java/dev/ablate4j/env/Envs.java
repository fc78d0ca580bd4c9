package dev.ablate4j.env;

import dev.ablate4j.env.classic.ClassicEnvs;
import dev.ablate4j.env.mujoco.HumanoidEnv;
import dev.ablate4j.env.mujoco.MujocoEnvs;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The registry of environment ids. */
public final class Envs {

    private static final Map<String, EnvSpec> SPECS = new LinkedHashMap<>();

    static {
        List<EnvSpec> all = new ArrayList<>(ClassicEnvs.specs());
        all.addAll(MujocoEnvs.specs());
        for (EnvSpec spec : all) {
            SPECS.put(spec.id(), spec);
        }
    }

    private Envs() {}

    /** Every registered environment, in registration order. */
    public static List<EnvSpec> specs() {
        return Collections.unmodifiableList(new ArrayList<>(SPECS.values()));
    }

    /** The spec for {@code id}, or an {@link UnknownEnvException} naming the allowed ids. */
    public static EnvSpec spec(String id) {
        EnvSpec spec = SPECS.get(id);
        if (spec == null) {
            throw new UnknownEnvException(
                    "unknown environment '" + id + "'; allowed: " + String.join(", ", SPECS.keySet()));
        }
        return spec;
    }

    /**
     * Null if {@code id} can be created on this machine; otherwise the one-line reason (a MuJoCo task
     * on a machine or build without MuJoCo). Throws {@link UnknownEnvException} for an unknown id.
     */
    public static String unavailableReason(String id) {
        spec(id);
        return usesMujoco(id) ? MujocoEnvs.unavailableReason() : null;
    }

    /** Whether {@code id} is one of the MuJoCo tasks (false for classic control and unknown ids). */
    public static boolean usesMujoco(String id) {
        return MujocoEnvs.specs().stream().anyMatch(s -> s.id().equals(id));
    }

    /** A new instance of {@code id}, wrapped in its Gymnasium time limit. */
    public static Env make(String id) {
        return make(id, EnvVariant.V4);
    }

    /**
     * A new instance of {@code id} in {@code variant}, wrapped in its Gymnasium time limit. Throws
     * {@link IllegalArgumentException} for a variant other than {@link EnvVariant#V4} of an environment
     * without variants (see {@link #hasVariants(String)}).
     */
    public static Env make(String id, EnvVariant variant) {
        EnvSpec spec = spec(id);
        if (variant.isV4()) {
            return new TimeLimit(spec.factory().get(), spec.maxEpisodeSteps());
        }
        if (!hasVariants(id)) {
            throw new IllegalArgumentException(id + " has no variant " + variant + "; only " + HumanoidEnv.ID + " has");
        }
        return new TimeLimit(new HumanoidEnv(variant), spec.maxEpisodeSteps());
    }

    /** Whether {@code id} takes an {@link EnvVariant} other than v4 (only Humanoid-v4 does). */
    public static boolean hasVariants(String id) {
        return HumanoidEnv.ID.equals(id);
    }
}
