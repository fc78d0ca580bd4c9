/** PPO's policy step (clipped surrogate, minibatch Adam), with its optimizations visible in {@link dev.ablate4j.algo.ppo.PpoUpdate}. */
package dev.ablate4j.algo.ppo;
