package dev.ablate4j.matrix;

import dev.ablate4j.env.Envs;

/**
 * Checks that an environment id is known, throwing an {@link IllegalArgumentException} whose
 * message lists the allowed ids. {@link #REGISTRY} asks {@link Envs}; tests of specs that name
 * environments not built into this checkout pass their own.
 */
@FunctionalInterface
public interface EnvCheck {

    void check(String envId);

    /** The environment registry. */
    EnvCheck REGISTRY = Envs::spec;
}
