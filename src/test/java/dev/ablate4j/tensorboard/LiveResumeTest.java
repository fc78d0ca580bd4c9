package dev.ablate4j.tensorboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ablate4j.cli.Main;
import dev.ablate4j.results.RunFiles;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * A train killed after its last checkpoint and resumed retrains some iterations;
 * its live TensorBoard files must not hold their points twice, and together they hold what one
 * uninterrupted live run holds.
 */
class LiveResumeTest {

    @TempDir
    Path tmp;

    private static final List<String> ARGS = List.of("train", "--env", "Pendulum-v1", "--steps", "64000",
            "--rollout-steps", "128", "--minibatches", "1", "--epochs", "1", "--hidden", "8,8", "--tr-log-every", "5",
            "--checkpoint-every", "7", "--quiet", "--seed", "4");

    private static int run(List<String> args) {
        CommandLine cl = Main.commandLine();
        StringWriter err = new StringWriter();
        cl.setErr(new PrintWriter(err, true));
        cl.setOut(new PrintWriter(new StringWriter(), true));
        int code = cl.execute(args.toArray(String[]::new));
        assertEquals(0, code, err.toString());
        return code;
    }

    private static List<String> with(String... more) {
        List<String> all = new ArrayList<>(ARGS);
        all.addAll(List.of(more));
        return all;
    }

    /** Every scalar point (tag@step=value) of every event file in {@code dir}, duplicates kept. */
    private static List<String> points(Path dir) throws Exception {
        List<String> out = new ArrayList<>();
        try (Stream<Path> s = Files.list(dir)) {
            for (Path f : s.filter(p -> p.getFileName().toString().contains("tfevents")).sorted().toList()) {
                EventFiles.scalars(EventFiles.read(f)).forEach(v -> out.add(v.tag() + "@" + v.step() + "=" + v.value()));
            }
        }
        return out;
    }

    private static long metricsLines(Path run) {
        try {
            return Files.readAllLines(run.resolve(RunFiles.METRICS)).size();
        } catch (Exception e) {
            return 0;
        }
    }

    @Test
    void aResumedRunWritesOnlyStepsPastTheLastOneWritten() throws Exception {
        Path clean = tmp.resolve("clean/A");
        run(with("--out", clean.toString(), "--tensorboard", tmp.resolve("clean-tb").toString()));
        List<String> cleanPoints = points(tmp.resolve("clean-tb/A/Pendulum-v1/seed-4"));

        Path killed = tmp.resolve("killed/A");
        Path logdir = tmp.resolve("tb");
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        cmd.addAll(with("--out", killed.toString(), "--tensorboard", logdir.toString()));
        Process child = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(tmp.resolve("child.log").toFile()).start();
        long deadline = System.nanoTime() + 120_000_000_000L;
        // killed between checkpoints: iterations past the checkpoint have been written live
        while (child.isAlive() && System.nanoTime() < deadline && !(Files.exists(killed.resolve(RunFiles.CHECKPOINT))
                && metricsLines(killed) > 40 && metricsLines(killed) % 7 > 2)) {
            Thread.sleep(2);
        }
        assertTrue(child.isAlive(), "still training when killed: " + Files.readString(tmp.resolve("child.log")));
        child.destroyForcibly().waitFor();
        assertFalse(RunFiles.isDone(killed));
        run(with("--out", killed.toString(), "--tensorboard", logdir.toString()));

        List<String> resumed = points(logdir.resolve("A/Pendulum-v1/seed-4"));
        Set<String> seen = new HashSet<>();
        List<String> twice = resumed.stream().filter(p -> !seen.add(p.substring(0, p.indexOf('=')))).toList();
        assertEquals(List.of(), twice, "points written twice");
        assertEquals(new TreeSet<>(cleanPoints), new TreeSet<>(resumed));
        assertEquals(cleanPoints.size(), resumed.size());
    }
}
