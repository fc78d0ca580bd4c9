/**
 * The environment contract ({@link dev.ablate4j.env.Env}, Gymnasium's reset/step with separate
 * {@code terminated} and {@code truncated}), the {@link dev.ablate4j.env.TimeLimit} wrapper and the
 * registry of environment ids ({@link dev.ablate4j.env.Envs}).
 */
package dev.ablate4j.env;
