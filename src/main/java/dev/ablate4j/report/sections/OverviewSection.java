package dev.ablate4j.report.sections;

import dev.ablate4j.report.Block;
import dev.ablate4j.report.ReportContext;
import dev.ablate4j.report.ResultCell;
import dev.ablate4j.report.ResultsTree;
import dev.ablate4j.report.Run;
import dev.ablate4j.report.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The report's title and the first page: inputs, settings, baseline, and what was left out. */
public final class OverviewSection {

    private OverviewSection() {}

    public static List<Block> blocks(ReportContext ctx, List<String> roots) {
        ResultsTree tree = ctx.tree;
        List<Block> out = new ArrayList<>();
        out.add(new Block.Heading(0, "ablate4j report"));
        out.add(new Block.Paragraph(String.format(Locale.ROOT,
                "Results: %s. %d runs used in %d configs and %d environments (%s); %d run directories left out%s.",
                String.join(", ", roots), tree.runs().size(), tree.cells().size(), tree.envs().size(),
                String.join(", ", tree.envs()), tree.excluded().size(),
                tree.excluded().isEmpty() ? "" : " (listed with reasons in the appendix)")));
        out.add(new Block.Paragraph(String.format(Locale.ROOT,
                "Baseline for comparisons: '%s'. Score of a run: %s. %s",
                ctx.baseline.label(), ctx.options.score().description(), intervalsSentence(ctx))));
        String few = FewRuns.note(runsPerConfig(ctx));
        if (few != null) {
            out.add(new Block.Paragraph(few));
        }
        for (String w : tree.warnings()) {
            out.add(new Block.Paragraph("Warning: " + w));
        }
        boolean mujoco = tree.runs().stream().anyMatch(r -> r.mujocoVersion() != null);
        Table.Builder cells = new Table.Builder(mujoco ? List.of("config", "preset", "spec", "runs", "MuJoCo")
                : List.of("config", "preset", "spec", "runs"), 3);
        for (ResultCell c : tree.cells()) {
            List<Run> rs = tree.runs().stream().filter(r -> r.cellKey().equals(c.key())).toList();
            List<String> row = new ArrayList<>(List.of(c.label() + (c.key().equals(ctx.baseline.key()) ? " (baseline)"
                    : ""), c.preset(), c.spec().isEmpty() ? "-" : c.spec(), "" + rs.size()));
            if (mujoco) {
                row.add(Run.mujocoVersions(rs));
            }
            cells.row(row);
        }
        out.add(new Block.TableBlock(cells.build(), "Configs compared, in the order that fixes their colours"
                + (mujoco ? "; MuJoCo: the version their MuJoCo tasks ran on (provenance.json)." : ".")));
        return out;
    }

    /** Which method each kind of interval uses, with its resampling settings. */
    static String intervalsSentence(ReportContext ctx) {
        var iv = ctx.intervals;
        return String.format(Locale.ROOT, "Intervals (%s, --interval %s): %s for means, %s for differences of means, "
                        + "%s for IQM, %s for P(improve), %s for factorial effects; bootstrap intervals use %d resamples "
                        + "and seed %d, so the same inputs and seed give the same numbers. Their coverage at few seeds"
                        + " is measured in docs/statistics.md.",
                iv.level(), iv.method().cliName(), iv.describe(dev.ablate4j.stats.Intervals.Statistic.MEAN),
                iv.describe(dev.ablate4j.stats.Intervals.Statistic.DIFF_MEANS),
                iv.describe(dev.ablate4j.stats.Intervals.Statistic.IQM),
                iv.describe(dev.ablate4j.stats.Intervals.Statistic.PROB_IMPROVEMENT),
                iv.describe(dev.ablate4j.stats.Intervals.Statistic.EFFECT), ctx.options.resamples(), ctx.options.seed());
    }

    /** Runs per config and environment, labelled "config" (or "config on env" with several environments). */
    private static java.util.Map<String, Integer> runsPerConfig(ReportContext ctx) {
        java.util.Map<String, Integer> m = new java.util.LinkedHashMap<>();
        boolean several = ctx.summary.size() > 1;
        ctx.summary.forEach((env, rows) -> rows.forEach(r -> m.put(r.cell().label() + (several ? " on " + env : ""), r.n())));
        return m;
    }
}
