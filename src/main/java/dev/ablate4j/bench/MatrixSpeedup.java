package dev.ablate4j.bench;

import dev.ablate4j.matrix.EnvCheck;
import dev.ablate4j.matrix.Expansion;
import dev.ablate4j.matrix.MatrixListener;
import dev.ablate4j.matrix.MatrixOptions;
import dev.ablate4j.matrix.MatrixRunner;
import dev.ablate4j.matrix.Plan;
import dev.ablate4j.matrix.RunExecutor;
import dev.ablate4j.matrix.Shard;
import dev.ablate4j.matrix.Summary;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Runs a spec's whole matrix twice into fresh temporary directories, with one worker and with
 * several, and compares the wall times. The directories are deleted afterwards.
 */
public final class MatrixSpeedup {

    private MatrixSpeedup() {}

    /** Wall seconds of the same matrix with 1 and with {@code workers} workers. */
    public record Result(String spec, int runs, long envSteps, int workers, double oneWorkerSeconds,
            double workersSeconds) {

        public double speedup() {
            return oneWorkerSeconds / workersSeconds;
        }

        public String table(Machine machine) {
            return String.format(Locale.ROOT, "ablate4j bench --matrix: %s, %d runs, %d env steps%n"
                    + "machine: %s%n"
                    + "1 worker   %8.1f s  %,10.0f env steps/s%n"
                    + "%d workers  %8.1f s  %,10.0f env steps/s%n"
                    + "speed-up %.2fx%n", spec, runs, envSteps, machine.describe(), oneWorkerSeconds,
                    envSteps / oneWorkerSeconds, workers, workersSeconds, envSteps / workersSeconds, speedup());
        }
    }

    /**
     * @param spec spec file
     * @param workers workers of the parallel run (at least 2)
     * @param executor how each run is trained ({@link RunExecutor#driver})
     */
    public static Result run(Path spec, int workers, RunExecutor executor) {
        Plan plan = Expansion.load(spec, EnvCheck.REGISTRY, Expansion.DEFAULT_MAX_RUNS);
        double one = timed(plan, 1, executor);
        double many = timed(plan, workers, executor);
        return new Result(plan.spec().name(), plan.runs().size(), plan.steps(), workers, one, many);
    }

    private static double timed(Plan plan, int workers, RunExecutor executor) {
        Path dir;
        try {
            dir = Files.createTempDirectory("ablate4j-bench-matrix");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            MatrixOptions options = new MatrixOptions(workers, 0, false, Duration.ofSeconds(10),
                    Duration.ofSeconds(120), Duration.ofSeconds(2));
            long start = System.nanoTime();
            Summary summary = new MatrixRunner(plan, Shard.ALL, dir, options, executor, MatrixListener.NONE).run();
            double seconds = (System.nanoTime() - start) / 1e9;
            if (!summary.allFinished()) {
                throw new IllegalStateException("bench --matrix: not every run finished with " + workers
                        + " worker(s):" + System.lineSeparator() + summary.table());
            }
            return seconds;
        } finally {
            deleteRecursively(dir);
        }
    }

    private static void deleteRecursively(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a leftover temporary directory is harmless
        }
    }
}
