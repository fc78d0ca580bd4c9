package dev.ablate4j.env;

import java.util.function.Supplier;

/**
 * A registered environment: its id, Gymnasium's time limit, a one-line description and a factory
 * for the raw (unwrapped) environment. {@link Envs#make(String)} adds the {@link TimeLimit}.
 */
public record EnvSpec(String id, int maxEpisodeSteps, String description, Supplier<Env> factory) {}
