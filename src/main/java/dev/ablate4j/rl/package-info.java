/**
 * Pieces shared by PPO and TRPO: rollout collection ({@link dev.ablate4j.rl.Sampler} into a
 * {@link dev.ablate4j.rl.RolloutBuffer}), GAE, running statistics and the observation and reward
 * filters that implement optimizations 2, 5, 6 and 7, minibatch shuffling and value-network
 * training (optimizations 1 and 9 for the value function).
 */
package dev.ablate4j.rl;
