package dev.ablate4j.matrix;

import dev.ablate4j.config.Keys;
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

    /**
     * Why this process cannot train {@code config} at all, or null if it can: a run of a spec with a
     * {@code mujoco} factor may name another MuJoCo than the one loaded. The matrix then leaves the run
     * untouched for a process that loads its MuJoCo ({@link RunResult.Status#OTHER_MUJOCO}).
     */
    default String cannotTrain(TrainConfig config) {
        return null;
    }

    /**
     * Exactly what {@code train} does, with checkpoints and resume ({@link RunDriver#runOrResume});
     * {@code mujocoVersion} gives the loaded MuJoCo's version for a config (null: none, or not a MuJoCo task).
     */
    static RunExecutor driver(Function<TrainConfig, String> mujocoVersion) {
        return of((run, progress, every) -> RunDriver.runOrResume(run.config(), run.dir(),
                mujocoVersion.apply(run.config()), progress, every), c -> otherMujoco(c, mujocoVersion.apply(c)));
    }

    /** {@code training} that refuses what {@code cannotTrain} names ({@link #cannotTrain}). */
    static RunExecutor of(RunExecutor training, Function<TrainConfig, String> cannotTrain) {
        return new RunExecutor() {
            @Override
            public RunOutcome execute(ResolvedRun run, RunDriver.Progress progress, int checkpointEvery) {
                return training.execute(run, progress, checkpointEvery);
            }

            @Override
            public String cannotTrain(TrainConfig config) {
                return cannotTrain.apply(config);
            }
        };
    }

    /**
     * Null when {@code config} is not a MuJoCo task, no MuJoCo is {@code loaded}, or it names the
     * loaded one; else one line saying which MuJoCo the run needs.
     */
    static String otherMujoco(TrainConfig config, String loaded) {
        if (!config.usesMujoco() || loaded == null || loaded.equals(config.get(Keys.MUJOCO))) {
            return null;
        }
        return "needs MuJoCo " + config.get(Keys.MUJOCO) + " (this process loaded " + loaded + ")";
    }
}
