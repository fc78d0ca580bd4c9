/**
 * The results of runs as files: the run-directory format and what a run directory must hold to count
 * as a result.
 *
 * <p><b>The format, one owner.</b> Every file name, JSON key that readers rely on and CSV column
 * header of a results tree is spelled here and nowhere else (a scan test keeps it so), each file
 * with one writer and one reader:
 * <ul>
 * <li>run directory ({@link dev.ablate4j.results.RunFiles}): {@code config.json}
 *     ({@link dev.ablate4j.results.ConfigFile}, a typed view over the resolved config),
 *     {@code provenance.json} ({@link dev.ablate4j.results.Provenance} writes its keys,
 *     {@link dev.ablate4j.results.ProvenanceFile} reads them back), the CSV files
 *     ({@link dev.ablate4j.results.RunCsv}: {@code metrics.csv} with {@link dev.ablate4j.results.MetricsRow},
 *     {@code episodes.csv}, {@code trust_region.csv}, {@code timing.csv}, {@code eval.csv}; written
 *     append-only by {@link dev.ablate4j.results.CsvLog}, read strictly by
 *     {@link dev.ablate4j.results.CsvTable}), {@code checkpoint.bin}
 *     ({@link dev.ablate4j.results.Checkpoint}), {@code cell.json}
 *     ({@link dev.ablate4j.results.CellRecord}), {@code failure.json}
 *     ({@link dev.ablate4j.results.FailureRecord}) and the {@code DONE} marker, whose status words are
 *     {@link dev.ablate4j.results.RunStatus};
 * <li>spec directory: {@code spec.json}/{@code spec.yaml} ({@link dev.ablate4j.results.SpecRecord})
 *     and {@code adaptive.json} ({@link dev.ablate4j.results.AdaptiveRecord});
 * <li>results tree: where run directories stand ({@link dev.ablate4j.results.RunDirs});
 * <li>report output: {@code report.pdf}, {@code report.md}, {@code summary.csv}, {@code runs.csv},
 *     {@code verdicts.csv} and their fixed columns ({@link dev.ablate4j.results.ReportFiles});
 * <li>report input from outside ablate4j: a reference sample file ({@code env,seed,final_return}
 *     with {@code #} comment lines, {@link dev.ablate4j.results.ReferenceReturns}), the final returns
 *     of another implementation's runs for {@code report --reference}.
 * </ul>
 * Writers keep the bytes they always wrote (insertion-ordered JSON through
 * {@link dev.ablate4j.results.AtomicFiles#JSON}, numbers through {@link dev.ablate4j.results.Num}),
 * so runs and reports made before this package owned the format read and rebuild unchanged.
 *
 * <p><b>Floors.</b> {@code results} sits below every package that reads or writes runs — {@code run},
 * {@code adaptive}, {@code matrix}, {@code report}, {@code tensorboard} and {@code cli} — and
 * depends only on {@code config} (key names) and {@code policy} (to check a saved policy reads
 * back). The records are plain data: what depends on the spec model ({@code matrix.SpecRecording},
 * {@code adaptive.RuleFile}) or the training loop ({@code run.RunDriver}) converts to and from them
 * in its own package. {@code tensorboard} reads runs through this package, never through the report.
 *
 * <p><b>Integrity.</b> This package owns the integrity check of a run directory, written once and used by every
 * command that reads or reuses runs: {@code train} (a finished run whose files fail it is refused
 * with the reason; {@code --force} retrains it), {@code matrix} (such a run counts as failed;
 * {@code --retry-failed} retrains it; it is never copied to another spec), {@code merge} (refuses to
 * merge it), and {@code report}, {@code tensorboard} and {@code compare} (leave it out with the
 * reason, counted and listed).
 *
 * <ul>
 * <li>{@link RunIntegrity#finished} — a finished run (its {@code DONE} marker written, or recorded as
 *     diverged) is whole when {@code metrics.csv} and {@code trust_region.csv} end with a newline,
 *     every row has the header's number of fields, and they hold exactly the rows the iterations
 *     imply: {@code ceil(steps / rollout-steps)} (the floor under {@code steps-rounding down}) from {@code config.json} for a done run, the
 *     iteration {@code provenance.json} records for a diverged one; trust-region rows on every
 *     {@code tr-log-every}-th iteration from 0. {@code DONE} is written last, after
 *     {@code provenance.json} records status {@code done} and the env steps trained, so a
 *     {@code DONE} beside another status, or beside a last {@code metrics.csv} row with other env
 *     steps than {@code provenance.json} records, is a run whose files changed after it finished.
 * <li>{@link RunIntegrity#resumable} — an unfinished run with a checkpoint can resume only when its
 *     CSV files are at least as long as the checkpoint records (resuming cuts them back to exactly
 *     that length).
 * </ul>
 *
 * <p>The verdict is typed ({@link Integrity}: whole, or broken with a one-line reason that names the
 * file), so callers decide what a broken run means for them and never parse messages.
 *
 * <p>Decision: the check is tolerant of runs written by older versions or other tools — a
 * {@code config.json} without {@code steps}/{@code rollout-steps} skips the row count, a missing
 * {@code tr-log-every} skips the trust-region count, a {@code provenance.json} without a status or
 * env steps skips those comparisons — so a run is refused only for what it does record. Wall-clock
 * order (file times) is never consulted: copies ({@code cp -r}, artifact uploads) do not keep it.
 * */
package dev.ablate4j.results;
