/**
 * The ablation matrix: spec files, their expansion into runs, running them resumably on a pool of
 * workers (and across processes and machines), sharding for CI and Slurm, and merging result trees.
 *
 * <p><b>Spec files</b> ({@code ablations/*.yaml}, read by {@link dev.ablate4j.matrix.SpecReader}) use
 * the CLI's key names: {@code name}, {@code base} (a {@code preset} plus overrides), {@code factors}
 * (key to list of values; {@code preset} may be a factor; a name that is no config key, with levels that
 * are mappings, is a bundle setting several keys in one cell, {@link dev.ablate4j.matrix.BundleLevel}),
 * {@code design} ({@code factorial}, the default, or {@code one-at-a-time}), {@code overrides} (a list
 * of {@code {when: {...}, set: {...}}} for per-environment or per-preset tuning), {@code envs},
 * {@code seeds} (a count or a list) and {@code steps}. Each value is parsed once, by the key it belongs to, and the {@link
 * dev.ablate4j.matrix.Spec} holds typed values; every problem names the file and the place in it
 * ({@link dev.ablate4j.matrix.SpecErrors}). {@code seeds} ({@link dev.ablate4j.matrix.SeedsReader})
 * may also be an adaptive rule ({@code {min, max, step, until}},
 * {@link dev.ablate4j.adaptive}): {@link dev.ablate4j.matrix.AdaptiveMatrix} then runs rounds, each
 * a subset of the plan of all seeds up to {@code max} ({@link dev.ablate4j.matrix.Plan#only}).
 *
 * <p><b>Cells and ids.</b> A cell is one configuration: preset, base, env-independent overrides and
 * its factor values. Its id ({@link dev.ablate4j.matrix.CellId}) hashes its resolved config without
 * {@code env} and {@code seed}, so it never depends on how the YAML is written and any change of a
 * value gives a new id (old results are never mixed in). Overrides conditioned on an environment
 * are not part of the id (a cell is the same experiment on every environment); they are in each
 * run's {@code config.json}, and a results directory whose runs were made with different values is
 * refused with a message, not silently reused.
 *
 * <p><b>Layout.</b> {@code DIR/<spec>/<cell-id>/<env>/seed-<n>/} holds the run's files
 * ({@link dev.ablate4j.results.RunFiles}), {@code cell.json} (spec, cell, label, preset, design,
 * factors, varied; {@link dev.ablate4j.results.CellRecord}), {@code failure.json} for diverged or
 * crashed runs ({@link dev.ablate4j.results.FailureRecord}), and {@code LOCK} while a process runs
 * it. {@code DONE} is written last, atomically.
 *
 * <p><b>Reuse across specs.</b> Specs overlap (the trust-region and PPO-NoClip studies share cells
 * with Table 2). A run that another spec under the same results root finished with the identical
 * config is copied instead of trained ({@link dev.ablate4j.matrix.RunReuse}); its {@code cell.json}
 * names the donor in {@code reused_from}. Config and seed fix the deterministic files byte for byte,
 * so the copy is what training would have written. {@code matrix --no-reuse} trains anyway.
 *
 * <p><b>Resume and concurrency.</b> Runs checkpoint every few iterations; a rerun skips done runs and
 * resumes the others byte-identically ({@link dev.ablate4j.run.RunDriver#runOrResume}). Processes
 * sharing a directory claim runs with {@link dev.ablate4j.matrix.RunLocks} (atomic lock file, owner,
 * heartbeat; a dead owner's lock is taken over). {@link dev.ablate4j.matrix.Plan#shard} partitions a
 * plan deterministically, balanced by env steps; {@link dev.ablate4j.matrix.Merger} unions the
 * shards' trees, refusing a run id with two different contents. {@code train} claims its
 * {@code --out} with the same lock ({@link dev.ablate4j.matrix.RunClaim}), so a train and a matrix
 * task, or two trains, never write one run at once. Temporaries left by a kill or a full disk are
 * removed by the next claim or merge, stale ones only ({@link dev.ablate4j.matrix.Leftovers}).
 *
 * <p><b>Execution.</b> {@link dev.ablate4j.matrix.MatrixRunner} looks at every run directory of the
 * plan first (writing nothing) and hands the runs left to workers; each try of one run is a
 * {@code RunAttempt}: claim, clear what {@code --retry-failed} replaces, check the directory's config
 * ({@link dev.ablate4j.run.RecordedConfig}), copy or train, record the outcome. The
 * {@link dev.ablate4j.matrix.RunExecutor} is handed a {@link dev.ablate4j.matrix.ResolvedRun} (the
 * run, its resolved config and its directory), so a wrapper such as the live TensorBoard writer knows
 * which run it trains without working it out from a path.
 *
 * <p><b>YAML, decided.</b> Specs are plain YAML values. Anchors, aliases and merge keys
 * ({@code <<: *base}, keys written beside it winning, the first of {@code <<: [*a, *b]} winning)
 * work as YAML defines them; what a reader would silently drop is refused with its line: a second
 * document ({@code ---}: one spec per file) and tags ({@code !!int "5"}, {@code !mine}), which
 * would change nothing or be lost ({@code SpecText#needsComposer}). Duplicate keys are refused.
 *
 * <p><b>Slurm.</b> {@link dev.ablate4j.matrix.SlurmScript} checks {@code --time}, {@code --mem},
 * {@code --account} and {@code --partition} against Slurm's formats; the report job is chained with
 * {@code afterok} (a task that fails or exits 3 holds it back; afterany is the documented
 * alternative), and the tasks run a content-hashed copy of the jar taken when the script is written.
 */
package dev.ablate4j.matrix;
