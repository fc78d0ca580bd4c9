package dev.ablate4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ablate4j.matrix.MatrixFiles;
import dev.ablate4j.results.RunFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two matrix processes on one results directory: every run is trained exactly once, both finish. */
class MatrixConcurrencyTest {

    @TempDir
    Path tmp;

    private static final Pattern DONE_LINE = Pattern.compile("^\\[\\d+/\\d+\\] (done elsewhere|done)\\s+(\\S+)\\s",
            Pattern.MULTILINE);

    @Test
    void twoProcessesShareTheWorkAndNeitherRunsARunTwice() throws Exception {
        Path spec = tmp.resolve("shared.yaml");
        Files.writeString(spec, """
                name: shared
                base: {preset: ppo, rollout-steps: 64, minibatches: 4, epochs: 2, hidden: [8, 8], tr-log-every: 4}
                factors:
                  value-clip: [true, false]
                  reward-scale: [true, false]
                envs: [Pendulum-v1]
                seeds: 2
                steps: 4096
                """);
        Path results = tmp.resolve("results");
        String[] args = {"matrix", spec.toString(), "--results", results.toString(), "--workers", "1",
            "--heartbeat", "0.2", "--stale-after", "5", "--progress-every", "1000"};
        MatrixChild a = MatrixChild.start(tmp, "a", args);
        MatrixChild b = MatrixChild.start(tmp, "b", args);
        assertEquals(0, a.waitFor(180), a.stderr());
        assertEquals(0, b.waitFor(180), b.stderr());

        Set<String> byA = trained(a.stderr());
        Set<String> byB = trained(b.stderr());
        List<Path> done = MatrixKillResumeTest.list(results, RunFiles.DONE);
        assertEquals(8, done.size());
        Set<String> all = new HashSet<>();
        for (Path d : done) {
            all.add(results.resolve("shared").relativize(d.getParent()).toString());
        }
        Set<String> overlap = new HashSet<>(byA);
        overlap.retainAll(byB);
        assertEquals(Set.of(), overlap, "no run trained by both\nA:\n" + a.stderr() + "\nB:\n" + b.stderr());
        Set<String> union = new HashSet<>(byA);
        union.addAll(byB);
        assertEquals(all, union, "every run trained by one of them");
        assertTrue(!byA.isEmpty() && !byB.isEmpty(), "both did some of the work: A " + byA + ", B " + byB);
        for (MatrixChild c : List.of(a, b)) {
            Matcher m = Pattern.compile("done elsewhere\\s+(\\d+)").matcher(c.stdout());
            assertTrue(m.find(), c.stdout());
        }
        for (Path p : MatrixKillResumeTest.list(results, RunFiles.PROVENANCE)) {
            assertTrue(!Files.readString(p).contains("\"resumed\""), "no run was restarted: " + p);
        }
        assertEquals(List.of(), MatrixKillResumeTest.list(results, MatrixFiles.LOCK));
    }

    private static Set<String> trained(String stderr) {
        Set<String> ids = new HashSet<>();
        Matcher m = DONE_LINE.matcher(stderr);
        while (m.find()) {
            if (m.group(1).equals("done")) {
                assertTrue(ids.add(m.group(2)), "reported twice: " + m.group(2));
            }
        }
        return ids;
    }
}
