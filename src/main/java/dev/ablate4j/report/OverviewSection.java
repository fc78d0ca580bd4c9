package dev.ablate4j.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The report's title and the first page: inputs, settings, baseline, and what was left out. */
final class OverviewSection {

    private OverviewSection() {}

    static List<Block> blocks(ReportContext ctx, List<String> roots) {
        ResultsTree tree = ctx.tree;
        List<Block> out = new ArrayList<>();
        out.add(new Block.Heading(0, "ablate4j report"));
        out.add(new Block.Paragraph(String.format(Locale.ROOT,
                "Results: %s. %d runs used in %d configs and %d environments (%s); %d run directories left out%s.",
                String.join(", ", roots), tree.runs().size(), tree.cells().size(), tree.envs().size(),
                String.join(", ", tree.envs()), tree.excluded().size(),
                tree.excluded().isEmpty() ? "" : " (listed with reasons in the appendix)")));
        out.add(new Block.Paragraph(String.format(Locale.ROOT,
                "Baseline for comparisons: '%s'. Score of a run: final return, the mean of the last %d iterations' "
                        + "mean episode return. Intervals are %d%% percentile bootstrap intervals over seeds "
                        + "(%d resamples, seed %d): the same inputs and seed give the same numbers.",
                ctx.baseline.label(), Run.FINAL_WINDOW, Math.round(ctx.boot.confidence() * 100),
                ctx.options.resamples(), ctx.options.seed())));
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
}
