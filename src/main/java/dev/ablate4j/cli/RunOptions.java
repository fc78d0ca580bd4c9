package dev.ablate4j.cli;

import dev.ablate4j.tensorboard.BadExportException;
import dev.ablate4j.tensorboard.LiveBoard;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * The options of the commands that train runs, {@code train} and {@code matrix}, declared once
 * (a picocli mixin): checkpoint cadence, the live TensorBoard side output and progress output. Both
 * commands spell, describe and check them alike.
 */
final class RunOptions {

    @Option(names = "--checkpoint-every", paramLabel = "<n>",
            description = "save a checkpoint of each run every <n> iterations, 0 = never (default: 10); the same"
                    + " command resumes an interrupted run from it")
    int checkpointEvery = 10;

    @Option(names = "--tensorboard", paramLabel = "<dir>",
            description = "also append TensorBoard events of each run trained as iterations finish, to"
                    + " <dir>/<out name>/<env>/seed-<n>/ (train) or <dir>/<spec>/<cell label>/<env>/seed-<n>/ (matrix);"
                    + " a side output: the runs' files and cell ids are unchanged")
    Path tensorboard;

    @Option(names = "--quiet", description = "no progress line while training (matrix still prints its summary)")
    boolean quiet;

    /** {@code --checkpoint-every}, refused in one line unless it is a whole number >= 0. */
    int checkpointEvery() {
        if (checkpointEvery < 0) {
            throw new BadInputException("--checkpoint-every: " + checkpointEvery + " is not a whole number >= 0");
        }
        return checkpointEvery;
    }

    /**
     * Refuses an unusable {@code --tensorboard} (a file, or a directory that cannot be written) before
     * anything is written; nothing to check when it is absent.
     */
    void checkTensorboard() {
        if (tensorboard == null) {
            return;
        }
        try {
            LiveBoard.check(tensorboard, "--tensorboard");
        } catch (BadExportException e) {
            throw new BadInputException(e.getMessage());
        }
        OutputPath.check("--tensorboard", tensorboard);
    }
}
