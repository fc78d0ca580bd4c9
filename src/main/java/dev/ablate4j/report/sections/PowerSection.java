package dev.ablate4j.report.sections;

import dev.ablate4j.report.Block;
import dev.ablate4j.report.ComparisonRow;
import dev.ablate4j.report.Fmt;
import dev.ablate4j.report.ReportContext;
import dev.ablate4j.report.Table;
import java.util.ArrayList;
import java.util.List;

/** Seeds per config each comparison against the baseline would need for 80% power at α = 0.05. */
public final class PowerSection {

    private PowerSection() {}

    public static List<Block> blocks(ReportContext ctx) {
        Table.Builder t = new Table.Builder(List.of("environment", "config", "Hedges' g", "seeds now (config / baseline)",
                "seeds needed per config"), 2);
        for (String env : ctx.tree.envs()) {
            for (ComparisonRow c : ctx.comparisons.get(env)) {
                var s = c.stats();
                t.row(List.of(env, c.cell().label(), Fmt.num(s.hedgesG()), s.nX() + " / " + s.nY(),
                        Fmt.seeds(s.seedsNeeded(), s.hedgesG())));
            }
        }
        List<Block> out = new ArrayList<>();
        out.add(new Block.Heading(1, "Power analysis"));
        if (t.isEmpty()) {
            out.add(new Block.Paragraph("No comparison against the baseline to analyse."));
            return out;
        }
        out.add(new Block.TableBlock(t.build(), "Seeds per config (and as many for the baseline) that a two-sided "
                + "two-sample t-test at α = 0.05 needs to detect the observed effect size with 80% power (exact "
                + "noncentral-t power). The observed |g| from few seeds is itself uncertain and tends to overstate "
                + "small effects; treat these numbers as a guide to whether more seeds could settle a question."));
        return out;
    }
}
