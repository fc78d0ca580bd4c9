package dev.ablate4j.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ablate4j.cli.CommandRun;
import dev.ablate4j.cli.ReportCommand;
import dev.ablate4j.results.Returns;
import dev.ablate4j.results.RunFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code report --score eval}: evaluation returns as the score, runs without them left out, and the text says so. */
class ReportScoreTest {

    @TempDir
    Path tmp;

    private Path root;

    /** Two cells × 3 seeds on Pendulum; every run evaluated except seed 2 of the second cell. */
    @BeforeEach
    void tree() throws Exception {
        root = tmp.resolve("results");
        int cellNo = 0;
        for (boolean valueClip : new boolean[] {true, false}) {
            String cellId = "c0" + cellNo;
            for (int s = 0; s < 3; s++) {
                Map<String, Object> config = new TreeMap<>(SyntheticResults.ppoConfig());
                config.put("value-clip", valueClip);
                config.put("env", "Pendulum-v1");
                config.put("seed", s);
                Map<String, Object> cell = new LinkedHashMap<>();
                cell.put("spec", "q");
                cell.put("cell", cellId);
                cell.put("label", valueClip ? "ppo" : "ppo -value-clip");
                cell.put("factors", Map.of());
                Path dir = root.resolve("q").resolve(cellId).resolve("Pendulum-v1").resolve("seed-" + s);
                SyntheticResults.writeRun(dir, config, cell, "done",
                        SyntheticResults.curve(-500 + 100 * cellNo + 10 * s, s), true, false, "0.1.0");
                if (!(cellNo == 1 && s == 2)) {
                    Files.writeString(dir.resolve(RunFiles.EVAL), evalCsv(cellNo, s));
                }
            }
            cellNo++;
        }
    }

    private static String evalCsv(int cell, int seed) {
        return "episode,return,length\n0," + (-150.5 - cell - seed) + ",200\n1," + (-149.5 - cell - seed)
                + ",200\n2," + (-151 - cell - seed) + ",200\n";
    }

    @Test
    void evalScoresRunsByTheirEvaluationReturnsAndLeavesOutRunsWithout() {
        ResultsTree eval = ResultsReader.read(List.of(root), false, Score.EVAL);
        assertEquals(5, eval.runs().size());
        Exclusion left = eval.excluded().stream().filter(e -> e.path().endsWith("c01/Pendulum-v1/seed-2")).findFirst()
                .orElseThrow();
        assertTrue(left.reason().startsWith("no eval.csv"), left.reason());
        assertEquals("no eval.csv (--score eval)", left.category());
        for (Run r : eval.runs()) {
            int cell = r.path().contains("/c01/") ? 1 : 0;
            double expected = ((-150.5 - cell - r.seed()) + (-149.5 - cell - r.seed()) + (-151 - cell - r.seed())) / 3;
            assertEquals(expected, r.finalReturn(), 1e-12, r.path());
        }
        ResultsTree fin = ResultsReader.read(List.of(root));
        assertEquals(6, fin.runs().size());
        for (Run r : fin.runs()) {
            assertEquals(Returns.finalReturn(r.meanReturn()), r.finalReturn(), r.path());
            assertTrue(r.finalReturn() < -300, "the training curve's final return, not the evaluation");
        }
    }

    @Test
    void aCorruptEvalCsvLeavesTheRunOutAsCorrupt() throws Exception {
        Path dir = root.resolve("q/c00/Pendulum-v1/seed-0");
        Files.writeString(dir.resolve(RunFiles.EVAL), "episode,length\n0,200\n");
        ResultsTree eval = ResultsReader.read(List.of(root), false, Score.EVAL);
        Exclusion left = eval.excluded().stream().filter(e -> e.path().endsWith("c00/Pendulum-v1/seed-0")).findFirst()
                .orElseThrow();
        assertTrue(left.reason().startsWith("corrupt:") && left.reason().contains("eval.csv"), left.reason());
        Files.writeString(dir.resolve(RunFiles.EVAL), "episode,return,length\n");
        left = ResultsReader.read(List.of(root), false, Score.EVAL).excluded().stream()
                .filter(e -> e.path().endsWith("c00/Pendulum-v1/seed-0")).findFirst().orElseThrow();
        assertEquals("eval.csv holds no episodes", left.reason());
    }

    @Test
    void theReportSaysWhichScoreItUsed() throws Exception {
        CommandRun r = CommandRun.of(new ReportCommand(), root.toString(), "--out", tmp.resolve("eval").toString(),
                "--resamples", "200", "--score", "eval");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("report: score: mean evaluation return (eval.csv)"), r.out());
        String md = Files.readString(tmp.resolve("eval").resolve("report.md"));
        assertTrue(md.contains("Score of a run: evaluation return, the mean return of the episodes in the run's "
                + "eval.csv"), md);
        assertTrue(md.contains("mean evaluation return (eval.csv)"), md);
        assertTrue(md.contains("no eval.csv (--score eval uses evaluation returns"), "the left-out run is listed");

        CommandRun f = CommandRun.of(new ReportCommand(), root.toString(), "--out", tmp.resolve("final").toString(),
                "--resamples", "200");
        assertEquals(0, f.code(), f.err());
        String finalMd = Files.readString(tmp.resolve("final").resolve("report.md"));
        assertTrue(finalMd.contains("Score of a run: final return, the mean of the last 5 iterations'"), finalMd);
        assertFalse(finalMd.contains("eval.csv"), "eval.csv is ignored under --score final");

        CommandRun bad = CommandRun.of(new ReportCommand(), root.toString(), "--out", tmp.resolve("x").toString(),
                "--score", "best");
        assertEquals(2, bad.code());
        assertEquals("report: --score must be final or eval, got 'best'", bad.err().strip());
        assertFalse(Files.exists(tmp.resolve("x").resolve("report.md")));
    }
}
