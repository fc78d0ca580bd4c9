/**
 * What PPO and TRPO have in common at the algorithm level: the {@link dev.ablate4j.algo.PolicyUpdate}
 * each implements, and the trust-region measurements ({@link dev.ablate4j.algo.RatioStats}).
 */
package dev.ablate4j.algo;
