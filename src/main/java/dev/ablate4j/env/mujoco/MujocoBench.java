package dev.ablate4j.env.mujoco;

import dev.ablate4j.env.Step;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Hopper-v4 environment steps per second from Java, beside the same loop in C
 * ({@code src/main/c/bench/bench_hopper.c}, built by the Maven profile as
 * {@code target/native-bench/bench_hopper}), to show what the JNI crossing costs.
 *
 * <p>Both loops draw the same uniform random actions in [-1, 1] and reset noise from the same
 * xorshift generator, step the environment (4 physics steps, observation, reward, health) and
 * reset on termination or after 1000 steps, so they simulate the same trajectory: their episode
 * counts agree. {@link #compare} alternates short chunks of the two loops (the C program runs as
 * a child process in {@code --serve} mode), so load from other processes on a shared machine hits
 * both alike; it reports totals and the median of the per-chunk ratios. Wall-clock and CPU-time
 * figures; keep them out of results files.
 *
 * <p>Usage: {@code java --enable-native-access=ALL-UNNAMED -cp target/classes
 * dev.ablate4j.env.mujoco.MujocoBench [chunk steps=5000] [rounds=20] [path/to/bench_hopper]}.
 */
public final class MujocoBench {

    private MujocoBench() {}

    /** Steps taken, wall-clock and thread-CPU seconds spent, episodes started so far. */
    public record Result(String label, long steps, double seconds, double cpuSeconds, long episodes) {
        /** Environment steps per wall-clock second. */
        public double stepsPerSecond() {
            return steps / seconds;
        }

        /** Environment steps per second of the stepping thread's CPU time. */
        public double stepsPerCpuSecond() {
            return steps / cpuSeconds;
        }

        Result plus(Result chunk) {
            return new Result(label, steps + chunk.steps, seconds + chunk.seconds, cpuSeconds + chunk.cpuSeconds,
                    chunk.episodes);
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%s: %.0f env-steps/s wall, %.0f per CPU second (%d steps, %d episodes)",
                    label, stepsPerSecond(), stepsPerCpuSecond(), steps, episodes);
        }
    }

    /** Java and C totals over all chunks, and the medians of the per-chunk Java/C ratios. */
    public record Comparison(Result java, Result c, double medianCpuRatio, double medianWallRatio) {
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%s%n%s%njava / C, median over chunks: %.3f (CPU time), %.3f (wall clock)",
                    java, c, medianCpuRatio, medianWallRatio);
        }
    }

    /**
     * The C benchmark's generator (xorshift64, 53-bit doubles), so both loops take the same actions,
     * visit the same states and do the same physics work. For benchmarks only: results use
     * SplittableRandom.
     */
    private static final class XorShift {
        private long state = 0x9E3779B97F4A7C15L;

        double next() {
            state ^= state << 13;
            state ^= state >>> 7;
            state ^= state << 17;
            return (state >>> 11) * 0x1.0p-53;
        }
    }

    /** The benchmark loop, continued chunk by chunk. */
    private static final class HopperLoop implements AutoCloseable {
        private final HopperEnv env = new HopperEnv();
        private final double[] qpos0 = env.sim.qpos0();
        private final double[] action = new double[env.nu()];
        private final XorShift random = new XorShift();
        private long episodes = 1;
        private int length;
        private double sink;

        HopperLoop() {
            reset();
        }

        private void reset() {
            double[] qpos = new double[qpos0.length];
            double[] qvel = new double[env.nv()];
            for (int i = 0; i < qpos.length; i++) {
                qpos[i] = qpos0[i] + (random.next() * 0.01 - 0.005);
            }
            for (int i = 0; i < qvel.length; i++) {
                qvel[i] = random.next() * 0.01 - 0.005;
            }
            env.resetTo(qpos, qvel);
        }

        Result run(long steps) {
            ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            long start = System.nanoTime();
            long cpuStart = threads.getCurrentThreadCpuTime();
            for (long t = 0; t < steps; t++) {
                for (int i = 0; i < action.length; i++) {
                    action[i] = random.next() * 2 - 1;
                }
                Step step = env.step(action);
                sink += step.reward() + step.observation()[0];
                length++;
                if (step.terminated() || length == MujocoEnvs.MAX_EPISODE_STEPS) {
                    reset();
                    episodes++;
                    length = 0;
                }
            }
            double cpuSeconds = (threads.getCurrentThreadCpuTime() - cpuStart) * 1e-9;
            double seconds = (System.nanoTime() - start) * 1e-9;
            if (Double.isNaN(sink)) {
                throw new IllegalStateException("NaN in the benchmark checksum");
            }
            return new Result("java (JNI)", steps, seconds, cpuSeconds, episodes);
        }

        @Override
        public void close() {
            env.close();
        }
    }

    /** Times {@code steps} Hopper-v4 steps from Java after {@code warmup} untimed ones. */
    public static Result javaHopper(long steps, long warmup) {
        try (HopperLoop loop = new HopperLoop()) {
            loop.run(warmup);
            return loop.run(steps);
        }
    }

    /**
     * Nanoseconds per JNI step call that runs no physics (0 substeps): the cost of the crossing,
     * copying the controls in and the readout out. Measured over {@code calls} calls after as many
     * untimed ones.
     */
    public static double crossingNanos(int calls) {
        try (HopperEnv env = new HopperEnv()) {
            env.reset(0);
            double[] ctrl = new double[env.nu()];
            double sink = 0;
            long start = 0;
            for (int i = 0; i < 2 * calls; i++) {
                if (i == calls) {
                    start = System.nanoTime();
                }
                ctrl[0] = i * 1e-9;
                env.sim.step(ctrl, 0, env.readout);
                sink += env.readout[1];
            }
            double nanos = (double) (System.nanoTime() - start) / calls;
            return Double.isNaN(sink) ? Double.NaN : nanos;
        }
    }

    /**
     * Alternates {@code rounds} chunks of {@code chunkSteps} steps between the Java loop and the C
     * program {@code executable} (after one untimed chunk of each), on the same trajectory.
     */
    public static Comparison compare(Path executable, long chunkSteps, int rounds) throws IOException, InterruptedException {
        Path model = Files.createTempFile("ablate4j-hopper", ".xml");
        Process process = null;
        try (HopperLoop loop = new HopperLoop()) {
            Files.writeString(model, MujocoEnv.modelXml("hopper.xml"), StandardCharsets.UTF_8);
            process = new ProcessBuilder(executable.toString(), model.toString(), "--serve")
                    .redirectError(ProcessBuilder.Redirect.INHERIT)
                    .start();
            Writer toC = new java.io.OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
            BufferedReader fromC = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));

            loop.run(chunkSteps);
            cChunk(toC, fromC, chunkSteps, executable);
            Result javaTotal = new Result("java (JNI)", 0, 0, 0, 0);
            Result cTotal = new Result("C loop", 0, 0, 0, 0);
            double[] cpuRatios = new double[rounds];
            double[] wallRatios = new double[rounds];
            for (int r = 0; r < rounds; r++) {
                Result j = loop.run(chunkSteps);
                Result c = cChunk(toC, fromC, chunkSteps, executable);
                javaTotal = javaTotal.plus(j);
                cTotal = cTotal.plus(c);
                cpuRatios[r] = j.stepsPerCpuSecond() / c.stepsPerCpuSecond();
                wallRatios[r] = j.stepsPerSecond() / c.stepsPerSecond();
            }
            toC.close();
            if (javaTotal.episodes() != cTotal.episodes()) {
                throw new IllegalStateException("the Java and C loops diverged: " + javaTotal.episodes() + " vs "
                        + cTotal.episodes() + " episodes");
            }
            return new Comparison(javaTotal, cTotal, median(cpuRatios), median(wallRatios));
        } finally {
            if (process != null) {
                process.getOutputStream().close();
                if (!process.waitFor(10, TimeUnit.SECONDS)) {
                    process.destroy();
                }
            }
            Files.deleteIfExists(model);
        }
    }

    private static Result cChunk(Writer toC, BufferedReader fromC, long steps, Path executable) throws IOException {
        toC.write(steps + "\n");
        toC.flush();
        String line = fromC.readLine();
        String[] f = line == null ? new String[0] : line.trim().split("\\s+");
        if (f.length != 8 || !f[0].equals("chunk") || !f[2].equals("seconds") || !f[4].equals("cpu_seconds")) {
            throw new IOException("unexpected answer from " + executable + ": " + line);
        }
        return new Result("C loop", Long.parseLong(f[1]), Double.parseDouble(f[3]), Double.parseDouble(f[5]),
                Long.parseLong(f[7]));
    }

    private static double median(double[] values) {
        double[] v = values.clone();
        Arrays.sort(v);
        int n = v.length;
        return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
    }

    /** Prints the comparison (or the Java figure alone if the C benchmark is not built). */
    public static void main(String[] args) throws Exception {
        long chunk = args.length > 0 ? Long.parseLong(args[0]) : 5_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        Path exe = Path.of(args.length > 2 ? args[2] : "target/native-bench/bench_hopper");
        if (!MujocoEnvs.available()) {
            System.err.println(MujocoEnvs.unavailableReason());
            System.exit(3);
        }
        System.out.println("MuJoCo " + MujocoEnvs.version() + ", Hopper-v4, " + rounds + " chunks of " + chunk + " steps");
        System.out.printf(Locale.ROOT, "JNI crossing (step call with 0 physics steps): %.0f ns per env step%n",
                crossingNanos(1_000_000));
        if (Files.isExecutable(exe)) {
            System.out.println(compare(exe, chunk, rounds));
        } else {
            System.out.println(javaHopper(chunk * rounds, chunk));
            System.out.println("(no C benchmark at " + exe + "; build with the Maven profile 'mujoco')");
        }
    }
}
