package dev.ablate4j.matrix;

import dev.ablate4j.config.TrainConfig;
import java.nio.file.Path;

/**
 * A planned run as the matrix hands it to its {@link RunExecutor}: which run it is, its fully
 * resolved config (as its {@code config.json} holds it) and its directory. Resolved once per
 * matrix execution, so an executor never resolves a config again nor works out from a path which
 * run it was given.
 *
 * @param run the run of the plan
 * @param config its resolved config ({@link Expansion#runConfig})
 * @param dir its directory, {@code DIR/<spec>/<cell-id>/<env>/seed-<n>} ({@link PlannedRun#dir})
 */
public record ResolvedRun(PlannedRun run, TrainConfig config, Path dir) {

    /** Resolves {@code run} of {@code spec}, whose results go below {@code specDir}. */
    static ResolvedRun of(Spec spec, Path specDir, PlannedRun run) {
        return new ResolvedRun(run, Expansion.runConfig(spec, run), run.dir(specDir));
    }
}
