package dev.ablate4j.report.sections;

import dev.ablate4j.report.Block;
import dev.ablate4j.report.Fmt;
import dev.ablate4j.report.ReferenceSample;
import dev.ablate4j.report.ReportContext;
import dev.ablate4j.report.SummaryRow;
import dev.ablate4j.report.Table;
import dev.ablate4j.report.VerdictRow;
import dev.ablate4j.stats.Descriptive;
import dev.ablate4j.stats.Interval;
import dev.ablate4j.stats.Intervals;
import dev.ablate4j.stats.Seeds;
import java.util.ArrayList;
import java.util.List;

/**
 * The section "Against another implementation", present only with {@code report --reference}: per
 * environment, the baseline's final returns and each reference sample's (n, mean, interval of the
 * mean by the report's method), the comparison of the two with its computed verdict (the
 * {@code reference} rows of the verdict table, so the numbers are those of {@code verdicts.csv}), and
 * each file's comment lines, its own account of where the sample came from.
 */
public final class ReferenceSection {

    /** The section's heading. */
    public static final String TITLE = "Against another implementation";

    private ReferenceSection() {}

    /**
     * @param verdicts every row of the verdict table (only the reference rows are shown)
     * @param margin   the equivalence margin, or null
     */
    public static List<Block> blocks(ReportContext ctx, List<VerdictRow> verdicts, Double margin) {
        List<ReferenceSample> refs = ctx.options.references();
        List<VerdictRow> rows = verdicts.stream().filter(VerdictRow::isReference).toList();
        if (refs.isEmpty() || rows.isEmpty()) {
            return List.of();
        }
        String base = ctx.baseline.label();
        List<Block> out = new ArrayList<>();
        out.add(new Block.Heading(1, TITLE));
        out.add(new Block.Paragraph("The baseline " + base + " against the final returns of runs made by another"
                + " implementation, read from a file (report --reference LABEL=FILE, one row per run). Such a sample"
                + " is not a config of this report: only its final returns are known, and what they mean is the file's"
                + " own account, quoted below. Each comparison is a single one: Welch's t-test, not in the Holm family"
                + " of the configs against the baseline, with the " + ctx.intervals.describe(Intervals.Statistic.DIFF_MEANS)
                + " interval of Δ mean"
                + (margin == null ? "; no equivalence margin is given, so TOST states only the smallest margin it could"
                        + " declare."
                        : " and TOST (two one-sided Welch t-tests, α = 0.05) at ±" + Fmt.compact(margin) + ".")
                + " The verdicts are rows of verdicts.csv (design " + VerdictRow.REFERENCE + ")."));
        String meanMethod = ctx.intervals.describe(Intervals.Statistic.MEAN);
        Table.Builder samples = new Table.Builder(List.of("environment", "sample", "from", "n", "mean",
                ctx.intervals.level() + " CI of the mean"), 3);
        for (String env : ctx.tree.envs()) {
            List<ReferenceSample> here = refs.stream().filter(r -> r.envs().contains(env)).toList();
            if (here.isEmpty()) {
                continue;
            }
            SummaryRow b = ctx.summary.get(env).stream().filter(s -> s.cell().key().equals(ctx.baseline.key()))
                    .findFirst().orElseThrow();
            samples.row(List.of(env, base, "this report's runs (baseline)", "" + b.n(), Fmt.num(b.mean()),
                    Fmt.ci(b.meanCi())));
            for (ReferenceSample r : here) {
                double[] y = r.returns(env);
                Interval ci = ctx.intervals.mean(y, Seeds.stream(ctx.seed(), VerdictRow.REFERENCE + "-mean", env,
                        r.label()));
                samples.row(List.of(env, r.label(), r.file(), "" + y.length, Fmt.num(Descriptive.mean(y)),
                        Fmt.ci(ci)));
            }
        }
        out.add(new Block.TableBlock(samples.build(), "Final returns per sample; the interval of the mean is "
                + meanMethod + " (the baseline's as in summary.csv)."));
        Table.Builder t = new Table.Builder(List.of("environment", "comparison", "verdict", "rule", "n", "Δ mean",
                ctx.intervals.level() + " CI", "Welch p", "TOST p", "smallest margin"), 4);
        for (VerdictRow r : rows) {
            t.row(List.of(r.env(), r.comparison(), r.verdict().text(margin), r.verdict().rule(),
                    r.nX() + " vs " + r.nY(), Fmt.num(r.estimate()), Fmt.ci(r.interval()), Fmt.p(r.holmP()),
                    r.tost() == null ? "-" : Fmt.p(r.tost().p()), Fmt.num(r.smallestMargin())));
        }
        out.add(new Block.TableBlock(t.build(), "Δ mean: " + base + " minus the reference sample. Smallest margin:"
                + " the smallest m for which TOST at α = 0.05 would call the means equivalent within ±m."));
        for (ReferenceSample r : refs) {
            List<String> comments = r.sample().comments();
            if (comments.isEmpty()) {
                out.add(new Block.Paragraph("Where " + r.label() + " came from: " + r.file() + " has no comment lines,"
                        + " so it does not say."));
            } else {
                out.add(new Block.Paragraph("Where " + r.label() + " came from, in the words of " + r.file()
                        + " (its comment lines):"));
                out.add(new Block.Code(String.join("\n", comments.stream().map(c -> "# " + c).toList())
                        .replace('\t', ' ')));
            }
        }
        return out;
    }
}
