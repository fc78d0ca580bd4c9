package dev.ablate4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An adaptive matrix killed with SIGKILL at random moments across its rounds and rerun ends with
 * the same runs, bytes and verdicts as one never interrupted: the next round is a function of the
 * finished results only.
 */
class AdaptiveKillResumeTest {

    @TempDir
    Path tmp;

    /** Three rounds for sure: a precision target no tiny run meets sends both cells to max. */
    static final String SPEC = """
            name: adkill
            base: {preset: ppo, rollout-steps: 64, minibatches: 4, epochs: 2, hidden: [8, 8], tr-log-every: 4}
            factors: {preset: [ppo, ppo-m]}
            envs: [Pendulum-v1]
            seeds: {min: 2, max: 4, step: 1, until: {ci-half-width: 0.001, decided: [ppo vs ppo-m]}}
            steps: 4096
            """;

    @Test
    void killedBetweenAndWithinRoundsAndResumedEndsLikeAnUninterruptedMatrix() throws Exception {
        Path spec = Files.writeString(tmp.resolve("adkill.yaml"), SPEC);
        Path clean = tmp.resolve("clean");
        Path killed = tmp.resolve("killed");
        MatrixBadInputTest.Outcome ref = MatrixBadInputTest.run("matrix", spec.toString(), "--results",
                clean.toString(), "--workers", "2", "--quiet");
        assertEquals(0, ref.code(), ref.err());
        assertTrue(ref.out().contains("adaptive seeds complete after 3 rounds"), ref.out());
        int iterations = 4096 / 64;
        int runs = 8;

        SplittableRandom random = new SplittableRandom(20_261_203L);
        long[] targets = random.longs(4, 10, runs * iterations - 20).sorted().toArray();
        StringBuilder log = new StringBuilder();
        int midRun = 0;
        for (int attempt = 0; attempt < targets.length; attempt++) {
            MatrixChild child = MatrixChild.start(tmp.resolve("logs"), "attempt-" + attempt, "matrix", spec.toString(),
                    "--results", killed.toString(), "--workers", "2", "--checkpoint-every", "3", "--quiet");
            long deadline = System.nanoTime() + 120_000_000_000L;
            while (child.process.isAlive() && MatrixKillResumeTest.metricsLines(killed) < targets[attempt]
                    && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            Thread.sleep(random.nextInt(0, 40));
            boolean alive = child.process.isAlive();
            child.kill();
            long done = MatrixKillResumeTest.countFiles(killed, "DONE");
            log.append(String.format("attempt %d: target %d metrics lines, killed %s, %d runs done%n", attempt,
                    targets[attempt], alive ? "mid-run" : "after it ended", done));
            midRun += alive && done < runs ? 1 : 0;
        }
        MatrixChild last = MatrixChild.start(tmp.resolve("logs"), "final", "matrix", spec.toString(), "--results",
                killed.toString(), "--workers", "2", "--quiet");
        assertEquals(0, last.waitFor(180), last.stderr());
        System.err.print(log);
        assertTrue(midRun >= 3, "the kills must land while runs were in progress:\n" + log);

        Map<String, byte[]> expected = AdaptiveMatrixTest.files(clean);
        Map<String, byte[]> actual = AdaptiveMatrixTest.files(killed);
        assertEquals(runs * 5 + 1, expected.size(), expected.keySet().toString());
        assertEquals(expected.keySet(), actual.keySet());
        for (String f : expected.keySet()) {
            assertTrue(Arrays.equals(expected.get(f), actual.get(f)), f + " differs after kill -9 and resume\n" + log);
        }
        String verdict = ref.out().substring(ref.out().indexOf("adkill: adaptive seeds"));
        String resumed = Files.readString(last.out);
        assertEquals(verdict, resumed.substring(resumed.indexOf("adkill: adaptive seeds")), "same verdicts");
    }
}
