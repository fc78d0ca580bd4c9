package dev.ablate4j.report.sections;

import dev.ablate4j.report.Block;
import dev.ablate4j.report.ComparisonRow;
import dev.ablate4j.report.Figure;
import dev.ablate4j.report.Fmt;
import dev.ablate4j.report.OptimizationNames;
import dev.ablate4j.report.ReportContext;
import dev.ablate4j.report.Run;
import dev.ablate4j.report.Score;
import dev.ablate4j.report.SummaryRow;
import dev.ablate4j.report.Table;
import dev.ablate4j.results.Returns;
import dev.ablate4j.results.RunFiles;
import dev.ablate4j.stats.FactorialEffects;
import dev.ablate4j.stats.Intervals;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.jfree.chart.JFreeChart;

/** The pages of one environment: curves, final returns, comparisons, optimizations, trust region. */
public final class EnvSection {

    private EnvSection() {}

    public static List<Block> blocks(ReportContext ctx, String env) {
        List<Block> out = new ArrayList<>();
        List<SummaryRow> rows = ctx.summary.get(env);
        int runs = rows.stream().mapToInt(SummaryRow::n).sum();
        out.add(new Block.Heading(1, "Environment: " + env));
        out.add(new Block.Paragraph(String.format(Locale.ROOT, "%d runs in %d configs%s.", runs, rows.size(),
                stepsTrained(ctx, env, rows))));
        for (Figure f : CurveFigures.learningCurves(ctx, env)) {
            out.add(new Block.FigureBlock(f));
        }
        out.add(new Block.Heading(2, "Final return: " + env));
        out.add(new Block.TableBlock(finalTable(ctx, rows), FewRuns.append((ctx.options.score() == Score.EVAL
                ? "Final return = the score chosen with --score eval: mean evaluation return (" + RunFiles.EVAL + ")"
                : "Final return = mean of the last " + Returns.FINAL_WINDOW + " iterations' mean episode return")
                + "; max = best per-iteration mean return during "
                + "training. Intervals over seeds: " + pct(ctx) + " " + ctx.intervals.describe(Intervals.Statistic.MEAN)
                + " for the mean, " + ctx.intervals.describe(Intervals.Statistic.IQM) + " for the IQM; n/a: fewer than"
                + " two runs or no spread. Bold: highest mean final return.", rows)));
        out.add(new Block.FigureBlock(finalFigure(ctx, env, rows)));
        List<ComparisonRow> comps = ctx.comparisons.get(env);
        out.add(new Block.Heading(2, "Against the baseline: " + env));
        if (comps.isEmpty()) {
            out.add(new Block.Paragraph("The baseline '" + ctx.baseline.label() + "' has no runs here, or no other config does."));
        } else {
            out.add(new Block.TableBlock(comparisonTable(ctx, env, comps), FewRuns.append("Each config against the baseline '"
                    + ctx.baseline.label() + "'. CI of Δ: " + ctx.intervals.describe(Intervals.Statistic.DIFF_MEANS)
                    + ". p-values: Welch's t-test and Mann–Whitney U ("
                    + mannWhitneyMethods(comps) + "), both Holm-adjusted over the " + comps.size()
                    + " comparisons in this environment. g: Hedges' bias-corrected standardized difference. "
                    + "P(improve): probability that a run of the config beats a run of the baseline, with a "
                    + ctx.intervals.describe(Intervals.Statistic.PROB_IMPROVEMENT) + " interval.", rows)));
        }
        List<String> factors = OptimizationFigures.factors(ctx.tree, env);
        out.add(new Block.Heading(2, "Per optimization: " + env));
        if (factors.isEmpty()) {
            out.add(new Block.Paragraph("No optimization is on in some runs and off in others here."));
        } else {
            for (Figure f : OptimizationFigures.onOff(ctx, env, factors)) {
                out.add(new Block.FigureBlock(f));
            }
            FactorialEffects.Result res = OptimizationFigures.effects(ctx, env, factors);
            out.add(new Block.FigureBlock(OptimizationFigures.forest(ctx, env, res)));
            out.add(new Block.TableBlock(OptimizationFigures.effectsTable(ctx, env, res),
                    FewRuns.append("Factorial main effects on final return, pooled over the other settings; " + pct(ctx)
                            + " intervals: " + ctx.intervals.describe(Intervals.Statistic.EFFECT)
                            + " (n/a: a config with a single run, or no spread).", rows)));
            for (List<String> group : OptimizationFigures.aliased(ctx.tree, env, factors)) {
                out.add(new Block.Paragraph("Confounded here: " + String.join(", ", group.stream()
                        .map(OptimizationNames::legend).toList()) + " were switched together (or exactly"
                        + " opposite) in every run, so their effects cannot be told apart: the charts and the table above"
                        + " show them as one entry; a factorial design separates them."));
            }
            Figure heat = OptimizationFigures.heatmap(ctx, env, factors, res);
            if (heat != null) {
                out.add(new Block.FigureBlock(heat));
            } else if (factors.size() > 1) {
                out.add(new Block.Paragraph("No two-way interaction is estimable: no pair of switches was run in all "
                        + "four on/off combinations (e.g. a one-at-a-time ablation)."));
            }
        }
        Figure trust = CurveFigures.trustRegion(ctx, env);
        out.add(new Block.Heading(2, "Trust region: " + env));
        if (trust == null) {
            out.add(new Block.Paragraph("No run in this environment recorded trust_region.csv."));
        } else {
            out.add(new Block.FigureBlock(trust));
            Block.TableBlock numbers = TrustRegionTable.of(ctx, env);
            if (numbers != null) {
                out.add(numbers);
            }
        }
        return out;
    }

    /**
     * ", N environment steps each", from the steps the runs trained: with the configured budget when
     * it was rounded to whole iterations, and each budget with its configs when they differ (by one
     * iteration at most, as the report compares them); empty when no run records a budget.
     */
    static String stepsTrained(ReportContext ctx, String env, List<SummaryRow> rows) {
        Map<Long, List<String>> byTrained = new TreeMap<>();
        Set<Long> configured = new TreeSet<>();
        for (SummaryRow row : rows) {
            for (Run r : ctx.tree.runs(env, row.cell().key())) {
                Long trained = r.trainedSteps();
                if (trained != null) {
                    List<String> labels = byTrained.computeIfAbsent(trained, t -> new ArrayList<>());
                    if (!labels.contains(row.cell().label())) {
                        labels.add(row.cell().label());
                    }
                    configured.add((long) r.number("steps"));
                }
            }
        }
        if (byTrained.isEmpty()) {
            return "";
        }
        if (byTrained.size() == 1) {
            long trained = byTrained.keySet().iterator().next();
            return ", " + trained + " environment steps each" + (configured.equals(Set.of(trained)) ? ""
                    : " (steps " + join(configured) + " rounded to whole iterations)");
        }
        List<String> parts = new ArrayList<>();
        byTrained.forEach((trained, labels) -> parts.add(trained + " (" + (labels.size() > 3 ? labels.size() + " configs"
                : String.join(", ", labels)) + ")"));
        return "; environment steps trained: " + String.join("; ", parts) + " (configured steps " + join(configured)
                + ", each rounded to whole iterations up or down as its config's steps-rounding says; compared, as"
                + " they differ by one iteration at most)";
    }

    private static String join(Set<Long> values) {
        return String.join(" or ", values.stream().map(String::valueOf).toList());
    }

    private static String pct(ReportContext ctx) {
        return Math.round(ctx.boot.confidence() * 100) + "%";
    }

    private static Table finalTable(ReportContext ctx, List<SummaryRow> rows) {
        String p = pct(ctx);
        Table.Builder t = new Table.Builder(List.of("config", "n", "mean", p + " CI", "median", "IQM", "IQM " + p + " CI",
                "std", "max (mean)"), 1);
        double best = rows.stream().mapToDouble(SummaryRow::mean).max().orElse(Double.NaN);
        for (SummaryRow r : rows) {
            List<String> cells = List.of(r.cell().label() + (r.cell().key().equals(ctx.baseline.key()) ? " (baseline)" : ""),
                    "" + r.n(), Fmt.num(r.mean()), Fmt.ci(r.meanCi()), Fmt.num(r.median()), Fmt.num(r.iqm()),
                    Fmt.ci(r.iqmCi()), Fmt.num(r.std()), Fmt.num(r.maxMean()));
            if (r.mean() == best) {
                t.boldRow(cells);
            } else {
                t.row(cells);
            }
        }
        return t.build();
    }

    private static Figure finalFigure(ReportContext ctx, String env, List<SummaryRow> rows) {
        List<IntervalChart.Item> items = new ArrayList<>();
        for (SummaryRow r : rows) {
            items.add(new IntervalChart.Item(r.cell().label(), r.mean(), r.meanCi().lo(), r.meanCi().hi(), ctx.color(r.cell())));
        }
        JFreeChart chart = IntervalChart.create("Final return: " + env, "final return (mean over seeds)", items, Double.NaN);
        return new Figure("final-return_" + ReportContext.slug(env), "Mean final return per config: " + env,
                "Mean final return per config with its " + pct(ctx) + " " + ctx.intervals.describe(Intervals.Statistic.MEAN)
                        + " interval over seeds (none drawn where there is no interval).",
                List.of(chart), 1, 760, Math.max(240, 80 + 34 * items.size()));
    }

    private static Table comparisonTable(ReportContext ctx, String env, List<ComparisonRow> comps) {
        String p = pct(ctx);
        Table.Builder t = new Table.Builder(List.of("config", "n", "mean", "Δ mean", p + " CI of Δ", "Welch p (Holm)",
                "MW p (Holm)", "Hedges' g", "P(improve)", p + " CI"), 1);
        for (ComparisonRow c : comps) {
            var s = c.stats();
            t.row(List.of(c.cell().label(), "" + s.nX(), Fmt.num(s.meanX()), Fmt.num(s.meanX() - s.meanY()),
                    Fmt.ci(s.ci95DiffMeans()), Fmt.p(c.welchPHolm()), Fmt.p(c.mannWhitneyPHolm()), Fmt.num(s.hedgesG()),
                    Fmt.prob(s.probImprovement()), Fmt.probCi(s.probImprovementCi())));
        }
        return t.build();
    }

    /** Which Mann–Whitney p-values the table holds: exact, asymptotic, or which rows are which. */
    static String mannWhitneyMethods(List<ComparisonRow> comps) {
        long exact = comps.stream().filter(c -> c.stats().mannWhitney().exact()).count();
        String asymptotic = "normal approximation with tie and continuity correction";
        String exactText = "exact distribution of U, as the samples have no ties and at most "
                + dev.ablate4j.stats.MannWhitney.EXACT_MAX_N + " runs together";
        if (exact == comps.size()) {
            return exactText;
        }
        if (exact == 0) {
            return asymptotic;
        }
        return exactText + " for " + exact + " of the " + comps.size() + " comparisons, " + asymptotic
                + " for the others (ties or larger samples)";
    }
}
