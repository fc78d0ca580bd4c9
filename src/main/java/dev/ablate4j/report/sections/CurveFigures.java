package dev.ablate4j.report.sections;

import dev.ablate4j.report.Figure;
import dev.ablate4j.report.Fmt;
import dev.ablate4j.report.ReportContext;
import dev.ablate4j.report.ResultCell;
import dev.ablate4j.report.Run;
import dev.ablate4j.report.SummaryRow;
import dev.ablate4j.report.TrustRegionSeries;
import dev.ablate4j.report.Values;
import dev.ablate4j.stats.Descriptive;
import dev.ablate4j.stats.Interval;
import dev.ablate4j.stats.Seeds;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.jfree.chart.JFreeChart;

/** Figures over training time: learning curves and the trust-region measurements. */
final class CurveFigures {

    /** Most points drawn per learning curve (iterations are subsampled evenly beyond that). */
    static final int MAX_POINTS = 100;
    /** Most configs in the trust-region chart (two lines each). */
    static final int MAX_TRUST_CELLS = 5;

    private CurveFigures() {}

    static List<Figure> learningCurves(ReportContext ctx, String env) {
        List<ResultCell> cells = ctx.tree.cellsIn(env);
        double unit = stepUnit(ctx, env);
        Map<String, BandChart.Series> series = new TreeMap<>();
        for (ResultCell c : cells) {
            series.put(c.key(), curve(ctx, env, c, unit));
        }
        String caption = "Mean over seeds of the per-iteration mean episode return; shaded: " + pct(ctx)
                + " " + ctx.intervals.describe(dev.ablate4j.stats.Intervals.Statistic.MEAN)
                + " interval of that mean over seeds (none where fewer than two seeds reached the iteration).";
        return BandFigures.build(ctx, "learning-curves_" + ReportContext.slug(env), "Learning curves: " + env, caption,
                stepLabel(unit), "mean episode return", cells,
                series);
    }

    private static String pct(ReportContext ctx) {
        return Math.round(ctx.boot.confidence() * 100) + "%";
    }

    static Map<String, Double> finalMeans(ReportContext ctx, String env) {
        Map<String, Double> m = new TreeMap<>();
        for (SummaryRow r : ctx.summary.get(env)) {
            m.put(r.cell().key(), r.mean());
        }
        return m;
    }

    /** Mean curve and band of one cell, aligned by iteration index. */
    private static BandChart.Series curve(ReportContext ctx, String env, ResultCell c, double unit) {
        List<Run> runs = ctx.tree.runs(env, c.key());
        int len = runs.stream().mapToInt(r -> r.meanReturn().length).max().orElse(0);
        int stride = Math.max(1, (len + MAX_POINTS - 1) / MAX_POINTS);
        List<Integer> idx = new ArrayList<>();
        for (int i = len - 1; i >= 0; i -= stride) {
            idx.add(0, i); // always keep the last iteration
        }
        double[] x = new double[idx.size()];
        double[] y = new double[idx.size()];
        double[] lo = new double[idx.size()];
        double[] hi = new double[idx.size()];
        for (int k = 0; k < idx.size(); k++) {
            int i = idx.get(k);
            List<Double> vals = new ArrayList<>();
            List<Double> steps = new ArrayList<>();
            for (Run r : runs) {
                if (i < r.meanReturn().length) {
                    steps.add(r.envSteps()[i]);
                    if (Double.isFinite(r.meanReturn()[i])) {
                        vals.add(r.meanReturn()[i]);
                    }
                }
            }
            double[] v = vals.stream().mapToDouble(Double::doubleValue).toArray();
            x[k] = Descriptive.mean(steps.stream().mapToDouble(Double::doubleValue).toArray()) / unit;
            y[k] = Descriptive.mean(v);
            Interval band = ctx.intervals.mean(v, Seeds.stream(ctx.seed(), "curve", env, c.key(), "" + i));
            if (!band.isFinite()) {
                band = new Interval(y[k], y[k]); // keep the mean line; no band where there is no interval
            }
            lo[k] = band.lo();
            hi[k] = band.hi();
        }
        return new BandChart.Series(c.label(), ctx.color(c), x, y, lo, hi);
    }

    /** Trust-region figure of an env, or null when no run there has trust-region data. */
    static Figure trustRegion(ReportContext ctx, String env) {
        List<ResultCell> withData = ctx.tree.cellsIn(env).stream()
                .filter(c -> ctx.tree.runs(env, c.key()).stream().anyMatch(r -> r.trustRegion() != null))
                .toList();
        if (withData.isEmpty()) {
            return null;
        }
        List<ResultCell> shown = trustCells(ctx, withData);
        List<LineChart.Series> ratio = new ArrayList<>();
        List<LineChart.Series> kl = new ArrayList<>();
        Set<String> eps = new LinkedHashSet<>();
        Set<String> delta = new LinkedHashSet<>();
        double maxRatio = 0;
        double minRatio = Double.POSITIVE_INFINITY;
        double unit = stepUnit(ctx, env);
        for (ResultCell c : shown) {
            List<Run> data = ctx.tree.runs(env, c.key()).stream().filter(r -> r.trustRegion() != null).toList();
            double[][] mr = average(data, 0, unit);
            double[][] mrh = average(data, 2, unit);
            ratio.add(new LineChart.Series(c.label() + " (train)", ctx.color(c), 0, mr[0], mr[1]));
            ratio.add(new LineChart.Series(c.label() + " (held-out)", ctx.color(c), 1, mrh[0], mrh[1]));
            double[][] k1 = average(data, 1, unit);
            double[][] k2 = average(data, 3, unit);
            kl.add(new LineChart.Series(c.label() + " (train)", ctx.color(c), 0, k1[0], k1[1]));
            kl.add(new LineChart.Series(c.label() + " (held-out)", ctx.color(c), 1, k2[0], k2[1]));
            maxRatio = Math.max(maxRatio, Math.max(Descriptive.max(mr[1]), Descriptive.max(mrh[1])));
            minRatio = Math.min(minRatio, Math.min(Descriptive.min(mr[1]), Descriptive.min(mrh[1])));
            Object algo = c.config().getOrDefault("algo", c.preset());
            String a = algo == null ? "" : algo.toString().toLowerCase(Locale.ROOT);
            if (a.startsWith("ppo") && Double.isFinite(Values.number(c.config(), "clip-eps"))) {
                eps.add(Fmt.compact(1 + Values.number(c.config(), "clip-eps")));
            }
            if (a.startsWith("trpo") && Double.isFinite(Values.number(c.config(), "max-kl"))) {
                delta.add(Fmt.compact(Values.number(c.config(), "max-kl")));
            }
        }
        List<LineChart.Reference> ratioRefs = eps.stream()
                .map(e -> new LineChart.Reference(Double.parseDouble(e), "1 + ε = " + e)).toList();
        List<LineChart.Reference> klRefs = delta.stream()
                .map(d -> new LineChart.Reference(Double.parseDouble(d), "δ = " + d)).toList();
        boolean log = minRatio > 0 && maxRatio / minRatio > 50;
        String xLabel = stepLabel(unit);
        JFreeChart left = LineChart.create("Max probability ratio", xLabel, "max ratio π_new/π_old" + (log ? " (log)" : ""),
                ratio, ratioRefs, log);
        JFreeChart right = LineChart.create("Mean KL(old ‖ new)", xLabel, "mean KL (nats)", kl, klRefs, false);
        String omitted = shown.size() < withData.size()
                ? " Showing " + shown.size() + " of " + withData.size() + " configs with trust-region data ("
                        + withData.stream().filter(c -> !shown.contains(c)).map(ResultCell::label).collect(Collectors.joining(", "))
                        + " left out)."
                : "";
        String caption = "Measured every few iterations after the update, averaged over seeds: the largest ratio "
                + "π_new(a|s)/π_old(a|s) over the samples and the mean KL(π_old ‖ π_new), on the training batch "
                + "(solid) and on a fresh held-out batch (dashed). PPO's clipping targets ratios within 1 ± ε; "
                + "TRPO constrains the mean KL to δ." + omitted;
        return new Figure("trust-region_" + ReportContext.slug(env), "Max ratio and mean KL over training: " + env, caption,
                List.of(left, right), 2, 560, 430);
    }

    /** Preset cells (label = preset) and the baseline first, then the rest in display order. */
    private static List<ResultCell> trustCells(ReportContext ctx, List<ResultCell> withData) {
        List<ResultCell> order = new ArrayList<>();
        for (ResultCell c : withData) {
            if (c.key().equals(ctx.baseline.key()) || c.label().equalsIgnoreCase(c.preset())) {
                order.add(c);
            }
        }
        for (ResultCell c : withData) {
            if (!order.contains(c)) {
                order.add(c);
            }
        }
        List<ResultCell> keep = order.subList(0, Math.min(MAX_TRUST_CELLS, order.size()));
        return withData.stream().filter(keep::contains).toList();
    }

    /** Unit of the environment-step axis of an env's charts: millions from 2M steps on, else thousands. */
    static double stepUnit(ReportContext ctx, String env) {
        double maxSteps = 0;
        for (Run r : ctx.tree.runs(env)) {
            maxSteps = Math.max(maxSteps, Descriptive.max(r.envSteps()));
        }
        return maxSteps >= 2e6 ? 1e6 : 1e3;
    }

    static String stepLabel(double unit) {
        return "environment steps (" + (unit == 1e6 ? "millions" : "thousands") + ")";
    }

    /**
     * Environment steps at the end of iteration {@code iteration} of a run: its metrics row of that
     * index (iterations are numbered from 0, one metrics row each); past the last row, extrapolated
     * with the run's steps per iteration.
     */
    static double stepsAt(Run r, double iteration) {
        double[] steps = r.envSteps();
        int i = (int) iteration;
        if (i >= 0 && i < steps.length && i == iteration) {
            return steps[i];
        }
        double perIteration = steps.length == 0 ? Double.NaN : steps[0];
        return (iteration + 1) * perIteration;
    }

    /**
     * Mean over runs of column {@code col} (0..3 after iteration), by the env steps of the measured
     * iteration (in {@code unit}): {x[], y[]}.
     */
    private static double[][] average(List<Run> runs, int col, double unit) {
        TreeMap<Double, double[]> acc = new TreeMap<>();
        for (Run run : runs) {
            TrustRegionSeries t = run.trustRegion();
            double[] v = switch (col) {
                case 0 -> t.maxRatioTrain();
                case 1 -> t.meanKlTrain();
                case 2 -> t.maxRatioHeldout();
                default -> t.meanKlHeldout();
            };
            for (int i = 0; i < v.length; i++) {
                if (Double.isFinite(v[i])) {
                    double[] s = acc.computeIfAbsent(stepsAt(run, t.iteration()[i]) / unit, k -> new double[2]);
                    s[0] += v[i];
                    s[1]++;
                }
            }
        }
        double[][] out = new double[2][acc.size()];
        int k = 0;
        for (Map.Entry<Double, double[]> e : acc.entrySet()) {
            out[0][k] = e.getKey();
            out[1][k] = e.getValue()[0] / e.getValue()[1];
            k++;
        }
        return out;
    }
}
