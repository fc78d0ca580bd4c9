package dev.ablate4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ablate4j.matrix.MatrixFiles;
import dev.ablate4j.results.RunFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A matrix process killed with SIGKILL at random moments, several times, and rerun to the end
 * writes byte-for-byte the same results files as a run that was never interrupted.
 */
class MatrixKillResumeTest {

    @TempDir
    Path tmp;

    static final String SPEC = """
            name: killme
            base: {preset: ppo, rollout-steps: 64, minibatches: 4, epochs: 2, hidden: [8, 8], tr-log-every: 4}
            factors:
              value-clip: [true, false]
            envs: [Pendulum-v1]
            seeds: 2
            steps: 8192
            """;
    private static final List<String> COMPARED = List.of(RunFiles.METRICS, RunFiles.EPISODES, RunFiles.TRUST_REGION,
            RunFiles.CONFIG, RunFiles.CELL, RunFiles.DONE);

    @Test
    void killedAndResumedMatrixWritesTheSameBytesAsAnUninterruptedOne() throws Exception {
        Path spec = tmp.resolve("killme.yaml");
        Files.writeString(spec, SPEC);
        Path clean = tmp.resolve("clean");
        Path killed = tmp.resolve("killed");

        MatrixBadInputTest.Outcome ref = MatrixBadInputTest.run("matrix", spec.toString(), "--results",
                clean.toString(), "--workers", "2", "--quiet");
        assertEquals(0, ref.code(), ref.err());
        int runs = 4;
        int iterations = 8192 / 64;

        SplittableRandom random = new SplittableRandom(20_261_124L);
        int killedMidRun = 0;
        StringBuilder log = new StringBuilder();
        // kill points spread over the whole matrix: after a random number of iterations in total
        long[] targets = random.longs(4, 10, runs * iterations - 40).sorted().toArray();
        for (int attempt = 0; attempt < targets.length; attempt++) {
            long target = targets[attempt];
            MatrixChild child = MatrixChild.start(tmp.resolve("logs"), "attempt-" + attempt, "matrix", spec.toString(),
                    "--results", killed.toString(), "--workers", "2", "--checkpoint-every", "3", "--quiet");
            long deadline = System.nanoTime() + 120_000_000_000L;
            while (child.process.isAlive() && metricsLines(killed) < target && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            Thread.sleep(random.nextInt(0, 60));
            boolean alive = child.process.isAlive();
            child.kill();
            long done = countFiles(killed, RunFiles.DONE);
            long checkpoints = countFiles(killed, RunFiles.CHECKPOINT);
            log.append(String.format("attempt %d: target %d metrics lines, killed %s, %d done, %d checkpoints%n",
                    attempt, target, alive ? "mid-run" : "after it ended", done, checkpoints));
            if (alive && done < runs) {
                killedMidRun++;
            }
        }
        MatrixChild last = MatrixChild.start(tmp.resolve("logs"), "final", "matrix", spec.toString(), "--results",
                killed.toString(), "--workers", "2", "--checkpoint-every", "3", "--quiet");
        assertEquals(0, last.waitFor(180), last.stderr());

        System.err.print(log);
        assertTrue(killedMidRun >= 3, "the kills must land while runs were in progress:\n" + log);
        Map<String, byte[]> expected = files(clean);
        Map<String, byte[]> actual = files(killed);
        assertEquals(runs * COMPARED.size(), expected.size(), expected.keySet().toString());
        assertEquals(expected.keySet(), actual.keySet(), "same cell ids and files (cell ids computed in the child"
                + " JVMs equal the ones computed here)");
        for (String f : expected.keySet()) {
            assertTrue(Arrays.equals(expected.get(f), actual.get(f)), f + " differs after kill -9 and resume\n" + log);
        }
        long resumed = 0;
        for (Path p : list(killed, RunFiles.PROVENANCE)) {
            resumed += Files.readString(p).contains("\"resumed\"") ? 1 : 0;
        }
        assertTrue(resumed >= 1, "at least one run continued from a checkpoint\n" + log);
        assertEquals(0, list(killed, MatrixFiles.LOCK).size() + list(killed, RunFiles.CHECKPOINT).size(),
                "no locks or checkpoints left behind");
    }

    static long metricsLines(Path root) {
        long n = 0;
        for (Path p : list(root, RunFiles.METRICS)) {
            try {
                n += Math.max(0, Files.readAllLines(p).size() - 1);
            } catch (IOException | UncheckedIOException e) {
                // being rewritten right now
            }
        }
        return n;
    }

    static long countFiles(Path root, String name) {
        return list(root, name).size();
    }

    static List<Path> list(Path root, String name) {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(p -> p.getFileName().toString().equals(name)).toList();
        } catch (IOException | UncheckedIOException e) {
            return List.of();
        }
    }

    private static Map<String, byte[]> files(Path root) throws IOException {
        Map<String, byte[]> m = new TreeMap<>();
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                if (COMPARED.contains(p.getFileName().toString())) {
                    m.put(root.relativize(p).toString(), Files.readAllBytes(p));
                }
            }
        }
        return m;
    }
}
