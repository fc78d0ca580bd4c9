package dev.ablate4j.matrix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ablate4j.results.RunFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MergeTest {

    @TempDir
    Path tmp;

    private static final String SPEC = """
            name: m
            base: {preset: ppo, %s}
            factors: {value-clip: [true, false]}
            envs: [Pendulum-v1]
            seeds: 3
            steps: 256
            """.formatted(Specs.TINY_BASE);

    private static void matrix(Plan plan, Shard shard, Path results) {
        MatrixOptions o = new MatrixOptions(2, 2, false, true, Duration.ofSeconds(1), Duration.ofSeconds(5),
                Duration.ofMillis(100));
        Summary s = new MatrixRunner(plan.shard(shard), shard, results, o, RunExecutor.driver(c -> null),
                MatrixListener.NONE).run();
        assertTrue(s.allFinished());
    }

    /** Relative path to content of every results file that must agree across machines. */
    private static Map<String, String> results(Path root) throws IOException {
        Map<String, String> m = new TreeMap<>();
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                String name = p.getFileName().toString();
                if (List.of(RunFiles.METRICS, RunFiles.EPISODES, RunFiles.TRUST_REGION, RunFiles.CONFIG,
                        RunFiles.CELL, RunFiles.DONE).contains(name)) {
                    m.put(root.relativize(p).toString(), Files.readString(p));
                }
            }
        }
        return m;
    }

    @Test
    void mergingShardsGivesTheSameTreeAsOneRunAndRefusesConflicts() throws IOException {
        Plan plan = Specs.plan(SPEC);
        Path a = tmp.resolve("a");
        Path b = tmp.resolve("b");
        Path full = tmp.resolve("full");
        matrix(plan, new Shard(1, 2), a);
        matrix(plan, new Shard(2, 2), b);
        matrix(plan, Shard.ALL, full);

        Path merged = tmp.resolve("merged");
        Merger.Report report = Merger.merge(List.of(a, b), merged);
        assertEquals(6, report.added());
        assertEquals(results(full), results(merged));
        try (Stream<Path> s = Files.walk(merged)) {
            assertTrue(s.noneMatch(p -> p.getFileName().toString().startsWith(".")), "no staging directories left");
        }

        Merger.Report again = Merger.merge(List.of(a, b, full), merged);
        assertEquals(0, again.added());
        assertEquals(12, again.identical(), "identical duplicates are fine");

        // a run id with different content, in a source: refused, nothing written
        PlannedRun run = plan.runs().get(0);
        Path inA = run.dir(a.resolve("m"));
        Path tampered = tmp.resolve("tampered");
        Path copy = run.dir(tampered.resolve("m"));
        Files.createDirectories(copy);
        try (Stream<Path> s = Files.list(inA)) {
            for (Path f : s.toList()) {
                Files.copy(f, copy.resolve(f.getFileName()));
            }
        }
        List<String> lines = Files.readAllLines(copy.resolve(RunFiles.METRICS));
        lines.set(2, lines.get(2).replaceFirst("^1,", "1,9"));
        Files.write(copy.resolve(RunFiles.METRICS), lines);
        Path target = tmp.resolve("target");
        SpecException e = assertThrows(SpecException.class, () -> Merger.merge(List.of(a, tampered), target));
        assertTrue(e.getMessage().contains(run.id()) && e.getMessage().contains("(metrics.csv)"), e.getMessage());
        assertFalse(Files.exists(target), "nothing written");
        Map<String, String> before = results(merged);
        assertThrows(SpecException.class, () -> Merger.merge(List.of(tampered), merged));
        assertEquals(before, results(merged), "a conflict with the target writes nothing either");
    }

    @Test
    void incompleteRunsAreLeftOutAndReplacedByCompleteOnes() throws IOException {
        Plan plan = Specs.plan(SPEC.replace("seeds: 3", "seeds: 1"));
        Path done = tmp.resolve("done");
        matrix(plan, Shard.ALL, done);
        Path partial = tmp.resolve("partial");
        PlannedRun run = plan.runs().get(1);
        Path dir = run.dir(partial.resolve("m"));
        Files.createDirectories(dir);
        Files.writeString(dir.resolve(RunFiles.METRICS), "iteration\n0\n");
        Merger.Report r = Merger.merge(List.of(partial), tmp.resolve("into"));
        assertEquals(0, r.added());
        assertEquals(1, r.incomplete());
        Merger.Report r2 = Merger.merge(List.of(done), partial);
        assertEquals(2, r2.added());
        assertEquals(1, r2.replacedIncomplete());
        assertEquals(results(done), results(partial));
    }

    @Test
    void aFinishedRunWithATruncatedMetricsCsvIsRefused() throws IOException {
        Plan plan = Specs.plan(SPEC.replace("seeds: 3", "seeds: 1"));
        Path source = tmp.resolve("src");
        matrix(plan, Shard.ALL, source);
        Path metrics = plan.runs().get(0).dir(source.resolve("m")).resolve(RunFiles.METRICS);
        List<String> lines = Files.readAllLines(metrics);
        Files.writeString(metrics, String.join("\n", lines.subList(0, lines.size() - 1)) + "\n");
        Path into = tmp.resolve("into");
        SpecException e = assertThrows(SpecException.class, () -> Merger.merge(List.of(source), into));
        assertTrue(e.getMessage().contains("is marked finished but metrics.csv has 3 rows where config.json"
                + " trains 4 iterations"), e.getMessage());
        assertFalse(Files.exists(into), "nothing merged");
        Files.writeString(metrics, String.join("\n", lines).substring(0, String.join("\n", lines).length() - 7));
        e = assertThrows(SpecException.class, () -> Merger.merge(List.of(source), into));
        assertTrue(e.getMessage().contains("last line is cut off"), e.getMessage());
    }

    /** A copy of the results tree {@code from} at {@code to}. */
    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : s.toList()) {
                Path there = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(there);
                } else {
                    Files.copy(p, there);
                }
            }
        }
    }

    @Test
    void twoDifferentPoliciesAreAConflictAndACopyWithoutOneTakesTheOtherCopys() throws IOException {
        Plan plan = Specs.plan(SPEC.replace("seeds: 3", "seeds: 1"));
        Path done = tmp.resolve("done");
        matrix(plan, Shard.ALL, done);
        PlannedRun run = plan.runs().get(0);
        Path policy = run.dir(done.resolve("m")).resolve(RunFiles.POLICY);
        assertTrue(Files.isRegularFile(policy), "a finished run saves its policy");

        // the same results with another (valid) policy: the first log-std changed
        Path other = tmp.resolve("other");
        copyTree(done, other);
        Path otherPolicy = run.dir(other.resolve("m")).resolve(RunFiles.POLICY);
        String text = Files.readString(otherPolicy);
        String changed = text.replaceFirst("(\"log_std\": \\[)[^,\\]]+", "$1" + "0.125");
        assertFalse(changed.equals(text));
        Files.writeString(otherPolicy, changed);
        // the same results made before policy.json existed
        Path old = tmp.resolve("old");
        copyTree(done, old);
        Files.delete(run.dir(old.resolve("m")).resolve(RunFiles.POLICY));

        Path target = tmp.resolve("target");
        SpecException e = assertThrows(SpecException.class, () -> Merger.merge(List.of(done, other), target));
        assertTrue(e.getMessage().contains(run.id()) && e.getMessage().contains("(" + RunFiles.POLICY + ": two"
                + " different trained policies"), e.getMessage());
        assertFalse(Files.exists(target), "nothing written");
        e = assertThrows(SpecException.class, () -> Merger.merge(List.of(old, done, other), target));
        assertTrue(e.getMessage().contains(RunFiles.POLICY), "the copy without a policy hides no conflict: "
                + e.getMessage());
        assertFalse(Files.exists(target), "nothing written");

        // only one copy has a policy: that copy is kept, whichever comes first, and the report says so
        for (List<Path> order : List.of(List.of(old, done), List.of(done, old))) {
            Path into = tmp.resolve("into-" + order.get(0).getFileName());
            Merger.Report r = Merger.merge(order, into);
            assertEquals(2, r.added());
            assertEquals(2, r.identical());
            assertEquals(order.get(0) == old ? 1 : 0, r.policyFromOtherCopy());
            Path kept = run.dir(into.resolve("m")).resolve(RunFiles.POLICY);
            assertEquals(Files.readString(policy), Files.readString(kept));
            assertEquals(results(done), results(into));
        }

        // the target's copy has none: replaced by the source's, counted as identical, not as added
        Path into = tmp.resolve("into");
        Merger.merge(List.of(old), into);
        assertFalse(Files.exists(run.dir(into.resolve("m")).resolve(RunFiles.POLICY)));
        Merger.Report r = Merger.merge(List.of(done), into);
        assertEquals(new Merger.Report(0, 2, 0, 0, 1), r);
        assertTrue(r.toString().endsWith("; 1 runs kept from the copy that has policy.json (another copy, identical"
                + " otherwise, has none)"), r.toString());
        assertEquals(Files.readString(policy), Files.readString(run.dir(into.resolve("m")).resolve(RunFiles.POLICY)));
        assertEquals(results(done), results(into));
        try (Stream<Path> s = Files.walk(into)) {
            assertTrue(s.noneMatch(p -> p.getFileName().toString().startsWith(".")), "no staging directories left");
        }
        // and now that it has one, another policy is refused, and a copy without one changes nothing
        e = assertThrows(SpecException.class, () -> Merger.merge(List.of(other), into));
        assertTrue(e.getMessage().contains(RunFiles.POLICY), e.getMessage());
        assertEquals(new Merger.Report(0, 2, 0, 0, 0), Merger.merge(List.of(old), into));
        assertEquals(Files.readString(policy), Files.readString(run.dir(into.resolve("m")).resolve(RunFiles.POLICY)));
    }
}
