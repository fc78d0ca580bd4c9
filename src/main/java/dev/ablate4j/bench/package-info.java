/**
 * What the {@code bench} command measures: the end-to-end training speed of a fixed short
 * configuration (PPO on Pendulum-v1 at the paper's sizes) split into sampling and update, with
 * wall and CPU time, heap peak and allocation per iteration ({@link dev.ablate4j.bench.TrainingBenchmark}),
 * and the speed-up of an ablation matrix from one worker to several
 * ({@link dev.ablate4j.bench.MatrixSpeedup}).
 *
 * <p>Wall time counts whatever else the machine is doing; CPU time of the training thread does
 * not (it still suffers from caches and memory bandwidth shared with other processes), so both
 * are printed, with the load average. Figures are timing only and never enter results.
 */
package dev.ablate4j.bench;
