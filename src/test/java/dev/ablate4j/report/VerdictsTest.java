package dev.ablate4j.report;

import dev.ablate4j.stats.IntervalMethod;
import dev.ablate4j.stats.Verdict;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The verdict table, calibration and runs.csv on the synthetic tree, built through the whole
 * report; and the verdicts and re-test notes on the committed runs of reports/ (read, never rebuilt).
 */
class VerdictsTest {

    @TempDir
    static Path tmp;

    static Path out;

    @BeforeAll
    static void build() throws IOException {
        Path root = SyntheticResults.standardTree(tmp.resolve("results"));
        out = tmp.resolve("report");
        ReportBuilder.build(List.of(root), out,
                new ReportOptions(7, 1000, null, false, IntervalMethod.DEFAULT, Score.FINAL, 400.0, 300));
    }

    static List<CSVRecord> csv(Path file) throws IOException {
        try (Reader r = Files.newBufferedReader(file)) {
            return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(r).getRecords();
        }
    }

    private static final Map<String, ResultsTree> TREES = new HashMap<>();

    static ReportBuilder.Judgement judge(String spec, Double margin) {
        return judge(spec, margin, IntervalMethod.DEFAULT);
    }

    static ReportBuilder.Judgement judge(String spec, Double margin, IntervalMethod method) {
        Path root = Path.of("reports", spec, "results", spec);
        ResultsTree tree = TREES.computeIfAbsent(spec, s -> ResultsReader.read(List.of(root)));
        ReportContext ctx = new ReportContext(tree,
                new ReportOptions(0, 2000, null, false, method, Score.FINAL, margin, 200));
        return ReportBuilder.judge(ctx, List.of(root));
    }

    static VerdictRow row(ReportBuilder.Judgement j, String env, String comparison) {
        return j.verdicts().stream().filter(r -> r.env().equals(env) && r.comparison().equals(comparison)).findFirst()
                .orElseThrow(() -> new AssertionError("no row " + env + " " + comparison + " in " + j.verdicts()));
    }

    @Test
    void verdictsCsvHasOneVerdictPerComparisonWithItsRule() throws IOException {
        List<CSVRecord> rows = csv(out.resolve("verdicts.csv"));
        // 6 configs against the baseline ppo in each of 2 environments, plus ACLI - AAI per environment
        assertEquals(2 * 6 + 2, rows.size());
        for (CSVRecord r : rows) {
            assertTrue(List.of("decided", "undecided", "open", "equivalent", "not shown equivalent").contains(r.get("verdict")),
                    r.toString());
            assertFalse(r.get("rule").isBlank());
            if (r.get("verdict").equals("decided")) {
                assertTrue(r.get("direction").endsWith(" higher") || r.get("direction").endsWith(" larger"));
            }
            if (!r.get("comparison").equals("ACLI − AAI")) {
                assertEquals(400.0, Double.parseDouble(r.get("margin")));
                assertFalse(r.get("smallest_equivalence_margin").isEmpty());
                boolean decided = Double.parseDouble(r.get("welch_p_holm")) < 0.05;
                assertEquals(decided, r.get("verdict").equals("decided"), r.toString());
                if (!decided) {
                    boolean eq = Double.parseDouble(r.get("tost_p")) < 0.05;
                    assertEquals(eq ? "equivalent" : "not shown equivalent", r.get("verdict"));
                    assertEquals(eq, Double.parseDouble(r.get("smallest_equivalence_margin")) < 400, r.toString());
                }
            }
        }
        String md = Files.readString(out.resolve("report.md"));
        assertTrue(md.contains("## Verdicts"));
        assertTrue(md.contains("Equivalence margin ±400 (report --margin)"));
        assertTrue(md.contains("## Calibration on this report's data"));
        assertTrue(md.contains("300 seeded replicates per row"));
        assertTrue(md.contains(" --margin 400 --calibration-reps 300"), "the rebuild command keeps both options");
    }

    @Test
    void calibrationRowsCoverEveryComparisonUnderBothNulls() throws IOException {
        String md = Files.readString(out.resolve("report.md"));
        String section = md.substring(md.indexOf("## Calibration on this report's data"));
        section = section.substring(0, section.indexOf("\n## ", 5));
        long tableRows = section.lines().filter(l -> l.startsWith("| Pendulum-v1") || l.startsWith("| MountainCar"))
                .count();
        assertEquals(2 * 2 * 6, tableRows);
        assertTrue(section.contains("both from ppo") && section.contains("each centred"));
    }

    @Test
    void runsCsvHasEveryRunAndItsMeansAreSummaryMeans() throws IOException {
        List<CSVRecord> runs = csv(out.resolve("runs.csv"));
        List<CSVRecord> summary = csv(out.resolve("summary.csv"));
        long used = runs.stream().filter(r -> r.get("status").equals("used")).count();
        long leftOut = runs.stream().filter(r -> r.get("status").equals("left out")).count();
        assertEquals(7 * 2 * 5, used);
        assertEquals(4, leftOut);
        runs.stream().filter(r -> r.get("status").equals("left out"))
                .forEach(r -> assertFalse(r.get("left_out_reason").isBlank(), r.toString()));
        Map<String, double[]> sums = new HashMap<>();
        for (CSVRecord r : runs) {
            if (r.get("status").equals("used")) {
                double[] s = sums.computeIfAbsent(r.get("env") + "|" + r.get("cell_id"), k -> new double[2]);
                s[0] += Double.parseDouble(r.get("final_return"));
                s[1]++;
            }
        }
        for (CSVRecord s : summary) {
            double[] v = sums.get(s.get("env") + "|" + s.get("cell"));
            assertNotNull(v, s.toString());
            assertEquals(Integer.parseInt(s.get("n")), (int) v[1]);
            assertEquals(Double.parseDouble(s.get("final_mean")), v[0] / v[1], 1e-9 * Math.abs(v[0] / v[1]));
        }
        assertTrue(runs.get(0).isMapped("value-clip") && runs.get(0).isMapped("seed") && runs.get(0).isMapped("steps"));
    }

    @Test
    void sameInputsAndSeedGiveByteIdenticalFiles() throws IOException {
        Path again = tmp.resolve("again");
        ReportBuilder.build(List.of(tmp.resolve("results")), again,
                new ReportOptions(7, 1000, null, false, IntervalMethod.DEFAULT, Score.FINAL, 400.0, 300));
        for (String f : List.of("verdicts.csv", "runs.csv", "summary.csv")) { // report.md names --out
            assertEquals(Files.readString(out.resolve(f)), Files.readString(again.resolve(f)), f);
        }
    }

    @Test
    void badMarginsAndCalibrationRepsAreBadInput() {
        for (double bad : new double[] {0, -1, Double.NaN, Double.POSITIVE_INFINITY}) {
            ReportInputException e = assertThrows(ReportInputException.class,
                    () -> new ReportOptions(0, 1000, null, false, IntervalMethod.DEFAULT, Score.FINAL, bad, 10));
            assertTrue(e.getMessage().startsWith("--margin must be a positive finite number"), e.getMessage());
        }
        assertThrows(ReportInputException.class, () -> new ReportOptions(0, 1000, null, false, IntervalMethod.DEFAULT, Score.FINAL, null, -1));
        assertThrows(ReportInputException.class, () -> new ReportOptions(0, 1000, null, false, IntervalMethod.DEFAULT, Score.FINAL, null, 100_001));
    }

    static String spec(String name, String margin) {
        return "name: " + name + "\nbase: {preset: ppo}\nenvs: [Pendulum-v1]\nseeds: 5\nsteps: 20480\n"
                + (margin == null ? "" : "equivalence-margin: " + margin + "\n");
    }

    @Test
    void theRecordedSpecsMarginIsUsedWhenTheCommandGivesNone() throws IOException {
        Path root = SyntheticResults.standardTree(tmp.resolve("with-margin"));
        Files.writeString(root.resolve("quick").resolve("spec.yaml"), spec("quick", "250"));
        ReportContext ctx = new ReportContext(ResultsReader.read(List.of(root)),
                new ReportOptions(1, 500, null, false, IntervalMethod.DEFAULT, Score.FINAL, null, 0));
        ReportBuilder.Judgement j = ReportBuilder.judge(ctx, List.of(root));
        assertEquals(250.0, j.margin());
        assertEquals("spec key equivalence-margin", j.marginSource());
        assertTrue(j.verdicts().stream().filter(VerdictRow::isPair).allMatch(r -> r.tost() != null
                && r.tost().margin() == 250.0));
        assertTrue(j.calibration().isEmpty(), "--calibration-reps 0 leaves the section out");
        ReportContext given = new ReportContext(ctx.tree, new ReportOptions(1, 500, null, false, IntervalMethod.DEFAULT, Score.FINAL, 90.0, 0));
        assertEquals(90.0, ReportBuilder.judge(given, List.of(root)).margin());
        Files.writeString(root.resolve("quick").resolve("spec.yaml"), spec("quick", null));
        assertNull(ReportBuilder.judge(ctx, List.of(root)).margin());
        Files.writeString(root.resolve("quick").resolve("spec.yaml"), spec("quick", "250"));
        Files.createDirectories(root.resolve("other"));
        Files.writeString(root.resolve("other").resolve("spec.yaml"), spec("other", "90"));
        ReportInputException e = assertThrows(ReportInputException.class, () -> ReportBuilder.judge(ctx, List.of(root)));
        assertTrue(e.getMessage().contains("different equivalence-margin values"), e.getMessage());
    }

    @Test
    void theRecordedSpecsIntervalIsUsedUnlessTheCommandGivesOne() throws IOException {
        Path root = SyntheticResults.standardTree(tmp.resolve("with-interval"));
        Files.writeString(root.resolve("quick").resolve("spec.yaml"), spec("quick", null) + "interval: percentile\n");
        assertEquals(IntervalMethod.PERCENTILE, SpecReportKeys.interval(List.of(root)));
        Path out = tmp.resolve("interval-report");
        dev.ablate4j.cli.CommandRun r = dev.ablate4j.cli.CommandRun.of(new dev.ablate4j.cli.ReportCommand(),
                root.toString(), "--out", out.toString(), "--resamples", "200", "--calibration-reps", "0");
        assertEquals(0, r.code(), r.err());
        String md = Files.readString(out.resolve("report.md"));
        assertTrue(md.contains("--interval percentile"), "the recorded spec's interval, named in the rebuild command");
        Path given = tmp.resolve("interval-given");
        r = dev.ablate4j.cli.CommandRun.of(new dev.ablate4j.cli.ReportCommand(), root.toString(), "--out",
                given.toString(), "--resamples", "200", "--calibration-reps", "0", "--interval", "t");
        assertEquals(0, r.code(), r.err());
        assertFalse(Files.readString(given.resolve("report.md")).contains("--interval percentile"), "the flag wins");
        Files.writeString(root.resolve("quick").resolve("spec.yaml"), spec("quick", null));
        assertNull(SpecReportKeys.interval(List.of(root)));
        Files.writeString(root.resolve("quick").resolve("spec.yaml"), spec("quick", null) + "interval: bca\n");
        Files.createDirectories(root.resolve("other"));
        Files.writeString(root.resolve("other").resolve("spec.yaml"), spec("other", null) + "interval: t\n");
        ReportInputException e = assertThrows(ReportInputException.class, () -> SpecReportKeys.interval(List.of(root)));
        assertTrue(e.getMessage().contains("different interval values") && e.getMessage().contains("--interval"),
                e.getMessage());
    }

    @Test
    void walkerTopUpIsUndecidedAndFlaggedAsAReTest() {
        ReportBuilder.Judgement j = judge("paper-walker-trpo-topup-exact", null);
        assertEquals(1, j.verdicts().size());
        VerdictRow r = row(j, "Walker2d-v4", "paper:trpo+ vs paper:trpo");
        assertEquals(Verdict.Kind.UNDECIDED, r.verdict().kind());
        assertTrue(r.verdict().rule().contains("max reached, undecided (40 seeds)"), r.verdict().rule());
        assertEquals(40, r.nX());
        assertEquals(340.3, r.smallestMargin(), 0.1);
        assertEquals(1, j.retests().size());
        ReTests.Note n = j.retests().get(0);
        assertEquals("paper-table2-exact", n.donor());
        assertEquals(10, n.seeds().size());
        assertNotNull(n.sim());
        assertTrue(n.sim().interval().lo() > 0.075, "simulated re-test rate " + n.sim().rate());
        assertTrue(n.text().contains("raises the false-positive rate above α = 0.05"), n.text());
        assertEquals(1, j.calibration().size());
    }

    @Test
    void hopperNoClipStatesItsSmallestMarginAndIsEquivalentBeyondIt() {
        ReportBuilder.Judgement none = judge("paper-noclip-hopper-exact", null);
        VerdictRow r = row(none, "Hopper-v4", "paper:ppo-noclip vs paper:ppo");
        assertEquals(Verdict.Kind.UNDECIDED, r.verdict().kind());
        assertEquals(311.50, r.smallestMargin(), 0.01);
        assertNull(r.tost());
        VerdictRow eq = row(judge("paper-noclip-hopper-exact", 320.0), "Hopper-v4", "paper:ppo-noclip vs paper:ppo");
        assertEquals(Verdict.Kind.EQUIVALENT, eq.verdict().kind());
        VerdictRow not = row(judge("paper-noclip-hopper-exact", 300.0), "Hopper-v4", "paper:ppo-noclip vs paper:ppo");
        assertEquals(Verdict.Kind.NOT_SHOWN_EQUIVALENT, not.verdict().kind());
        // its PPO-M and PPO cells are Table 2's seeds: the same evidence as Table 2's finished design
        ReTests.Note n = none.retests().stream().filter(x -> x.row().comparison().equals("paper:ppo-m vs paper:ppo"))
                .findFirst().orElseThrow();
        assertEquals("paper-table2-exact", n.donor());
        assertNotNull(n.sim());
    }

    @Test
    void tableTwoVerdictsComeFromTheRules() {
        ReportBuilder.Judgement j = judge("paper-table2-exact", null);
        VerdictRow hopper = row(j, "Hopper-v4", "paper:ppo vs paper:ppo-m");
        assertTrue(hopper.design().startsWith("adaptive"));
        assertEquals(Verdict.Kind.UNDECIDED, hopper.verdict().kind());
        VerdictRow percentile = row(judge("paper-table2-exact", null, IntervalMethod.PERCENTILE), "Hopper-v4",
                "paper:ppo vs paper:ppo-m");
        assertTrue(percentile.interval().lo() > 0, "the percentile interval excludes 0 ...");
        assertEquals(Verdict.Kind.UNDECIDED, percentile.verdict().kind(), "... but the design's boundary decides");
        VerdictRow humanoid = row(j, "Humanoid-v4", "paper:trpo+ vs paper:trpo");
        assertEquals("decided: paper:trpo+ higher", humanoid.verdict().text(null));
        VerdictRow walker = row(j, "Walker2d-v4", "ACLI − AAI");
        assertEquals(Verdict.Kind.UNDECIDED, walker.verdict().kind());
        assertTrue(walker.interval().contains(315), "the paper's ACLI - AAI lies in " + walker.interval());
        assertEquals(3 * (2 + 2 + 1), j.verdicts().size(), "per env: 2 adaptive, 2 other fixed, ACLI − AAI");
    }

    /**
     * implementations-hopper as it stood after round 2 (seeds 0-9 of every cell): the design decided
     * one comparison at look 2 and is adding seeds for the rest, whose verdict is "open", not
     * "undecided"; after round 4 they are undecided.
     */
    @Test
    void aDesignStillAddingSeedsSaysOpen() throws IOException {
        Path full = Path.of("reports", "implementations-hopper", "results", "implementations-hopper");
        Path part = tmp.resolve("after-round-2").resolve("implementations-hopper");
        java.util.regex.Pattern late = java.util.regex.Pattern.compile("seed-(1[0-9]|[2-9][0-9])");
        try (var files = Files.walk(full)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                Path rel = full.relativize(f);
                boolean lateSeed = false;
                for (Path name : rel) {
                    lateSeed |= late.matcher(name.toString()).matches();
                }
                if (!lateSeed) {
                    Files.createDirectories(part.resolve(rel).getParent());
                    Files.copy(f, part.resolve(rel));
                }
            }
        }
        ResultsTree tree = ResultsReader.read(List.of(part));
        ReportBuilder.Judgement j = ReportBuilder.judge(new ReportContext(tree,
                new ReportOptions(0, 2000, null, false, IntervalMethod.DEFAULT, Score.FINAL, null, 200)), List.of(part));
        VerdictRow decided = row(j, "Hopper-v4", "cleanrl:ppo, bootstrap-truncated true vs cleanrl:ppo");
        assertEquals(Verdict.Kind.DECIDED, decided.verdict().kind());
        VerdictRow open = row(j, "Hopper-v4", "sb3:ppo vs cleanrl:ppo");
        assertEquals(Verdict.Kind.OPEN, open.verdict().kind(), open.verdict().rule());
        assertEquals("open", open.verdict().text(null));
        assertTrue(open.verdict().rule().startsWith("group-sequential boundary not crossed: open after look 2 of 4"),
                open.verdict().rule());
        assertEquals(Verdict.Kind.UNDECIDED, row(judge("implementations-hopper", null), "Hopper-v4",
                "paper:ppo vs cleanrl:ppo").verdict().kind(), "the complete design's");
    }
}
