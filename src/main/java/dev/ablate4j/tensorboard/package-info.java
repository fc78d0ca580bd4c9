/**
 * TensorBoard event files from ablate4j runs, so an ablation's curves open where RL researchers
 * look (TensorBoard, or W&B through {@code wandb sync --sync-tensorboard}).
 *
 * <ul>
 * <li>{@link dev.ablate4j.tensorboard.Export} turns result trees into a log directory with one
 *     TensorBoard run per run directory, named {@code <spec>/<cell label>/<env>/seed-<n>}
 *     ({@link dev.ablate4j.tensorboard.RunNames}). Same inputs, same bytes: every wall time comes
 *     from the run's own records ({@link dev.ablate4j.tensorboard.WallTimes}), never the export's clock.
 *     A run that cannot be read is left out with the reason and counted, as the report does; symbolic
 *     links to a results root or a cell directory are followed (not back up a cycle). HParams session
 *     groups are configurations ({@link dev.ablate4j.tensorboard.SessionGroups}): the seeds of one
 *     resolved config, never two configs whose directories happen to share a name. Runs are read
 *     through the records of {@link dev.ablate4j.results} ({@link dev.ablate4j.tensorboard.RunData}),
 *     the same ones the report reads; the final return is {@link dev.ablate4j.results.Returns}.
 * <li>{@link dev.ablate4j.tensorboard.Tags} says which scalar tag each CSV column becomes
 *     ({@code charts/mean_return}, {@code losses/value_loss}, {@code trust_region/max_ratio_train},
 *     {@code charts/episodic_return}, ...), always at step = environment steps.
 * <li>{@link dev.ablate4j.tensorboard.HParams} writes the HParams plugin's data: the experiment
 *     (which hyperparameters and metrics exist) and per run its switches, the hyperparameters that
 *     vary, and its final return, so the HParams dashboard filters and compares runs by switch.
 * <li>{@link dev.ablate4j.tensorboard.LiveBoard} appends the same events while {@code train} or
 *     {@code matrix} runs ({@code --tensorboard LOGDIR}); it is a side output, never read back
 *     and never part of a run's files or identity.
 * </ul>
 *
 * <p>Format: a file is a sequence of records, each {@code uint64 length, uint32 masked CRC32C of
 * the length, data, uint32 masked CRC32C of the data} (little-endian; mask
 * {@code ((c >>> 15) | (c << 17)) + 0xa282ead8}); each record's data is a serialized {@code Event}
 * (the first one names the file version {@code brain.Event:2}). The messages are declared in
 * {@code src/main/proto/tensorboard_events.proto} with TensorBoard's own field numbers and compiled
 * by protoc at build time; values are scalars ({@code simple_value}, a float32).
 */
package dev.ablate4j.tensorboard;
