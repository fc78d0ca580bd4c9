package dev.ablate4j.env.mujoco;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * Hopper-v4 environment steps per second from Java, beside the same loop in C
 * ({@code src/main/c/bench/bench_hopper.c}, built by the Maven profile as
 * {@code target/native-bench/bench_hopper}), to show what the JNI crossing costs.
 *
 * <p>Both loops take uniform random actions in [-1, 1], step the environment (4 physics steps,
 * observation, reward, health) and reset on termination or after 1000 steps. Wall-clock figures;
 * keep them out of results files.
 *
 * <p>Usage: {@code java --enable-native-access=ALL-UNNAMED -cp target/classes
 * dev.ablate4j.env.mujoco.MujocoBench [steps] [path/to/bench_hopper]}.
 */
public final class MujocoBench {

    private MujocoBench() {}

    /** One measurement: steps taken, seconds spent, episodes started. */
    public record Result(String label, long steps, double seconds, long episodes) {
        /** Environment steps per second. */
        public double stepsPerSecond() {
            return steps / seconds;
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%s: %.0f env-steps/s (%d steps in %.3f s, %d episodes)",
                    label, stepsPerSecond(), steps, seconds, episodes);
        }
    }

    /** Times {@code steps} Hopper-v4 steps from Java after {@code warmup} untimed ones. */
    public static Result javaHopper(long steps, long warmup) {
        try (HopperEnv env = new HopperEnv()) {
            double[] sink = new double[1];
            run(env, warmup, 1, sink);
            long start = System.nanoTime();
            long episodes = run(env, steps, 2, sink);
            double seconds = (System.nanoTime() - start) * 1e-9;
            if (Double.isNaN(sink[0])) {
                throw new IllegalStateException("NaN in the benchmark checksum");
            }
            return new Result("java (JNI)", steps, seconds, episodes);
        }
    }

    private static long run(HopperEnv env, long steps, long seed, double[] sink) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] action = new double[env.nu()];
        long episodes = 1;
        int length = 0;
        env.reset(random.nextLong());
        for (long t = 0; t < steps; t++) {
            for (int i = 0; i < action.length; i++) {
                action[i] = random.nextDouble(-1.0, 1.0);
            }
            var step = env.step(action);
            sink[0] += step.reward() + step.observation()[0];
            length++;
            if (step.terminated() || length == MujocoEnvs.MAX_EPISODE_STEPS) {
                env.reset(random.nextLong());
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
            if (f.length < 8 || !f[0].equals("c_steps_per_second")) {
                throw new IOException("unexpected output from " + executable + ": " + output);
            }
            return new Result("C loop", Long.parseLong(f[3]), Double.parseDouble(f[5]), Long.parseLong(f[7]));
        } finally {
            Files.deleteIfExists(model);
        }
    }

    /** Prints the Java figure, and the C figure and ratio if the C benchmark executable exists. */
    public static void main(String[] args) throws Exception {
        long steps = args.length > 0 ? Long.parseLong(args[0]) : 200_000;
        Path exe = Path.of(args.length > 1 ? args[1] : "target/native-bench/bench_hopper");
        long warmup = Math.max(steps / 10, 1000);
        if (!MujocoEnvs.available()) {
            System.err.println(MujocoEnvs.unavailableReason());
            System.exit(3);
        }
        System.out.println("MuJoCo " + MujocoEnvs.version() + ", Hopper-v4, " + steps + " timed steps");
        Result java = javaHopper(steps, warmup);
        System.out.println(java);
        if (Files.isExecutable(exe)) {
            Result c = cHopper(exe, steps, warmup);
            System.out.println(c);
            System.out.printf(Locale.ROOT, "java / C = %.3f%n", java.stepsPerSecond() / c.stepsPerSecond());
        } else {
            System.out.println("(no C benchmark at " + exe + "; build with the Maven profile 'mujoco')");
        }
    }
}
