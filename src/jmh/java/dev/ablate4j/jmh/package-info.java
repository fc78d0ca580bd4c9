/**
 * JMH benchmarks of ablate4j's hot paths (Maven profile {@code jmh}, which builds
 * {@code target/benchmarks.jar}): environment steps, tanh, MLP forward and backward per backend,
 * width and batch, GAE, and one PPO or TRPO update at the paper's sizes. Results and the commands
 * that produced them are in {@code docs/performance.md}. Each benchmark hands its result to a
 * {@code Blackhole} (or returns it) so the JIT cannot drop the work.
 */
package dev.ablate4j.jmh;
