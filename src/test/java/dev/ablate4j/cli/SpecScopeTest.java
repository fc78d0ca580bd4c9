package dev.ablate4j.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ablate4j.matrix.Merger;
import dev.ablate4j.matrix.SpecException;
import dev.ablate4j.results.SpecRecord;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reports scoped to their spec, as a user meets it: a spec's steps are changed
 * and the matrix rerun into the same results directory; the report must cover the new runs, name
 * the old ones as not in the current spec, count them by reason, and print the command that
 * trains the runs again with the real spec and results paths.
 */
class SpecScopeTest {

    @TempDir
    Path tmp;

    private static final String SPEC = """
            name: fact
            base: {preset: ppo, rollout-steps: 64, minibatches: 4, epochs: 1, hidden: [4]}
            factors: {value-clip: [true, false]}
            envs: [Pendulum-v1]
            seeds: 2
            steps: %d
            """;

    private Path spec(int steps) throws IOException {
        Path spec = Files.createDirectories(tmp.resolve("my")).resolve("fact2.yaml");
        Files.writeString(spec, SPEC.formatted(steps));
        return spec;
    }

    private static void matrix(Path spec, Path results, String... more) {
        List<String> args = new java.util.ArrayList<>(List.of(spec.toString(), "--results", results.toString(),
                "--quiet", "--workers", "2"));
        args.addAll(List.of(more));
        MatrixCommandTest.Result r = MatrixCommandTest.matrix(null, args.toArray(String[]::new));
        assertEquals(0, r.code(), r.out() + r.err());
    }

    @Test
    void changingOnlyStepsThenReportingCoversTheNewRunsAndNamesTheOldOnes() throws IOException {
        Path results = tmp.resolve("my/results");
        Path spec = spec(1024);
        matrix(spec, results);
        Path specDir = results.resolve("fact");
        assertArrayEquals(Files.readAllBytes(spec), Files.readAllBytes(specDir.resolve(SpecRecord.COPY)));
        SpecRecord first = SpecRecord.read(specDir);
        assertEquals(spec.toString(), first.path());
        assertEquals(spec.toAbsolutePath().normalize().toString(), first.absolute());
        assertEquals(2, first.cells().size());

        spec(512);
        matrix(spec, results);
        SpecRecord second = SpecRecord.read(specDir);
        assertArrayEquals(Files.readAllBytes(spec), Files.readAllBytes(specDir.resolve(SpecRecord.COPY)));
        assertFalse(second.sameSpec(first));

        Path out = tmp.resolve("rep");
        CommandRun r = CommandRun.of(new ReportCommand(), results.toString(), "--out", out.toString(),
                "--resamples", "200");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().startsWith("report: 4 runs (4 left out: 4 not in the current spec)"), r.out());
        assertTrue(r.err().contains("left out 4 of 8 run directories: 4 not in the current spec"), r.err());
        String summary = Files.readString(out.resolve("summary.csv"));
        assertTrue(summary.lines().skip(1).allMatch(l -> l.contains(",512,")), "the new runs (steps 512):\n" + summary);
        String md = Files.readString(out.resolve("report.md"));
        assertTrue(md.contains("steps 1024 where the spec has 512"), "old cells named with what differs");
        assertTrue(md.contains("java -jar target/ablate4j.jar matrix " + spec + " --results " + results),
                "rebuild command with the recorded spec and the real results path:\n" + md);
        assertFalse(md.contains("ablations/fact.yaml"), "no guessed spec path");

        // --all-cells: the old runs are read too (and then the step budgets decide, as before records)
        CommandRun all = CommandRun.of(new ReportCommand(), results.toString(), "--out", tmp.resolve("all").toString(),
                "--resamples", "200", "--all-cells");
        assertEquals(0, all.code(), all.err());
        assertTrue(all.out().startsWith("report: 4 runs (4 left out: 4 step budget mismatch)"), all.out());
        assertTrue(all.err().contains("on a tie the larger is compared"), all.err());
        assertTrue(Files.readString(tmp.resolve("all/report.md")).contains("--all-cells"));
    }

    @Test
    void seedsAndEnvsOutsideTheSpecAreLeftOutAndTheTerminalCountsEveryOne() throws IOException {
        Path results = tmp.resolve("r");
        Path spec = spec(512);
        Files.writeString(spec, Files.readString(spec).replace("seeds: 2", "seeds: 4"));
        matrix(spec, results);
        Files.writeString(spec, Files.readString(spec).replace("seeds: 4", "seeds: 1"));
        matrix(spec, results);
        CommandRun r = CommandRun.of(new ReportCommand(), results.resolve("fact").toString(), "--out",
                tmp.resolve("rep").toString(), "--resamples", "200");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().startsWith("report: 2 runs (6 left out: 6 not in the current spec)"), r.out());
        assertTrue(r.err().contains("left out 6 of 8 run directories: 6 not in the current spec; the first 5:"), r.err());
        assertTrue(r.err().contains("seed 3 is not among the spec's seeds"), r.err());
        assertTrue(r.err().contains("(all 6 with their reasons in the report's appendix)"), r.err());
        assertFalse(r.err().contains("more left out"), r.err());
    }

    @Test
    void mergeCarriesTheRecordedSpecAndRefusesConflictingOnes() throws IOException {
        Path spec = spec(512);
        Path a = tmp.resolve("a");
        Path b = tmp.resolve("b");
        matrix(spec, a, "--shard", "1/2");
        matrix(spec, b, "--shard", "2/2");
        Path merged = tmp.resolve("merged");
        Merger.merge(List.of(a, b), merged);
        assertArrayEquals(Files.readAllBytes(a.resolve("fact/spec.json")), Files.readAllBytes(merged.resolve("fact/spec.json")));
        assertArrayEquals(Files.readAllBytes(spec), Files.readAllBytes(merged.resolve("fact/spec.yaml")));

        // b ran another version of the spec: its record conflicts, nothing is merged
        Files.writeString(spec, SPEC.formatted(512).replace("seeds: 2", "seeds: 3"));
        matrix(spec, b, "--shard", "2/2");
        Path again = tmp.resolve("again");
        SpecException e = assertThrows(SpecException.class, () -> Merger.merge(List.of(a, b), again));
        assertTrue(e.getMessage().contains("fact/spec.json differs"), e.getMessage());
        assertFalse(Files.exists(again), "nothing written");
    }

    @Test
    void treesWithoutARecordAreNotScoped() throws IOException {
        Path results = tmp.resolve("r");
        Path spec = spec(1024);
        matrix(spec, results);
        spec(512);
        matrix(spec, results);
        Files.delete(results.resolve("fact/spec.json"));
        CommandRun r = CommandRun.of(new ReportCommand(), results.toString(), "--out", tmp.resolve("rep").toString(),
                "--resamples", "200");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().startsWith("report: 4 runs (4 left out: 4 step budget mismatch)"), r.out());
        assertTrue(Files.readString(tmp.resolve("rep/report.md")).contains("ablate4j matrix ablations/fact.yaml"
                + " --results results"), "the appendix as before records");
    }
}
