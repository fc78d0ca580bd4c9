/**
 * The results of runs as files: what a run directory must hold to count as a result.
 *
 * <p>This package owns the integrity check of a run directory, written once and used by every
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
 *     imply: {@code ceil(steps / rollout-steps)} from {@code config.json} for a done run, the
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
 *
 * <p>The file names and {@code provenance.json} keys are still spelled in {@code run.RunFiles} and
 * {@code run.Provenance}; moving the rest of the run-directory format here (typed records for each
 * file) is the next step.
 */
package dev.ablate4j.results;
