package dev.ablate4j.matrix;

import dev.ablate4j.results.RunDirs;
import java.nio.file.Path;

/**
 * One (cell, environment, seed) of a plan. Its id is also its path below the spec's results
 * directory: {@code <cell-id>/<env>/seed-<n>}.
 */
public record PlannedRun(Cell cell, String env, long seed) {

    /** {@code <cell-id>/<env>/seed-<n>}. */
    public String id() {
        return cell.id() + "/" + env + "/" + RunDirs.seedName(seed);
    }

    /** The run directory below {@code specDir} ({@code DIR/<spec>}). */
    public Path dir(Path specDir) {
        return specDir.resolve(cell.id()).resolve(env).resolve(RunDirs.seedName(seed));
    }

    /** Env steps the run takes. */
    public long steps() {
        return cell.steps();
    }
}
