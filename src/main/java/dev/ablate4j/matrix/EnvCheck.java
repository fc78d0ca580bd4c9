package dev.ablate4j.matrix;

import dev.ablate4j.env.Envs;

/**
 * Checks that an environment id is known, throwing an {@link IllegalArgumentException} whose
 * message lists the allowed ids. {@link #REGISTRY} asks {@link Envs} (enough for planning: a plan
 * may be for other machines); {@link #RUNNABLE} also requires that the environment can be created
 * here (what {@code matrix} needs before it writes anything); tests of specs that name environments
 * not built into this checkout pass their own.
 */
@FunctionalInterface
public interface EnvCheck {

    void check(String envId);

    /** The environment registry. */
    EnvCheck REGISTRY = Envs::spec;

    /** Known, and creatable on this machine (MuJoCo tasks need MuJoCo and the shim). */
    EnvCheck RUNNABLE = id -> {
        String reason = Envs.unavailableReason(id);
        if (reason != null) {
            throw new IllegalArgumentException(id + ": " + reason);
        }
    };
}
