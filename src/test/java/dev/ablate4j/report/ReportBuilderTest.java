package dev.ablate4j.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ablate4j.stats.Descriptive;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A report built from the synthetic tree of {@link SyntheticResults}. */
class ReportBuilderTest {

    @TempDir
    static Path tmp;

    static Path root;
    static ReportBuilder.Result result;
    static Path out;

    @BeforeAll
    static void build() throws IOException {
        root = SyntheticResults.standardTree(tmp.resolve("results"));
        out = tmp.resolve("report");
        result = ReportBuilder.build(List.of(root), out, new ReportOptions(7, 2000, null));
    }

    @Test
    void writesEveryOutputAndEveryChart() {
        assertTrue(Files.isRegularFile(out.resolve("report.pdf")));
        assertTrue(Files.isRegularFile(out.resolve("report.md")));
        assertTrue(Files.isRegularFile(out.resolve("summary.csv")));
        List<String> expected = new ArrayList<>(List.of("aggregate-iqm.png", "performance-profiles.png"));
        for (String env : List.of("pendulum-v1", "mountaincarcontinuous-v0")) {
            for (String kind : List.of("learning-curves", "final-return", "per-optimization", "main-effects",
                    "interactions", "trust-region")) {
                expected.add(kind + "_" + env + ".png");
            }
        }
        for (String png : expected) {
            assertTrue(Files.isRegularFile(out.resolve(png)), "missing " + png);
        }
        assertEquals(expected.size(), result.pngs().size(), result.pngs().toString());
    }

    @Test
    void pdfOpensWithExpectedPagesAndSelectableSectionTitles() throws IOException {
        try (PDDocument doc = Loader.loadPDF(out.resolve("report.pdf").toFile())) {
            assertEquals(result.pdfPages(), doc.getNumberOfPages());
            // At least: title page, and per env a curves page, tables, and several figure pages.
            assertTrue(doc.getNumberOfPages() >= result.figureTitles().size() / 2 + 6, "pages " + doc.getNumberOfPages());
            String text = new PDFTextStripper().getText(doc);
            for (String title : List.of("ablate4j report", "Environment: Pendulum-v1",
                    "Environment: MountainCarContinuous-v0", "Learning curves: Pendulum-v1", "Final return: Pendulum-v1",
                    "Against the baseline: Pendulum-v1", "Per optimization: Pendulum-v1",
                    "Factorial main effects: Pendulum-v1", "Two-way interactions: Pendulum-v1",
                    "Trust region: Pendulum-v1", "Across environments", "Performance profiles",
                    "Algorithm versus code-level optimizations", "Power analysis", "Appendix: provenance",
                    "Runs left out")) {
                assertTrue(text.contains(title), "PDF text lacks '" + title + "'");
            }
            for (String title : result.figureTitles()) {
                assertTrue(text.contains(title), "PDF text lacks figure title '" + title + "'");
            }
            // Chart text is real text too (fonts registered with pdfbox-graphics2d), not outlines.
            assertTrue(text.contains("environment steps (thousands)"), "axis label not selectable");
            assertTrue(text.contains("observation clipping"), "panel title not selectable");
            assertTrue(text.contains("final return"), "no ligature substitution: 'final' must stay searchable");
        }
    }

    @Test
    void markdownSaysHowToRebuildTheReportAndRetrainItsRuns() throws IOException {
        String md = Files.readString(out.resolve("report.md"));
        assertTrue(md.contains("## Appendix: rebuilding this report"), md);
        assertTrue(md.contains("```bash\njava -jar target/ablate4j.jar report " + root + " --out " + out
                + " --seed 7 --resamples 2000\n```"), md);
        assertTrue(md.contains("ablate4j matrix ablations/quick.yaml --results results"), md);
        assertTrue(md.contains("Built by ablate4j " + dev.ablate4j.results.Provenance.version() + " at commit "), md);
    }

    @Test
    void trustRegionTableCountsRowsOutsideTheClipRangeAndWithinTheKlBound() throws IOException {
        // SyntheticResults: seeds 0-2 log 10 rows each; PPO's max ratio 1.3 + 0.05 i (always above 1.2),
        // mean KL 0.004 + 0.001 i; TRPO's max ratio 1.1 + 0.01 i, mean KL 0.009 on the training batch
        // (within delta = 0.01) and 0.0108 on the held-out batch (outside).
        String md = Files.readString(out.resolve("report.md"));
        assertTrue(md.contains("| ppo | ε = 0.2 | 3 | 30 | 1.75 | 2.20 | 30 / 30 | 0.013 | 0.022 | — | — |"), md);
        assertTrue(md.contains("| trpo | δ = 0.01 | 3 | 30 | 1.19 | 1.28 | — | 0.009 | 0.009 | 30 / 30 | 0 / 30 |"),
                md);
    }

    @Test
    void switchesThatMoveTogetherAreReportedAsConfounded() throws IOException {
        // SyntheticResults: ppo-m and trpo turn off orthogonal init, LR annealing, reward and observation
        // clipping together; value clipping and reward scaling are crossed in the ppo cells.
        String md = Files.readString(out.resolve("report.md"));
        assertTrue(md.contains("Confounded here: orthogonal init, LR annealing, reward clipping, observation clipping"
                + " were switched together"), md);
        assertFalse(md.contains("Confounded here: value clipping"), md);
    }

    @Test
    void aReportRebuiltIntoTheSameDirectoryIsByteIdenticalPdfIncluded() throws IOException {
        Path dir = tmp.resolve("twice");
        ReportBuilder.build(List.of(root), dir, new ReportOptions(7, 2000, null));
        byte[] pdf = Files.readAllBytes(dir.resolve("report.pdf"));
        byte[] runs = Files.readAllBytes(dir.resolve("runs.csv"));
        byte[] verdicts = Files.readAllBytes(dir.resolve("verdicts.csv"));
        ReportBuilder.build(List.of(root), dir, new ReportOptions(7, 2000, null));
        assertArrayEquals(pdf, Files.readAllBytes(dir.resolve("report.pdf")), "report.pdf (its /ID comes from the content)");
        assertArrayEquals(runs, Files.readAllBytes(dir.resolve("runs.csv")));
        assertArrayEquals(verdicts, Files.readAllBytes(dir.resolve("verdicts.csv")));
    }

    @Test
    void sameInputsAndSeedGiveByteIdenticalCsvAndMarkdown() throws IOException {
        Path again = tmp.resolve("again");
        ReportBuilder.build(List.of(root), again, new ReportOptions(7, 2000, null));
        assertArrayEquals(Files.readAllBytes(out.resolve("summary.csv")), Files.readAllBytes(again.resolve("summary.csv")));
        assertEquals(Files.readString(out.resolve("report.md")).replace(out.toString(), "OUT"),
                Files.readString(again.resolve("report.md")).replace(again.toString(), "OUT"),
                "report.md differs only in the --out of its rebuild command");
        Path other = tmp.resolve("other-seed");
        ReportBuilder.build(List.of(root), other, new ReportOptions(8, 2000, null));
        assertFalse(Files.readString(out.resolve("summary.csv")).equals(Files.readString(other.resolve("summary.csv"))),
                "a different seed should move the bootstrap intervals");
    }

    @Test
    void summaryCsvHasOneRowPerEnvAndConfigWithIndependentlyComputedFinalReturns() throws IOException {
        List<CSVRecord> rows;
        try (CSVParser p = CSVParser.parse(out.resolve("summary.csv"), java.nio.charset.StandardCharsets.UTF_8,
                CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get())) {
            rows = p.getRecords();
            // the switches, then every other key that differs between the cells (here preset and algo)
            assertEquals(SummaryRow.header(List.of("preset", "algo")), p.getHeaderNames());
        }
        assertEquals(2 * 7, rows.size());
        for (CSVRecord r : rows) {
            String cell = r.get("cell");
            String env = r.get("env");
            double[] finals = finalReturnsFromFiles(root.resolve("quick").resolve(cell).resolve(env));
            assertEquals(finals.length, Integer.parseInt(r.get("n")), cell + " " + env);
            assertEquals(Descriptive.mean(finals), Double.parseDouble(r.get("final_mean")), 1e-9);
            assertEquals(Descriptive.iqm(finals), Double.parseDouble(r.get("final_iqm")), 1e-9);
            double lo = Double.parseDouble(r.get("final_mean_ci95_lo"));
            double hi = Double.parseDouble(r.get("final_mean_ci95_hi"));
            assertTrue(lo < Descriptive.mean(finals) && Descriptive.mean(finals) < hi);
        }
    }

    /** Final returns of the usable seeds of one cell/env, recomputed from metrics.csv by hand. */
    private static double[] finalReturnsFromFiles(Path cellEnv) throws IOException {
        List<Double> out = new ArrayList<>();
        for (int s = 0; s < SyntheticResults.SEEDS; s++) {
            List<String> lines = Files.readAllLines(cellEnv.resolve("seed-" + s).resolve("metrics.csv"));
            List<Double> values = new ArrayList<>();
            for (String line : lines.subList(1, lines.size())) {
                String v = line.split(",", -1)[2];
                if (!v.isEmpty()) {
                    values.add(Double.parseDouble(v));
                }
            }
            double sum = 0;
            for (double v : values.subList(values.size() - 5, values.size())) {
                sum += v;
            }
            out.add(sum / 5);
        }
        return out.stream().mapToDouble(Double::doubleValue).toArray();
    }

    @Test
    void markdownListsLeftOutRunsWithReasonsAndTheVersionWarning() throws IOException {
        String md = Files.readString(out.resolve("report.md"));
        assertTrue(md.contains("seed-5") && md.contains("no DONE marker"), "incomplete run");
        assertTrue(md.contains("diverged at iteration 7"), "diverged run");
        assertTrue(md.contains("seed-7/metrics.csv line 21: expected 15 fields, found 4"), "truncated CSV with line");
        assertTrue(md.contains("step budget mismatch: trained 20480 steps"), "budget mismatch");
        assertTrue(md.contains("2 ablate4j versions"), "version warning");
        assertEquals(4, result.tree().excluded().size());
        assertEquals(70, result.tree().runs().size());
        assertTrue(md.contains("![Learning curves: Pendulum-v1](learning-curves_pendulum-v1.png)"));
    }

    @Test
    void aaiAndAcliMatchTheSummaryMeans() throws IOException {
        Map<String, Double> mean = new TreeMap<>();
        try (CSVParser p = CSVParser.parse(out.resolve("summary.csv"), java.nio.charset.StandardCharsets.UTF_8,
                CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get())) {
            for (CSVRecord r : p) {
                mean.put(r.get("env") + "|" + r.get("label"), Double.parseDouble(r.get("final_mean")));
            }
        }
        String md = Files.readString(out.resolve("report.md"));
        for (String env : SyntheticResults.ENVS) {
            double ppo = mean.get(env + "|ppo");
            double ppoM = mean.get(env + "|ppo-m");
            double trpo = mean.get(env + "|trpo");
            double trpoPlus = mean.get(env + "|trpo+");
            double aai = Math.max(Math.abs(ppo - trpoPlus), Math.abs(ppoM - trpo));
            double acli = Math.max(Math.abs(ppo - ppoM), Math.abs(trpoPlus - trpo));
            String row = md.lines().filter(l -> l.startsWith("| " + env + " | " + Fmt.num(ppo))).findFirst().orElse("");
            assertTrue(row.contains("| " + Fmt.num(aai) + " |") && row.contains("| " + Fmt.num(acli) + " |"),
                    "AAI/ACLI row for " + env + ": " + row);
        }
    }
}
