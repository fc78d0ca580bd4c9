package dev.ablate4j.results;

import java.nio.file.Path;

/**
 * The names of the files in a run directory (the table of docs/training.md) and its completion marker.
 * With the records of this package ({@link ConfigFile}, {@link Provenance}, {@link CellRecord},
 * {@link FailureRecord}, the CSV schemas) and {@link RunDirs} (where run directories stand in a
 * results tree), this is the only place that spells the run-directory format; {@code run},
 * {@code matrix}, {@code adaptive}, {@code report} and {@code tensorboard} all go through it.
 */
public final class RunFiles {

    public static final String CONFIG = "config.json";
    public static final String PROVENANCE = "provenance.json";
    public static final String METRICS = "metrics.csv";
    public static final String EPISODES = "episodes.csv";
    public static final String TRUST_REGION = "trust_region.csv";
    public static final String TIMING = "timing.csv";
    public static final String CHECKPOINT = "checkpoint.bin";
    /**
     * The final policy ({@code dev.ablate4j.policy.PolicyJson}), written when a run finishes, before
     * {@link #DONE}; not part of a run's identity, and absent in runs made before it existed.
     */
    public static final String POLICY = "policy.json";
    /** Returns of {@code ablate4j evaluate}'s episodes with the saved policy (optional, written afterwards). */
    public static final String EVAL = "eval.csv";
    /** The settings {@link #EVAL} was made with (episodes, deterministic or stochastic, seed), written before it. */
    public static final String EVAL_SETTINGS = "eval.json";
    /** Which matrix cell the run belongs to ({@link CellRecord}); runs {@code train} writes have none. */
    public static final String CELL = "cell.json";
    /** How a matrix run that did not finish ended ({@link FailureRecord}). */
    public static final String FAILURE = "failure.json";
    /** Completion marker, written last and atomically. */
    public static final String DONE = "DONE";

    private RunFiles() {}

    public static boolean isDone(Path runDir) {
        return runDir.resolve(DONE).toFile().isFile();
    }

    /** Writes the completion marker (last, atomically: its presence means every other file is complete). */
    public static void markDone(Path runDir) {
        AtomicFiles.writeString(runDir.resolve(DONE), RunStatus.DONE.word() + "\n");
    }
}
