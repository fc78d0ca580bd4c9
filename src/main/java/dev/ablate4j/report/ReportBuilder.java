package dev.ablate4j.report;

import dev.ablate4j.report.render.FigureRenderer;
import dev.ablate4j.report.render.MarkdownWriter;
import dev.ablate4j.report.render.PdfWriter;
import dev.ablate4j.report.sections.AcrossEnvSection;
import dev.ablate4j.report.sections.AdaptiveSection;
import dev.ablate4j.report.sections.AlgorithmSection;
import dev.ablate4j.report.sections.CalibrationSection;
import dev.ablate4j.report.sections.EnvSection;
import dev.ablate4j.report.sections.OverviewSection;
import dev.ablate4j.report.sections.PowerSection;
import dev.ablate4j.report.sections.ProvenanceSection;
import dev.ablate4j.report.sections.RebuildSection;
import dev.ablate4j.report.sections.ReferenceSection;
import dev.ablate4j.report.sections.ScopeSection;
import dev.ablate4j.report.sections.VerdictSection;
import dev.ablate4j.results.ReportFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Builds the whole report from results roots into an output directory: {@code report.pdf}, one PNG
 * per figure, {@code report.md}, {@code summary.csv}, {@code runs.csv} and {@code verdicts.csv}.
 */
public final class ReportBuilder {

    /** What was written. */
    public record Result(Path pdf, Path markdown, Path summary, List<Path> pngs, int pdfPages, List<String> figureTitles,
            ResultsTree tree) {}

    static {
        // Charts are drawn off-screen; never try to reach a display (CI machines, SSH sessions).
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
    }

    private ReportBuilder() {}

    /**
     * Reads the runs under {@code roots} and writes the report into {@code out} (created if needed).
     *
     * @throws ReportInputException when no usable run is found or the options do not fit the runs
     */
    public static Result build(List<Path> roots, Path out, ReportOptions options) throws IOException {
        Path staging = ReportOutput.stage(out);
        try {
            Result r = build(roots, out, staging, options);
            ReportOutput.commit(staging, out);
            return r;
        } finally {
            ReportOutput.discard(staging, out);
        }
    }

    /** Builds the report into {@code dir}; the result names the files as they will be in {@code out}. */
    private static Result build(List<Path> roots, Path out, Path dir, ReportOptions options) throws IOException {
        ResultsTree tree = ResultsReader.read(roots, options.allCells(), options.score());
        if (tree.runs().isEmpty()) {
            String roots0 = roots.stream().map(Path::toString).collect(Collectors.joining(", "));
            if (tree.excluded().isEmpty()) {
                throw new ReportInputException("no run directories (seed-<n>/ or with config.json) under " + roots0);
            }
            Exclusion first = tree.excluded().get(0);
            throw new ReportInputException("no completed runs under " + roots0 + ": all " + tree.excluded().size()
                    + " run directories were left out (" + Exclusion.breakdown(tree.excluded()) + "; e.g. "
                    + first.path() + ": " + first.reason() + ")");
        }
        ReportContext ctx = new ReportContext(tree, options);
        ReferenceSample.check(options.references(), tree, ctx.baseline);
        List<String> rootNames = roots.stream().map(Path::toString).toList();
        Judgement j = judge(ctx, roots);
        List<Block> blocks = blocks(ctx, roots, j);
        blocks.addAll(RebuildSection.blocks(ctx, rootNames, out));
        List<Path> pngs = new ArrayList<>();
        List<String> titles = new ArrayList<>();
        for (Block b : blocks) {
            if (b instanceof Block.FigureBlock f) {
                FigureRenderer.writePng(f.figure(), dir.resolve(f.figure().fileName()));
                pngs.add(out.resolve(f.figure().fileName()));
                titles.add(f.figure().title());
            }
        }
        MarkdownWriter.write(blocks, dir.resolve(ReportFiles.MARKDOWN));
        SummaryCsv.write(ctx.summary.values(), dir.resolve(ReportFiles.SUMMARY));
        RunsCsv.write(ctx, dir.resolve(ReportFiles.RUNS));
        VerdictsCsv.write(j.verdicts(), j.retests(), dir.resolve(ReportFiles.VERDICTS));
        int pages = PdfWriter.write(blocks, dir.resolve(ReportFiles.PDF), Files.readAllBytes(dir.resolve(ReportFiles.MARKDOWN)));
        return new Result(out.resolve(ReportFiles.PDF), out.resolve(ReportFiles.MARKDOWN), out.resolve(ReportFiles.SUMMARY),
                List.copyOf(pngs), pages, List.copyOf(titles), tree);
    }

    /** The computed verdicts, the re-tested comparisons among them, and the calibration of the tests. */
    record Judgement(List<AdaptiveDesigns.Design> designs, List<VerdictRow> verdicts, List<ReTests.Note> retests,
            List<CalibrationSection.Row> calibration, Double margin, String marginSource) {}

    /** Verdicts, re-tests and calibration of the report's comparisons. */
    static Judgement judge(ReportContext ctx, List<Path> roots) {
        List<AdaptiveDesigns.Design> designs = AdaptiveDesigns.read(roots);
        Double margin = ctx.options.margin();
        String source = "report --margin";
        if (margin == null) {
            margin = SpecReportKeys.margin(roots);
            source = "spec key " + SpecReportKeys.MARGIN;
        }
        List<VerdictRow> rows = Verdicts.compute(ctx, designs, margin);
        return new Judgement(designs, rows, ReTests.find(ctx, roots, rows, designs), CalibrationSection.compute(ctx, rows),
                margin, source);
    }

    /** Every block of the report, in order. */
    static List<Block> blocks(ReportContext ctx, List<Path> roots) {
        return blocks(ctx, roots, judge(ctx, roots));
    }

    /** Every block of the report, in order, with the verdicts already judged. */
    static List<Block> blocks(ReportContext ctx, List<Path> roots, Judgement j) {
        List<Block> blocks = new ArrayList<>(OverviewSection.blocks(ctx, roots.stream().map(Path::toString).toList()));
        blocks.addAll(ScopeSection.blocks(ctx.tree));
        for (String env : ctx.tree.envs()) {
            blocks.addAll(EnvSection.blocks(ctx, env));
        }
        blocks.addAll(AcrossEnvSection.blocks(ctx));
        blocks.addAll(AlgorithmSection.blocks(ctx));
        blocks.addAll(AdaptiveSection.blocks(j.designs()));
        blocks.addAll(PowerSection.blocks(ctx));
        blocks.addAll(VerdictSection.blocks(j.verdicts(), j.retests(), j.margin(), j.marginSource()));
        blocks.addAll(ReferenceSection.blocks(ctx, j.verdicts(), j.margin()));
        blocks.addAll(CalibrationSection.blocks(ctx, j.calibration()));
        blocks.addAll(ProvenanceSection.blocks(ctx));
        return blocks;
    }
}
