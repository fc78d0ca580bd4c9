package dev.ablate4j.matrix;

import dev.ablate4j.config.TrainConfig;
import dev.ablate4j.run.RunDriver;
import dev.ablate4j.run.RunOutcome;
import java.nio.file.Path;
import java.util.function.Function;

/** Trains one run into its directory; the matrix calls nothing else to train. */
@FunctionalInterface
public interface RunExecutor {

    /**
     * Trains {@code config} into {@code runDir}, continuing from the directory's checkpoint if it has
     * one for the same config, checkpointing every {@code checkpointEvery} iterations.
     */
    RunOutcome execute(TrainConfig config, Path runDir, RunDriver.Progress progress, int checkpointEvery);

    /** Exactly what {@code train} does, with checkpoints and resume ({@link RunDriver#runOrResume}). */
    static RunExecutor driver(Function<TrainConfig, String> mujocoVersion) {
        return (config, dir, progress, every) -> RunDriver.runOrResume(config, dir, mujocoVersion.apply(config),
                progress, every);
    }
}
