package dev.ablate4j.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ablate4j.cli.CommandRun;
import dev.ablate4j.cli.ReportCommand;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Report on bad input: --out in a bad place, damaged and odd results trees. */
class ReportHardeningTest {

    @TempDir
    Path tmp;

    /** One cell, Pendulum, seeds 0..n-1 under root/spec/c00/Pendulum-v1/. */
    private static Path cell(Path root, int seeds) {
        Map<String, Object> cellJson = new LinkedHashMap<>();
        cellJson.put("spec", "s");
        cellJson.put("cell", "c00");
        cellJson.put("label", "ppo");
        cellJson.put("factors", Map.of());
        for (int s = 0; s < seeds; s++) {
            Map<String, Object> config = new TreeMap<>(SyntheticResults.ppoConfig());
            config.put("env", "Pendulum-v1");
            config.put("seed", s);
            SyntheticResults.writeRun(run(root, s), config, cellJson, "done",
                    SyntheticResults.curve(-200 + s, s), true, false, "0.1.0");
        }
        return root;
    }

    private static Path run(Path root, int seed) {
        return root.resolve("s/c00/Pendulum-v1/seed-" + seed);
    }

    @Test
    void aRunWhoseConfigDiffersFromItsCellsIsLeftOutWithTheKey() throws IOException {
        Path root = cell(tmp.resolve("r"), 4);
        Path edited = run(root, 2).resolve("config.json");
        Files.writeString(edited, Files.readString(edited).replace("\"gamma\":0.99", "\"gamma\":0.5"));
        ResultsTree tree = ResultsReader.read(List.of(root));
        assertEquals(3, tree.runs().size());
        assertEquals(1, tree.excluded().size());
        Exclusion e = tree.excluded().get(0);
        assertTrue(e.path().endsWith("seed-2"), e.path());
        assertTrue(e.reason().contains("gamma 0.5 where the cell has 0.99"), e.reason());
    }

    @Test
    void anInfiniteMeanReturnLeavesTheRunOutWithTheReason() throws IOException {
        Path root = cell(tmp.resolve("r"), 3);
        Path m1 = run(root, 1).resolve("metrics.csv");
        List<String> lines = Files.readAllLines(m1);
        lines.set(5, lines.get(5).replaceFirst("^(\\d+,\\d+,)[^,]*", "$1Infinity"));
        Files.write(m1, lines);
        Path m2 = run(root, 2).resolve("metrics.csv");
        lines = Files.readAllLines(m2);
        lines.set(20, lines.get(20).replaceFirst("^(\\d+,\\d+,)[^,]*", "$11e308000"));
        Files.write(m2, lines);
        ResultsTree tree = ResultsReader.read(List.of(root));
        assertEquals(1, tree.runs().size());
        assertEquals(2, tree.excluded().size());
        assertTrue(tree.excluded().get(0).reason().contains("metrics.csv line 6: mean_return is +infinite"),
                tree.excluded().get(0).reason());
        assertTrue(tree.excluded().get(1).reason().contains("metrics.csv line 21"), tree.excluded().get(1).reason());
    }

    private static CommandRun report(String... args) {
        return CommandRun.of(new ReportCommand(), args);
    }

    @Test
    void anOutputPathThatIsAFileIsRefusedUpFront() throws IOException {
        Path root = cell(tmp.resolve("r"), 3);
        Path file = Files.writeString(tmp.resolve("file"), "x");
        CommandRun o = report(root.toString(), "--out", file.toString(), "--resamples", "200");
        assertEquals(2, o.code(), o.err());
        assertEquals(1, o.err().strip().lines().count(), o.err());
        assertTrue(o.err().contains("--out " + file + ": is a file, not a directory"), o.err());
        assertEquals("x", Files.readString(file));
    }

    @Test
    void theOutputDirectoryIsReplacedAsAWholeKeepingWhatTheReportDoesNotWrite() throws IOException {
        Path out = tmp.resolve("rep");
        Path root = cell(out.resolve("results"), 3); // the committed reports keep their runs inside
        Files.writeString(out.resolve("report.pdf"), "old");
        Files.writeString(out.resolve("learning-curves_gone-env.png"), "a chart of an env no longer reported");
        CommandRun o = report(root.toString(), "--out", out.toString(), "--resamples", "200");
        assertEquals(0, o.code(), o.err());
        assertFalse(Files.exists(out.resolve("learning-curves_gone-env.png")), "no chart of the old report is left");
        assertTrue(Files.size(out.resolve("report.pdf")) > 1000);
        assertTrue(Files.isRegularFile(run(root, 0).resolve("metrics.csv")), "the runs inside --out are kept");
        try (Stream<Path> s = Files.list(tmp)) {
            assertEquals(List.of("rep"), s.map(p -> p.getFileName().toString()).toList(), "no staging left");
        }

        // a failure after staging (here: an unknown baseline) leaves the previous report as it was
        byte[] pdf = Files.readAllBytes(out.resolve("report.pdf"));
        CommandRun bad = report(root.toString(), "--out", out.toString(), "--baseline", "nope");
        assertEquals(2, bad.code(), bad.err());
        assertEquals(List.of(pdf.length), List.of(Files.readAllBytes(out.resolve("report.pdf")).length));
        try (Stream<Path> s = Files.list(tmp)) {
            assertEquals(List.of("rep"), s.map(p -> p.getFileName().toString()).toList(), "no staging left");
        }
    }

    @Test
    void summaryCsvHasAColumnForEveryKeyThatVariesBetweenCells() throws IOException {
        Path root = tmp.resolve("r");
        for (int c = 0; c < 2; c++) {
            Map<String, Object> cellJson = new LinkedHashMap<>();
            cellJson.put("spec", "s");
            cellJson.put("cell", "c0" + c);
            cellJson.put("label", c == 0 ? "ppo" : "ppo slow");
            cellJson.put("factors", Map.of());
            for (int s = 0; s < 3; s++) {
                Map<String, Object> config = new TreeMap<>(SyntheticResults.ppoConfig());
                config.put("env", "Pendulum-v1");
                config.put("seed", s);
                config.put("policy-lr", c == 0 ? 3e-4 : 1e-4);
                SyntheticResults.writeRun(root.resolve("s/c0" + c + "/Pendulum-v1/seed-" + s), config, cellJson, "done",
                        SyntheticResults.curve(-200 + s + 10 * c, s), true, false, "0.1.0");
            }
        }
        Path out = tmp.resolve("rep");
        assertEquals(0, report(root.toString(), "--out", out.toString(), "--resamples", "200").code());
        List<String> lines = Files.readAllLines(out.resolve("summary.csv"));
        List<String> header = List.of(lines.get(0).split(","));
        int col = header.indexOf("policy-lr");
        assertTrue(col > header.indexOf("adv-norm") && col < header.indexOf("n"), lines.get(0));
        assertEquals(List.of("0.0003", "0.0001"), lines.subList(1, 3).stream().map(l -> l.split(",")[col]).toList());
        assertFalse(header.contains("gamma"), "keys equal in every cell get no column");
    }
}
