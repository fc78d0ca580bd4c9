package dev.ablate4j.env.mujoco;

import dev.ablate4j.env.Step;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Hopper-v4 environment steps per second from Java, beside the same loop in C
 * ({@code src/main/c/bench/bench_hopper.c}, built by the Maven profile as
 * {@code target/native-bench/bench_hopper}), to show what the JNI crossing costs.
 *
 * <p>Both loops draw the same uniform random actions in [-1, 1] and reset noise from the same
 * xorshift generator, step the environment (4 physics steps, observation, reward, health) and
 * reset on termination or after 1000 steps, so they simulate the same trajectory: the episode
 * counts agree. Wall-clock and CPU-time figures;
 * keep them out of results files.
 *
 * <p>Usage: {@code java --enable-native-access=ALL-UNNAMED -cp target/classes
 * dev.ablate4j.env.mujoco.MujocoBench [steps] [path/to/bench_hopper] [rounds]}.
 */
public final class MujocoBench {

    private MujocoBench() {}

    /** One measurement: steps taken, wall-clock and thread-CPU seconds spent, episodes started. */
    public record Result(String label, long steps, double seconds, double cpuSeconds, long episodes) {
        /** Environment steps per wall-clock second. */
        public double stepsPerSecond() {
            return steps / seconds;
        }

        /** Environment steps per second of the stepping thread's CPU time (robust to other load). */
        public double stepsPerCpuSecond() {
            return steps / cpuSeconds;
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%s: %.0f env-steps/s wall, %.0f per CPU second (%d steps, %d episodes)",
                    label, stepsPerSecond(), stepsPerCpuSecond(), steps, episodes);
        }
    }

    /** Times {@code steps} Hopper-v4 steps from Java after {@code warmup} untimed ones. */
    public static Result javaHopper(long steps, long warmup) {
        try (HopperEnv env = new HopperEnv()) {
            double[] sink = new double[1];
            XorShift random = new XorShift();
            run(env, warmup, random, sink);
            ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            long start = System.nanoTime();
            long cpuStart = threads.getCurrentThreadCpuTime();
            long episodes = run(env, steps, random, sink);
            double cpuSeconds = (threads.getCurrentThreadCpuTime() - cpuStart) * 1e-9;
            double seconds = (System.nanoTime() - start) * 1e-9;
            if (Double.isNaN(sink[0])) {
                throw new IllegalStateException("NaN in the benchmark checksum");
            }
            return new Result("java (JNI)", steps, seconds, cpuSeconds, episodes);
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

    private static void reset(HopperEnv env, double[] qpos0, XorShift random) {
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

    private static long run(HopperEnv env, long steps, XorShift random, double[] sink) {
        double[] qpos0 = env.sim.qpos0();
        double[] action = new double[env.nu()];
        long episodes = 1;
        int length = 0;
        reset(env, qpos0, random);
        for (long t = 0; t < steps; t++) {
            for (int i = 0; i < action.length; i++) {
                action[i] = random.next() * 2 - 1;
            }
            Step step = env.step(action);
            sink[0] += step.reward() + step.observation()[0];
            length++;
            if (step.terminated() || length == MujocoEnvs.MAX_EPISODE_STEPS) {
                reset(env, qpos0, random);
                episodes++;
                length = 0;
            }
        }
        return episodes;
    }

    /** Runs the C benchmark executable on the packaged hopper.xml and parses its line. */
    public static Result cHopper(Path executable, long steps, long warmup) throws IOException, InterruptedException {
        Path model = Files.createTempFile("ablate4j-hopper", ".xml");
        try {
            Files.writeString(model, MujocoEnv.modelXml("hopper.xml"), StandardCharsets.UTF_8);
            List<String> command = new ArrayList<>(List.of(
                    executable.toString(), model.toString(), Long.toString(steps), Long.toString(warmup)));
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output;
            try (InputStream in = process.getInputStream()) {
                output = new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
            }
            if (!process.waitFor(10, TimeUnit.MINUTES) || process.exitValue() != 0) {
                throw new IOException(executable + " failed: " + output);
            }
            String[] f = output.split("\\s+");
            if (f.length < 10 || !f[0].equals("c_steps_per_second") || !f[8].equals("cpu_seconds")) {
                throw new IOException("unexpected output from " + executable + ": " + output);
            }
            return new Result("C loop", Long.parseLong(f[3]), Double.parseDouble(f[5]), Double.parseDouble(f[9]),
                    Long.parseLong(f[7]));
        } finally {
            Files.deleteIfExists(model);
        }
    }

    /**
     * Prints the Java figure and, if the C benchmark executable exists, the C figure and their
     * ratio. The two alternate for several rounds and the round with the most steps per CPU second
     * of each is reported, so that load from other processes hits both alike.
     */
    public static void main(String[] args) throws Exception {
        long steps = args.length > 0 ? Long.parseLong(args[0]) : 50_000;
        Path exe = Path.of(args.length > 1 ? args[1] : "target/native-bench/bench_hopper");
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        long warmup = Math.max(steps / 10, 1000);
        if (!MujocoEnvs.available()) {
            System.err.println(MujocoEnvs.unavailableReason());
            System.exit(3);
        }
        boolean withC = Files.isExecutable(exe);
        System.out.println("MuJoCo " + MujocoEnvs.version() + ", Hopper-v4, " + steps + " timed steps x " + rounds + " rounds");
        Result bestJava = null;
        Result bestC = null;
        for (int r = 0; r < rounds; r++) {
            Result java = javaHopper(steps, warmup);
            System.out.println("  round " + (r + 1) + " " + java);
            bestJava = bestJava == null || java.stepsPerCpuSecond() > bestJava.stepsPerCpuSecond() ? java : bestJava;
            if (withC) {
                Result c = cHopper(exe, steps, warmup);
                System.out.println("  round " + (r + 1) + " " + c);
                bestC = bestC == null || c.stepsPerCpuSecond() > bestC.stepsPerCpuSecond() ? c : bestC;
            }
        }
        System.out.println("best " + bestJava);
        System.out.printf(Locale.ROOT, "JNI crossing (step call with 0 physics steps): %.0f ns per env step%n",
                crossingNanos(1_000_000));
        if (withC) {
            System.out.println("best " + bestC);
            System.out.printf(Locale.ROOT, "java / C = %.3f (CPU time), %.3f (wall clock)%n",
                    bestJava.stepsPerCpuSecond() / bestC.stepsPerCpuSecond(),
                    bestJava.stepsPerSecond() / bestC.stepsPerSecond());
        } else {
            System.out.println("(no C benchmark at " + exe + "; build with the Maven profile 'mujoco')");
        }
    }
}
