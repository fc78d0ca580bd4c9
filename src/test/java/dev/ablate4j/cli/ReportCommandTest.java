package dev.ablate4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ablate4j.report.SyntheticResults;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportCommandTest {

    @TempDir
    Path tmp;

    private static CommandRun run(String... args) {
        return CommandRun.of(new ReportCommand(), args);
    }

    @Test
    void mergedRootsCountDuplicatesOnceAndReportWhatWasLeftOut() throws IOException {
        Path root = SyntheticResults.standardTree(tmp.resolve("results"));
        Path copy = SyntheticResults.standardTree(tmp.resolve("results2"));
        Path out = tmp.resolve("out");
        // The same runs under two roots, as if two CI shards had both kept them: each counts once.
        CommandRun o = run(root.toString(), copy.toString(), "--out", out.toString(), "--resamples", "500", "--seed", "3");
        assertEquals(0, o.code(), o.err());
        assertTrue(o.out().startsWith("report: 70 runs"), o.out());
        assertTrue(o.err().contains("left out") && o.err().contains("diverged at iteration 7"), o.err());
        assertTrue(o.err().contains("warning: runs come from 2 ablate4j versions"), o.err());
        String md = Files.readString(out.resolve("report.md"));
        assertTrue(md.contains("results2/quick/c00/Pendulum-v1/seed-0 | duplicate of " + root + "/quick/c00/Pendulum-v1/seed-0"),
                "duplicates listed");
        assertTrue(Files.size(out.resolve("report.pdf")) > 10_000);
    }

    @Test
    void emptyDirectoryIsExitCode2WithOneClearLine() throws IOException {
        Path empty = Files.createDirectories(tmp.resolve("empty"));
        CommandRun o = run(empty.toString(), "--out", tmp.resolve("out").toString());
        assertEquals(2, o.code());
        assertEquals(1, o.err().strip().lines().count(), o.err());
        assertTrue(o.err().contains("no run directories") && o.err().contains("empty"), o.err());
    }

    @Test
    void treeWithOnlyIncompleteRunsNamesTheReason() {
        Map<String, Object> config = SyntheticResults.ppoConfig();
        config.put("env", "Pendulum-v1");
        config.put("seed", 0);
        SyntheticResults.writeRun(tmp.resolve("r/seed-0"), config, null, "done", new double[] {1, 2, 3}, false, false, "0.1.0");
        CommandRun o = run(tmp.resolve("r").toString(), "--out", tmp.resolve("out").toString());
        assertEquals(2, o.code());
        assertTrue(o.err().contains("no completed runs") && o.err().contains("no DONE marker"), o.err());
    }

    @Test
    void unknownBaselineListsTheConfigs() {
        Path root = SyntheticResults.standardTree(tmp.resolve("results"));
        CommandRun o = run(root.toString(), "--out", tmp.resolve("out").toString(), "--baseline", "nope");
        assertEquals(2, o.code());
        assertTrue(o.err().contains("--baseline 'nope'") && o.err().contains("'trpo+'"), o.err());
    }

    @Test
    void missingRootAndBadResamplesAreExitCode2() {
        assertEquals(2, run(tmp.resolve("absent").toString(), "--out", tmp.resolve("o").toString()).code());
        assertEquals(2, run(tmp.toString(), "--out", tmp.resolve("o").toString(), "--resamples", "5").code());
        assertEquals(2, run("--out", tmp.resolve("o").toString()).code()); // no RESULTS_DIR: picocli usage error
    }

    @Test
    void treesWithoutCellJsonGroupByConfigAndDeriveLabels() throws IOException {
        for (boolean clip : new boolean[] {true, false}) {
            for (int s = 0; s < 3; s++) {
                Map<String, Object> c = new TreeMap<>(SyntheticResults.ppoConfig());
                c.put("value-clip", clip);
                c.put("env", "Pendulum-v1");
                c.put("seed", s);
                double[] y = {-900 + s, -800 + s, -700 + s, -600 + s, -500 + s, -400 + (clip ? 100 : 0) + s};
                SyntheticResults.writeRun(tmp.resolve("runs/" + (clip ? "a" : "b") + "/seed-" + s), c, null, "done", y,
                        true, false, "0.1.0");
            }
        }
        Path out = tmp.resolve("out");
        CommandRun o = run(tmp.resolve("runs").toString(), "--out", out.toString(), "--resamples", "200");
        assertEquals(0, o.code(), o.err());
        String csv = Files.readString(out.resolve("summary.csv"));
        assertEquals(3, csv.strip().lines().count(), csv); // header + 2 configs
        assertTrue(csv.contains(",ppo +value-clip,") && csv.contains(",ppo,"), csv);
    }
}
