package dev.ablate4j.report.sections;

import dev.ablate4j.report.Block;
import dev.ablate4j.report.Figure;
import dev.ablate4j.report.Fmt;
import dev.ablate4j.report.ReportContext;
import dev.ablate4j.report.ResultCell;
import dev.ablate4j.report.Run;
import dev.ablate4j.report.Table;
import dev.ablate4j.stats.Descriptive;
import dev.ablate4j.stats.Interval;
import dev.ablate4j.stats.PerformanceProfile;
import dev.ablate4j.stats.Seeds;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jfree.chart.JFreeChart;

/**
 * Aggregates over environments on min–max-normalized final returns (0 = worst run in that env, 1 =
 * best): IQM with a stratified-bootstrap interval and performance profiles.
 */
public final class AcrossEnvSection {

    private AcrossEnvSection() {}

    public static List<Block> blocks(ReportContext ctx) {
        List<Block> out = new ArrayList<>();
        out.add(new Block.Heading(1, "Across environments"));
        List<String> envs = new ArrayList<>();
        Map<String, double[]> range = new TreeMap<>();
        for (String env : ctx.tree.envs()) {
            double[] all = ctx.tree.runs(env).stream().mapToDouble(Run::finalReturn).toArray();
            double lo = Descriptive.min(all);
            double hi = Descriptive.max(all);
            if (hi > lo) {
                envs.add(env);
                range.put(env, new double[] {lo, hi});
            }
        }
        List<ResultCell> cells = ctx.tree.cells().stream()
                .filter(c -> envs.stream().allMatch(e -> !ctx.tree.runs(e, c.key()).isEmpty())).toList();
        if (envs.size() < 2 || cells.isEmpty()) {
            out.add(new Block.Paragraph("Needs at least two environments with spread in final return and configs run "
                    + "in all of them; " + (envs.size() < 2 ? "only " + envs.size() + " environment qualifies."
                            : "no config was run in every environment.")));
            return out;
        }
        String pct = Math.round(ctx.boot.confidence() * 100) + "%";
        Map<String, double[][]> strata = new TreeMap<>();
        for (ResultCell c : cells) {
            double[][] s = new double[envs.size()][];
            for (int e = 0; e < envs.size(); e++) {
                double[] r = range.get(envs.get(e));
                s[e] = ctx.tree.runs(envs.get(e), c.key()).stream()
                        .mapToDouble(run -> (run.finalReturn() - r[0]) / (r[1] - r[0])).toArray();
            }
            strata.put(c.key(), s);
        }
        List<IntervalChart.Item> items = new ArrayList<>();
        Table.Builder table = new Table.Builder(List.of("config", "runs", "IQM (normalized)", pct + " CI",
                "mean (normalized)"), 1);
        for (ResultCell c : cells) {
            double[][] s = strata.get(c.key());
            double iqm = pooledIqm(s);
            Interval ci = ctx.intervals.stratified(s, AcrossEnvSection::pooledIqm,
                    Seeds.stream(ctx.seed(), "aggregate-iqm", c.key()));
            items.add(new IntervalChart.Item(c.label(), iqm, ci.lo(), ci.hi(), ctx.color(c)));
            int n = 0;
            for (double[] x : s) {
                n += x.length;
            }
            table.row(List.of(c.label(), "" + n, Fmt.prob(iqm), Fmt.probCi(ci),
                    Fmt.prob(Descriptive.mean(concat(s)))));
        }
        String envList = String.join(", ", envs);
        out.add(new Block.Paragraph("Scores normalized per environment to [0, 1] by the worst and best final return of "
                + "any run there (" + envList + "). Intervals: stratified bootstrap, resampling seeds within each "
                + "environment (" + ctx.options.resamples() + " resamples), as rliable does, whatever --interval says."));
        JFreeChart iqmChart = IntervalChart.create("Aggregate IQM over " + envs.size() + " environments",
                "IQM of normalized final return", items, Double.NaN);
        out.add(new Block.FigureBlock(new Figure("aggregate-iqm", "Aggregate IQM", "Interquartile mean of the "
                + "normalized final returns of all runs of each config, pooled over environments, with its " + pct
                + " stratified-bootstrap interval.", List.of(iqmChart), 1, 760, Math.max(240, 80 + 34 * items.size()))));
        out.add(new Block.TableBlock(table.build(), "Aggregate scores on normalized final return."));
        double[] taus = PerformanceProfile.grid(0, 1, 51);
        Map<String, BandChart.Series> series = new TreeMap<>();
        for (ResultCell c : cells) {
            double[][] s = strata.get(c.key());
            double[] prof = PerformanceProfile.profile(s, taus);
            Interval[] bands = PerformanceProfile.bands(s, taus, ctx.boot, Seeds.stream(ctx.seed(), "profile", c.key()));
            double[] lo = new double[taus.length];
            double[] hi = new double[taus.length];
            for (int k = 0; k < taus.length; k++) {
                lo[k] = bands[k].lo();
                hi[k] = bands[k].hi();
            }
            series.put(c.key(), new BandChart.Series(c.label(), ctx.color(c), taus, prof, lo, hi));
        }
        for (Figure f : BandFigures.build(ctx, "performance-profiles", "Performance profiles",
                "Fraction of runs whose normalized final return is at least τ, averaged over environments, with " + pct
                        + " stratified-bootstrap bands. A curve further up and right is better.",
                "normalized final return τ", "fraction of runs with score ≥ τ", cells, series)) {
            out.add(new Block.FigureBlock(f));
        }
        return out;
    }

    /** IQM of all values of all strata together. */
    static double pooledIqm(double[][] strata) {
        return Descriptive.iqm(concat(strata));
    }

    private static double[] concat(double[][] strata) {
        int n = 0;
        for (double[] s : strata) {
            n += s.length;
        }
        double[] all = new double[n];
        int k = 0;
        for (double[] s : strata) {
            System.arraycopy(s, 0, all, k, s.length);
            k += s.length;
        }
        return all;
    }
}
