/**
 * A single training run: its random-number tree ({@link dev.ablate4j.run.RunSeeds}), the
 * iteration ({@link dev.ablate4j.run.Training}), and the run directory it writes
 * ({@link dev.ablate4j.run.RunDriver}): {@code config.json}, {@code provenance.json},
 * {@code metrics.csv}, {@code episodes.csv}, {@code trust_region.csv}, {@code timing.csv} and the
 * {@code DONE} marker. Results files hold only deterministic values, printed by
 * {@link dev.ablate4j.results.Num} identically on every JDK; wall-clock figures go to
 * {@code timing.csv} and {@code provenance.json}. Whether a directory holds a given config (to resume
 * it, skip it, reuse it or refuse it) is one check, {@link dev.ablate4j.run.RecordedConfig}.
 */
package dev.ablate4j.run;
