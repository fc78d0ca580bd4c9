package dev.ablate4j.matrix;

import dev.ablate4j.config.TrainConfig;
import dev.ablate4j.run.RunDriver;
import dev.ablate4j.run.RunOutcome;
import java.util.function.Function;

/** Trains one run into its directory; the matrix calls nothing else to train. */
@FunctionalInterface
public interface RunExecutor {

    /**
     * Trains {@code run}'s config into its directory, continuing from the directory's checkpoint if it
     * has one for the same config, checkpointing every {@code checkpointEvery} iterations.
     */
    RunOutcome execute(ResolvedRun run, RunDriver.Progress progress, int checkpointEvery);

    /** Exactly what {@code train} does, with checkpoints and resume ({@link RunDriver#runOrResume}). */
    static RunExecutor driver(Function<TrainConfig, String> mujocoVersion) {
        return (run, progress, every) -> RunDriver.runOrResume(run.config(), run.dir(),
                mujocoVersion.apply(run.config()), progress, every);
    }
}
