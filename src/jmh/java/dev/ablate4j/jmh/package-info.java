/**
 * JMH benchmarks of ablate4j's hot paths (Maven profile {@code jmh}, which builds
 * {@code target/benchmarks.jar}): environment steps, tanh, MLP forward and backward per backend,
 * width, batch and precision, GAE, one PPO or TRPO update at the paper's sizes, and one core's fused
 * multiply-add peak ({@code FmaPeakBenchmark}; the kernels against it: {@code nn.KernelBenchmark}). Results and the commands
 * that produced them are in {@code docs/performance.md}. Each benchmark hands its result to a
 * {@code Blackhole} (or returns it) so the JIT cannot drop the work.
 */
package dev.ablate4j.jmh;
