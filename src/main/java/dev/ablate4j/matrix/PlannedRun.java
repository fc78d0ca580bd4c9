package dev.ablate4j.matrix;

import dev.ablate4j.results.RunDirs;
import java.nio.file.Path;

/**
 * One (cell, environment, seed) of a plan. Its id is also its path below the spec's results
 * directory: {@code <cell-id>/<env>/seed-<n>}.
 *
 * @param steps env steps the run takes (whole iterations), from its config on {@code env}: a paper
 *     preset resolves steps and rollout-steps per environment, so a cell's own config (resolved
 *     without an environment) may not say (paper:ppo on Hopper-v4 trains 488 iterations of 2048,
 *     where the preset resolved without an environment has 489)
 */
public record PlannedRun(Cell cell, String env, long seed, long steps) {

    /** A run of {@code cell} taking the cell's steps (for a config whose steps no environment changes). */
    public PlannedRun(Cell cell, String env, long seed) {
        this(cell, env, seed, cell.steps());
    }

    /** {@code <cell-id>/<env>/seed-<n>}. */
    public String id() {
        return cell.id() + "/" + env + "/" + RunDirs.seedName(seed);
    }

    /** The run directory below {@code specDir} ({@code DIR/<spec>}). */
    public Path dir(Path specDir) {
        return specDir.resolve(cell.id()).resolve(env).resolve(RunDirs.seedName(seed));
    }
}
