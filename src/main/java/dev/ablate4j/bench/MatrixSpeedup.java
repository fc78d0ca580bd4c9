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

    /**
     * Wall and process CPU seconds of the same matrix with 1 and with {@code workers} workers (CPU
     * seconds -1 where the JVM cannot measure them).
     */
    public record Result(String spec, int runs, long envSteps, int workers, double oneWorkerSeconds,
            double workersSeconds, double oneWorkerCpuSeconds, double workersCpuSeconds) {

        /** Wall-time speed-up: limited by the cores other processes leave free. */
        public double speedup() {
            return oneWorkerSeconds / workersSeconds;
        }

        /**
         * CPU seconds with one worker over CPU seconds with several: 1 when running in parallel costs
         * no extra work (no contention for caches, memory or locks), whatever else the machine runs.
         */
        public double cpuEfficiency() {
            return oneWorkerCpuSeconds / workersCpuSeconds;
        }

        public String table(Machine machine) {
            StringBuilder sb = new StringBuilder();
            sb.append(String.format(Locale.ROOT, "ablate4j bench --matrix: %s, %d runs, %d env steps%n"
                    + "machine: %s%n", spec, runs, envSteps, machine.describe()));
            sb.append(String.format(Locale.ROOT, "%-10s %10s %14s %10s %12s%n", "", "wall s", "env steps/s",
                    "CPU s", "cores used"));
            row(sb, "1 worker", oneWorkerSeconds, oneWorkerCpuSeconds);
            row(sb, workers + " workers", workersSeconds, workersCpuSeconds);
            sb.append(String.format(Locale.ROOT, "speed-up %.2fx (wall time)", speedup()));
            if (oneWorkerCpuSeconds > 0 && workersCpuSeconds > 0) {
                sb.append(String.format(Locale.ROOT, "; CPU time per run with %d workers / with 1: %.2f, so %.2fx"
                        + " is what %d free cores would give", workers, 1 / cpuEfficiency(),
                        workers * cpuEfficiency(), workers));
            }
            return sb.append(System.lineSeparator()).toString();
        }

        private void row(StringBuilder sb, String name, double wall, double cpu) {
            sb.append(String.format(Locale.ROOT, "%-10s %10.1f %,14.0f %10s %12s%n", name, wall, envSteps / wall,
                    cpu < 0 ? "n/a" : String.format(Locale.ROOT, "%.1f", cpu),
                    cpu < 0 ? "n/a" : String.format(Locale.ROOT, "%.2f", cpu / wall)));
        }
    }

    /**
     * @param spec spec file
     * @param workers workers of the parallel run (at least 2)
     * @param executor how each run is trained ({@link RunExecutor#driver})
     */
    public static Result run(Path spec, int workers, RunExecutor executor) {
        Plan plan = Expansion.load(spec, EnvCheck.REGISTRY, Expansion.DEFAULT_MAX_RUNS);
        double[] one = timed(plan, 1, executor);
        double[] many = timed(plan, workers, executor);
        return new Result(plan.spec().name(), plan.runs().size(), plan.steps(), workers, one[0], many[0], one[1],
                many[1]);
    }

    /** Wall and process CPU seconds. */
    private static double[] timed(Plan plan, int workers, RunExecutor executor) {
        Path dir;
        try {
            dir = Files.createTempDirectory("ablate4j-bench-matrix");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            MatrixOptions options = new MatrixOptions(workers, 0, false, false, Duration.ofSeconds(10),
                    Duration.ofSeconds(120), Duration.ofSeconds(2));
            long start = System.nanoTime();
            long cpuStart = processCpuNanos();
            Summary summary = new MatrixRunner(plan, Shard.ALL, dir, options, executor, MatrixListener.NONE).run();
            double seconds = (System.nanoTime() - start) / 1e9;
            long cpuEnd = processCpuNanos();
            double cpu = cpuStart < 0 || cpuEnd < 0 ? -1 : (cpuEnd - cpuStart) / 1e9;
            if (!summary.allFinished()) {
                throw new IllegalStateException("bench --matrix: not every run finished with " + workers
                        + " worker(s):" + System.lineSeparator() + summary.table());
            }
            return new double[] {seconds, cpu};
        } finally {
            deleteRecursively(dir);
        }
    }

    /** CPU time of the whole JVM process (all threads), or -1. */
    private static long processCpuNanos() {
        java.lang.management.OperatingSystemMXBean os = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        return os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getProcessCpuTime() : -1;
    }

    private static void deleteRecursively(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a leftover temporary directory is harmless
        }
    }
}
