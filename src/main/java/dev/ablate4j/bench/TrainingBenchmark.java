package dev.ablate4j.bench;

import dev.ablate4j.config.Keys;
import dev.ablate4j.config.Preset;
import dev.ablate4j.config.PrecisionName;
import dev.ablate4j.config.TrainConfig;
import dev.ablate4j.nn.Precision;
import dev.ablate4j.run.CpuTime;
import dev.ablate4j.run.Training;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Trains one configuration in memory (no files) and times every iteration: sampling (rollout
 * collection) and update (everything else: GAE, the policy and value updates, the diagnostics),
 * in wall and CPU time, with the heap peak and the allocation per iteration.
 */
public final class TrainingBenchmark {

    /** Iterations left out of the steady-state figure (JIT warm-up). */
    static final int WARMUP_ITERATIONS = 5;

    private TrainingBenchmark() {}

    /**
     * The fixed configuration of {@code bench}: the {@code ppo} preset (the paper's settings:
     * T = 2048, 10 epochs x 32 minibatches, 64-64 tanh networks) on Pendulum-v1, with the given
     * length, seed, hidden widths and backend.
     */
    public static TrainConfig standardConfig(long steps, long seed, String hidden, String backend) {
        return standardConfig(steps, seed, hidden, backend, "float64");
    }

    /** As {@link #standardConfig(long, long, String, String)} in the number format {@code precision}. */
    public static TrainConfig standardConfig(long steps, long seed, String hidden, String backend, String precision) {
        Map<String, Object> overrides = new LinkedHashMap<>();
        overrides.put("precision", precision);
        overrides.put("env", "Pendulum-v1");
        overrides.put("steps", steps);
        overrides.put("seed", seed);
        overrides.put("hidden", hidden);
        overrides.put("backend", backend);
        return TrainConfig.resolve(Preset.PPO, overrides, "bench: ");
    }

    /**
     * The figures of one benchmark run; seconds are sums over all iterations.
     *
     * @param steadyIterationSeconds median wall time of an iteration after the first {@value #WARMUP_ITERATIONS}
     * @param peakHeapBytes heap peak during training (see {@link HeapMeter})
     * @param liveHeapBytes heap in use after a full collection at the end, networks and buffers still held
     * @param allocatedBytesPerIteration median bytes allocated by the training thread per iteration after warm-up (-1: unknown)
     */
    public record Result(TrainConfig config, String backend, int iterations, long envSteps, double sampleSeconds,
            double totalSeconds, double sampleCpuSeconds, double totalCpuSeconds, double steadyIterationSeconds,
            long peakHeapBytes, long liveHeapBytes, long maxHeapBytes, long allocatedBytesPerIteration) {

        public double updateSeconds() {
            return totalSeconds - sampleSeconds;
        }

        public double updateCpuSeconds() {
            return totalCpuSeconds - sampleCpuSeconds;
        }

        /** Env steps per second of wall time, end to end. */
        public double stepsPerSecond() {
            return envSteps / totalSeconds;
        }

        /** The table {@code bench} prints. */
        public String table(Machine machine) {
            StringBuilder sb = new StringBuilder();
            sb.append(String.format(Locale.ROOT, "ablate4j bench: %s on %s, %d env steps (%d iterations of %d), "
                    + "hidden %s, %d epochs x %d minibatches, seed %d, backend %s%n", config.preset(),
                    config.get(Keys.ENV), envSteps, iterations, config.get(Keys.ROLLOUT_STEPS), config.get(Keys.HIDDEN),
                    config.get(Keys.EPOCHS), config.get(Keys.MINIBATCHES), config.get(Keys.SEED),
                    backend + ", precision " + config.get(Keys.PRECISION) + " (kernels: "
                            + (config.get(Keys.PRECISION) == PrecisionName.FLOAT32 ? Precision.float32Kernels()
                                    : Precision.float64Kernels()) + ")"));
            sb.append("machine: ").append(machine.describe()).append(System.lineSeparator());
            sb.append(String.format(Locale.ROOT, "%-10s %12s %14s %12s %14s%n", "", "wall s", "env steps/s",
                    "CPU s", "per CPU s"));
            row(sb, "sampling", sampleSeconds, sampleCpuSeconds);
            row(sb, "update", updateSeconds(), updateCpuSeconds());
            row(sb, "total", totalSeconds, totalCpuSeconds);
            sb.append(String.format(Locale.ROOT, "steady state: median iteration %.3f s after %d warm-up iterations"
                    + " = %,.0f env steps/s%n", steadyIterationSeconds, WARMUP_ITERATIONS,
                    config.get(Keys.ROLLOUT_STEPS) / steadyIterationSeconds));
            sb.append(String.format(Locale.ROOT, "heap: peak %s (sum of heap pool peaks, garbage included), live %s"
                    + " after a full GC, max %s (-Xmx); allocation per iteration %s%n", mib(peakHeapBytes),
                    mib(liveHeapBytes), mib(maxHeapBytes),
                    allocatedBytesPerIteration < 0 ? "unknown" : mib(allocatedBytesPerIteration)));
            return sb.toString();
        }

        private void row(StringBuilder sb, String name, double wall, double cpu) {
            sb.append(String.format(Locale.ROOT, "%-10s %12.2f %,14.0f %12s %14s%n", name, wall, envSteps / wall,
                    cpu < 0 ? "n/a" : String.format(Locale.ROOT, "%.2f", cpu),
                    cpu <= 0 ? "n/a" : String.format(Locale.ROOT, "%,.0f", envSteps / cpu)));
        }
    }

    static String mib(long bytes) {
        return String.format(Locale.ROOT, "%.1f MiB", bytes / (1024.0 * 1024.0));
    }

    /** Trains {@code config} to the end (on the backend it names) and returns the figures. */
    public static Result run(TrainConfig config) {
        HeapMeter.resetPeak();
        int n = config.iterations();
        double[] iterationSeconds = new double[n];
        long[] allocated = new long[n];
        long sampleNanos = 0;
        long sampleCpu = 0;
        long start = System.nanoTime();
        long cpuStart = CpuTime.thread();
        long live;
        int done = 0;
        try (Training training = new Training(config)) {
            while (!training.finished()) {
                long t0 = System.nanoTime();
                long a0 = HeapMeter.threadAllocatedBytes();
                training.step();
                allocated[done] = a0 < 0 ? -1 : HeapMeter.threadAllocatedBytes() - a0;
                iterationSeconds[done] = (System.nanoTime() - t0) / 1e9;
                sampleNanos += training.lastSampleNanos();
                sampleCpu = sampleCpu < 0 || training.lastSampleCpuNanos() < 0 ? -1
                        : sampleCpu + training.lastSampleCpuNanos();
                done++;
            }
            long cpuEnd = CpuTime.thread();
            double total = (System.nanoTime() - start) / 1e9;
            long peak = HeapMeter.peakBytes();
            live = HeapMeter.liveBytesAfterGc();
            return new Result(config, config.get(Keys.BACKEND).word(), done, training.envSteps(), sampleNanos / 1e9, total,
                    sampleCpu < 0 ? -1 : sampleCpu / 1e9, cpuStart < 0 ? -1 : (cpuEnd - cpuStart) / 1e9,
                    steadyMedian(iterationSeconds, done), peak, live, Runtime.getRuntime().maxMemory(),
                    steadyMedian(allocated, done));
        }
    }

    private static double steadyMedian(double[] values, int n) {
        int from = n > WARMUP_ITERATIONS ? WARMUP_ITERATIONS : 0;
        double[] tail = Arrays.copyOfRange(values, from, n);
        Arrays.sort(tail);
        return tail.length == 0 ? Double.NaN : tail[tail.length / 2];
    }

    private static long steadyMedian(long[] values, int n) {
        int from = n > WARMUP_ITERATIONS ? WARMUP_ITERATIONS : 0;
        long[] tail = Arrays.copyOfRange(values, from, n);
        Arrays.sort(tail);
        return tail.length == 0 || tail[0] < 0 ? -1 : tail[tail.length / 2];
    }
}
