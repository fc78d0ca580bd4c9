package dev.ablate4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ablate4j.adaptive.Decision;
import dev.ablate4j.adaptive.RuleFile;
import dev.ablate4j.config.Keys;
import dev.ablate4j.matrix.AdaptiveMatrix;
import dev.ablate4j.matrix.EnvCheck;
import dev.ablate4j.matrix.Expansion;
import dev.ablate4j.matrix.MatrixListener;
import dev.ablate4j.matrix.MatrixOptions;
import dev.ablate4j.matrix.Plan;
import dev.ablate4j.matrix.PlannedRun;
import dev.ablate4j.matrix.RunExecutor;
import dev.ablate4j.matrix.Shard;
import dev.ablate4j.results.RunFiles;
import dev.ablate4j.results.RunStatus;
import dev.ablate4j.run.RunOutcome;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Adaptive seeds end to end on tiny Pendulum runs: matrix runs rounds, plan --next-round names
 * exactly the runs matrix trains next at every round, a sharded round-by-round driver with merges
 * ends with the same files as one matrix, and the report states the rule and the verdicts.
 */
class AdaptiveMatrixTest {

    @TempDir
    Path tmp;

    /** ppo vs ppo-m decided (Welch on 2 to 4 seeds: in practice undecided, so 3 rounds); trpo in no comparison. */
    static final String SPEC = """
            name: ad
            base: {preset: ppo, rollout-steps: 64, minibatches: 4, epochs: 1, hidden: [4]}
            factors: {preset: [ppo, ppo-m, trpo]}
            envs: [Pendulum-v1]
            seeds: {min: 2, max: 4, step: 1, until: {decided: [ppo vs ppo-m]}}
            steps: 256
            """;

    private Path spec() throws IOException {
        return Files.writeString(tmp.resolve("ad.yaml"), SPEC);
    }

    private static List<String> ids(String planList) {
        return planList.lines().filter(l -> !l.isBlank()).map(l -> l.split("\t")[0]).toList();
    }

    @Test
    void planNextRoundNamesExactlyTheRunsMatrixTrainsNextAtEveryRound() throws Exception {
        Path spec = spec();
        Path results = tmp.resolve("r");
        Plan full = Expansion.load(spec, EnvCheck.RUNNABLE, Expansion.DEFAULT_MAX_RUNS);
        Map<String, List<String>> planned = new LinkedHashMap<>();
        Map<String, List<String>> trained = new LinkedHashMap<>();
        AdaptiveMatrix.Result r = AdaptiveMatrix.run(full, Shard.ALL, results, new MatrixOptions(1, 2, false, true,
                Duration.ofSeconds(1), Duration.ofSeconds(4), Duration.ofMillis(50)), RunExecutor.driver(c -> null),
                title -> {
                    // called just before the round runs: the results are what it was decided from
                    MatrixBadInputTest.Outcome p = MatrixBadInputTest.run("plan", spec.toString(), "--results",
                            results.toString(), "--next-round");
                    assertEquals(0, p.code(), p.err());
                    assertTrue(p.err().lines().anyMatch(l -> l.matches("  Pendulum-v1 +ppo vs ppo-m +\\S.*"))
                            && p.err().contains(", receiving more"), "where the round's decision stands,"
                            + " as matrix ends a round:\n" + p.err());
                    assertTrue(title.endsWith("round 1") ? p.err().contains("2 seeds (no look yet)")
                            : p.err().contains(" seeds (2 at the last look)") || p.err().contains(" seeds (3 at the last look)"),
                            "seeds allocated to the round against those the last look saw:\n" + p.err());
                    planned.put(title, ids(p.out()));
                    List<String> mine = new CopyOnWriteArrayList<>();
                    trained.put(title, mine);
                    return new MatrixListener() {
                        @Override
                        public void runStarted(PlannedRun run) {
                            mine.add(run.id());
                        }
                    };
                }, NextRound.decider(full));
        assertTrue(r.decision().complete());
        assertTrue(r.rounds() >= 2, "several rounds: " + planned.keySet());
        assertEquals(List.of("ad round 1", "ad round 2", "ad round 3").subList(0, r.rounds()),
                new ArrayList<>(planned.keySet()));
        assertEquals(planned, trained, "plan --next-round == the runs matrix trained in that round, in order");
        assertEquals(6, planned.get("ad round 1").size(), "min seeds of every cell first");
        assertTrue(planned.get("ad round 2").stream().noneMatch(id -> id.contains("/seed-0") || id.contains("/seed-1")));

        MatrixBadInputTest.Outcome done = MatrixBadInputTest.run("plan", spec.toString(), "--results",
                results.toString(), "--next-round", "--emit", "github");
        assertEquals(0, done.code(), done.err());
        assertEquals("", done.out(), "nothing to run once the rule holds");
        assertTrue(done.err().contains("adaptive seeds complete after " + r.rounds() + " round"), done.err());
        assertTrue(done.err().contains("ppo vs ppo-m"), done.err());
        assertTrue(Files.isRegularFile(results.resolve("ad").resolve(RuleFile.NAME)));
    }

    @Test
    void aShardedRoundByRoundDriverWithMergesEndsWhereOneMatrixEnds() throws Exception {
        Path spec = spec();
        Path clean = tmp.resolve("clean");
        MatrixBadInputTest.Outcome one = MatrixBadInputTest.run("matrix", spec.toString(), "--results",
                clean.toString(), "--workers", "2", "--quiet");
        assertEquals(0, one.code(), one.err());
        assertTrue(one.out().contains("ad: adaptive seeds complete after"), one.out());

        // the GitHub loop of ci/README.md: plan the round, run each shard on a copy of the results, merge
        Path merged = tmp.resolve("merged");
        Files.createDirectories(merged);
        int rounds = 0;
        while (true) {
            MatrixBadInputTest.Outcome p = MatrixBadInputTest.run("plan", spec.toString(), "--results",
                    merged.toString(), "--next-round", "--emit", "github", "--shards", "2");
            assertEquals(0, p.code(), p.err());
            if (p.out().isEmpty()) {
                break;
            }
            rounds++;
            assertTrue(rounds <= 3, p.err());
            List<String> shardDirs = new ArrayList<>();
            for (String k : List.of("1", "2")) {
                if (!p.out().contains("\"shard\":\"" + k + "/2\"")) {
                    continue;
                }
                Path shard = tmp.resolve("round" + rounds + "-shard" + k);
                copyTree(merged, shard);
                MatrixBadInputTest.Outcome m = MatrixBadInputTest.run("matrix", spec.toString(), "--results",
                        shard.toString(), "--shard", k + "/2", "--quiet");
                assertEquals(0, m.code(), m.err());
                shardDirs.add(shard.toString());
            }
            List<String> args = new ArrayList<>(List.of("merge"));
            args.addAll(shardDirs);
            args.addAll(List.of("--into", merged.toString()));
            MatrixBadInputTest.Outcome g = MatrixBadInputTest.run(args.toArray(String[]::new));
            assertEquals(0, g.code(), g.err());
        }
        assertTrue(rounds >= 2, rounds + " rounds");
        assertEquals(files(clean).keySet(), files(merged).keySet());
        files(clean).forEach((f, bytes) -> assertTrue(Arrays.equals(bytes, files(merged).get(f)), f + " differs"));
    }

    @Test
    void theReportStatesTheRuleTheSeedsAndEachVerdict() throws Exception {
        Path spec = spec();
        Path results = tmp.resolve("r");
        assertEquals(0, MatrixBadInputTest.run("matrix", spec.toString(), "--results", results.toString(), "--quiet")
                .code());
        Path out = tmp.resolve("report");
        MatrixBadInputTest.Outcome rep = MatrixBadInputTest.run("report", results.resolve("ad").toString(), "--out",
                out.toString());
        assertEquals(0, rep.code(), rep.err());
        String md = Files.readString(out.resolve("report.md"));
        assertTrue(md.contains("Adaptive seeds: ad"), md);
        assertTrue(md.contains("Rule: seeds: min 2, max 4, step 1, until {decided: [ppo vs ppo-m]}. Looks at 2, 3, 4"),
                md);
        assertTrue(md.contains("| Pendulum-v1 | trpo | no target | no | 2 | 2 |"), md);
        assertTrue(md.contains("| Pendulum-v1 | ppo vs ppo-m | max reached, undecided (4 seeds)")
                || md.contains("| Pendulum-v1 | ppo vs ppo-m | decided at look"), md);
        assertTrue(md.contains("Complete: the rule holds"), md);

        // the precision rule's half-width is the report's interval of the mean, number for number
        Plan full = Expansion.load(spec, EnvCheck.RUNNABLE, Expansion.DEFAULT_MAX_RUNS);
        Decision d = NextRound.decider(full).decide(full.specDir(results));
        List<String> csv = Files.readAllLines(out.resolve("summary.csv"));
        List<String> header = List.of(csv.get(0).split(","));
        int cell = header.indexOf("cell");
        int lo = header.indexOf("final_mean_ci95_lo");
        int hi = header.indexOf("final_mean_ci95_hi");
        for (Decision.CellState c : d.cells()) {
            String[] row = csv.stream().map(l -> l.split(",")).filter(f -> f[cell].equals(c.cell().id())).findFirst()
                    .orElseThrow();
            double reportHalfWidth = (Double.parseDouble(row[hi]) - Double.parseDouble(row[lo])) / 2;
            assertEquals(reportHalfWidth, c.halfWidth(), 1e-9 * Math.abs(reportHalfWidth), c.toString());
        }
    }

    @Test
    void aDivergedRunIsFinishedAndTheRoundsGoOnWithoutItsValue() throws Exception {
        Path spec = spec();
        Path results = tmp.resolve("r");
        RunExecutor real = RunExecutor.driver(c -> null);
        RunExecutor ppoSeedOneDiverges = (job, progress, every) -> {
            if (job.config().get(Keys.SEED) == 1L && job.dir().toString().contains(cellOf("ppo"))) {
                return new RunOutcome(RunStatus.DIVERGED, 2, 128, 0, 1, "non-finite value loss");
            }
            return real.execute(job, progress, every);
        };
        MatrixCommandTest.Result r = MatrixCommandTest.matrix(ppoSeedOneDiverges, spec.toString(), "--results",
                results.toString(), "--quiet");
        assertEquals(ExitCodes.OK, r.code(), "a diverged run is an outcome, not a failure:\n" + r.out() + r.err());
        assertTrue(r.out().contains("adaptive seeds complete"), r.out());
        assertTrue(r.out().contains("  diverged             1"), r.out());
        assertTrue(Files.isRegularFile(results.resolve("ad").resolve(cellOf("ppo")).resolve("Pendulum-v1")
                .resolve("seed-3").resolve(RunFiles.DONE)), "ppo went on to later rounds:\n" + r.out());
        Plan full = Expansion.load(spec, EnvCheck.RUNNABLE, Expansion.DEFAULT_MAX_RUNS);
        Decision d = NextRound.decider(full).decide(full.specDir(results));
        Decision.CellState ppo = d.cells().stream().filter(c -> c.cell().label().equals("ppo")).findFirst().orElseThrow();
        assertEquals(4, ppo.seeds());
        assertEquals(3, ppo.used(), "the diverged seed adds no value");
    }

    @Test
    void aFailedRunStallsTheRoundsUntilRetriedAndThenTheyEndAsWithoutTheFailure() throws Exception {
        Path spec = spec();
        Path results = tmp.resolve("r");
        RunExecutor real = RunExecutor.driver(c -> null);
        RunExecutor ppoMSeedZeroFails = (job, progress, every) -> {
            if (job.config().get(Keys.SEED) == 0L && job.dir().toString().contains(cellOf("ppo-m"))) {
                throw new IllegalStateException("disk on fire");
            }
            return real.execute(job, progress, every);
        };
        MatrixCommandTest.Result failed = MatrixCommandTest.matrix(ppoMSeedZeroFails, spec.toString(), "--results",
                results.toString(), "--quiet");
        assertEquals(ExitCodes.DIVERGED, failed.code(), "a failed run is not a finished round:\n" + failed.out()
                + failed.err());
        assertTrue(failed.out().contains("  failed               1"), failed.out());
        Path specDir = results.resolve("ad");
        try (Stream<Path> runs = Files.walk(specDir)) {
            assertTrue(runs.noneMatch(p -> p.getFileName().toString().equals("seed-2")),
                    "no second round while the first has a failed run");
        }

        MatrixCommandTest.Result again = MatrixCommandTest.matrix(real, spec.toString(), "--results",
                results.toString(), "--quiet");
        assertEquals(ExitCodes.DIVERGED, again.code(), again.out() + again.err());
        try (Stream<Path> runs = Files.walk(specDir)) {
            assertTrue(runs.noneMatch(p -> p.getFileName().toString().equals("seed-2")),
                    "without --retry-failed the round stays stalled");
        }

        MatrixCommandTest.Result retried = MatrixCommandTest.matrix(real, spec.toString(), "--results",
                results.toString(), "--retry-failed", "--quiet");
        assertEquals(ExitCodes.OK, retried.code(), retried.out() + retried.err());
        assertTrue(retried.out().contains("adaptive seeds complete"), retried.out());
        Path clean = tmp.resolve("clean");
        assertEquals(ExitCodes.OK, MatrixCommandTest.matrix(real, spec.toString(), "--results", clean.toString(),
                "--quiet").code());
        Map<String, byte[]> expected = files(clean);
        Map<String, byte[]> actual = files(results);
        assertEquals(expected.keySet(), actual.keySet(), "the same rounds as a run without the failure");
        expected.forEach((f, bytes) -> assertTrue(Arrays.equals(bytes, actual.get(f)), f + " differs"));
    }

    private static String cellOf(String label) {
        Plan p = Expansion.expand(dev.ablate4j.matrix.SpecReader.parse(SPEC, "ad.yaml"), EnvCheck.RUNNABLE, 1000);
        return p.cells().stream().filter(c -> c.label().equals(label)).findFirst().orElseThrow().id();
    }

    @Test
    void badUsesOfNextRoundAreRefusedInOneLine() throws Exception {
        Path spec = spec();
        MatrixBadInputTest.Outcome noRound = MatrixBadInputTest.run("plan", spec.toString(), "--emit", "slurm");
        assertEquals(2, noRound.code());
        assertTrue(noRound.err().contains("has adaptive seeds; add --next-round"), noRound.err());
        MatrixBadInputTest.Outcome list = MatrixBadInputTest.run("plan", spec.toString());
        assertEquals(0, list.code());
        assertEquals(12, ids(list.out()).size(), "without --next-round: every run up to max");
    }

    @Test
    void aFixedSeedSpecHasOneRoundTheRunsNotYetFinished() throws Exception {
        Path fixed = Files.writeString(tmp.resolve("ad.yaml"), SPEC.replace(
                "{min: 2, max: 4, step: 1, until: {decided: [ppo vs ppo-m]}}", "2"));
        Path results = tmp.resolve("r");
        MatrixBadInputTest.Outcome all = MatrixBadInputTest.run("plan", fixed.toString(), "--results",
                results.toString(), "--next-round");
        assertEquals(0, all.code(), all.err());
        assertEquals(ids(MatrixBadInputTest.run("plan", fixed.toString()).out()), ids(all.out()),
                "nothing trained yet: the round is every run");
        MatrixBadInputTest.Outcome github = MatrixBadInputTest.run("plan", fixed.toString(), "--results",
                results.toString(), "--next-round", "--emit", "github", "--shards", "2");
        assertEquals(MatrixBadInputTest.run("plan", fixed.toString(), "--emit", "github", "--shards", "2").out(),
                github.out(), "nothing trained yet: the same jobs as without --next-round");

        MatrixBadInputTest.Outcome first = MatrixBadInputTest.run("matrix", fixed.toString(), "--results",
                results.toString(), "--shard", "1/2", "--quiet");
        assertEquals(0, first.code(), first.err());
        List<String> shard2 = ids(MatrixBadInputTest.run("plan", fixed.toString(), "--shard", "2/2").out());
        MatrixBadInputTest.Outcome rest = MatrixBadInputTest.run("plan", fixed.toString(), "--results",
                results.toString(), "--next-round");
        assertEquals(shard2, ids(rest.out()), "after shard 1/2: shard 2's runs are what is left");
        MatrixBadInputTest.Outcome restJobs = MatrixBadInputTest.run("plan", fixed.toString(), "--results",
                results.toString(), "--next-round", "--emit", "github", "--shards", "2");
        assertTrue(restJobs.out().startsWith("{\"include\":[{\"shard\":\"2/2\",\"index\":2,\"runs\":"
                + shard2.size() + ","), "only shard 2 still has runs: " + restJobs.out());

        assertEquals(0, MatrixBadInputTest.run("matrix", fixed.toString(), "--results", results.toString(),
                "--quiet").code());
        MatrixBadInputTest.Outcome done = MatrixBadInputTest.run("plan", fixed.toString(), "--results",
                results.toString(), "--next-round", "--emit", "github");
        assertEquals(0, done.code(), done.err());
        assertEquals("", done.out(), "every run finished: nothing to train");
        assertTrue(done.err().contains("ad: all 6 runs finished; nothing to train"), done.err());
    }

    @Test
    void anotherRuleOverTheSameResultsIsRefusedBeforeAnythingIsTrained() throws Exception {
        Path spec = spec();
        Path results = tmp.resolve("r");
        assertEquals(0, MatrixBadInputTest.run("matrix", spec.toString(), "--results", results.toString(), "--quiet")
                .code());
        Map<String, byte[]> before = files(results);
        Files.writeString(spec, SPEC.replace("max: 4", "max: 6"));
        MatrixBadInputTest.Outcome changed = MatrixBadInputTest.run("matrix", spec.toString(), "--results",
                results.toString(), "--quiet");
        assertEquals(2, changed.code(), changed.out() + changed.err());
        assertTrue(changed.err().contains("adaptive.json was written for another adaptive rule"), changed.err());
        assertEquals(before.keySet(), files(results).keySet(), "nothing written");
    }

    static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : s.toList()) {
                Path t = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(t);
                } else {
                    Files.copy(p, t);
                }
            }
        }
    }

    /** The deterministic files of every run, and the rule file. */
    static Map<String, byte[]> files(Path root) {
        Map<String, byte[]> m = new TreeMap<>();
        List<String> names = List.of(RunFiles.METRICS, RunFiles.EPISODES, RunFiles.TRUST_REGION, RunFiles.CONFIG,
                RunFiles.DONE, RuleFile.NAME);
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                if (names.contains(p.getFileName().toString())) {
                    m.put(root.relativize(p).toString(), Files.readAllBytes(p));
                }
            }
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        return m;
    }
}
