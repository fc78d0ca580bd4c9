package dev.ablate4j.report.sections;

import dev.ablate4j.report.Figure;
import dev.ablate4j.report.Fmt;
import dev.ablate4j.report.OptimizationNames;
import dev.ablate4j.report.ReportContext;
import dev.ablate4j.report.ResultsTree;
import dev.ablate4j.report.Run;
import dev.ablate4j.report.Table;
import dev.ablate4j.results.ConfigFile;
import dev.ablate4j.stats.FactorialEffects;
import dev.ablate4j.stats.Seeds;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.jfree.chart.JFreeChart;

/**
 * What each optimization did in one environment: the paper's on/off figure and the factorial main
 * effects and interactions.
 */
final class OptimizationFigures {

    /** On/off panels per figure (3 columns × 2 rows). */
    static final int PANELS_PER_FIGURE = 6;

    private OptimizationFigures() {}

    /**
     * On/off factors of an env: boolean config keys that are on in some runs and off in others; the
     * ten optimizations first in the paper's order, then other switches alphabetically.
     */
    static List<String> factors(ResultsTree tree, String env) {
        Map<String, boolean[]> seen = new TreeMap<>();
        for (Run r : tree.runs(env)) {
            r.config().forEach((k, v) -> {
                if (v instanceof Boolean b && !ConfigFile.NOT_CONFIG.contains(k)) {
                    seen.computeIfAbsent(k, x -> new boolean[2])[b ? 1 : 0] = true;
                }
            });
        }
        List<String> out = new ArrayList<>();
        for (String k : OptimizationNames.keys()) {
            if (seen.containsKey(k) && seen.get(k)[0] && seen.get(k)[1]) {
                out.add(k);
            }
        }
        for (String k : new TreeSet<>(seen.keySet())) {
            if (!out.contains(k) && seen.get(k)[0] && seen.get(k)[1]) {
                out.add(k);
            }
        }
        return out;
    }

    /**
     * The paper's "fraction of runs ≥ x" panels: one per group of confounded switches
     * ({@link FactorGroups}), never one per switch that the runs cannot tell apart.
     */
    static List<Figure> onOff(ReportContext ctx, String env, List<String> factors) {
        List<FactorGroups.Group> groups = FactorGroups.of(ctx.tree, env, factors);
        List<Figure> figures = new ArrayList<>();
        int parts = (groups.size() + PANELS_PER_FIGURE - 1) / PANELS_PER_FIGURE;
        for (int p = 0; p < parts; p++) {
            List<FactorGroups.Group> part = groups.subList(p * PANELS_PER_FIGURE,
                    Math.min(groups.size(), (p + 1) * PANELS_PER_FIGURE));
            List<JFreeChart> panels = new ArrayList<>();
            for (FactorGroups.Group g : part) {
                List<Double> on = new ArrayList<>();
                List<Double> off = new ArrayList<>();
                for (Run r : ctx.tree.runs(env)) {
                    Boolean b = r.flag(g.representative());
                    if (b != null) {
                        (b ? on : off).add(r.finalReturn());
                    }
                }
                panels.add(OnOffChart.create(g.label(), toArray(on), toArray(off)));
            }
            String partLabel = parts > 1 ? String.format(Locale.ROOT, " (%d/%d)", p + 1, parts) : "";
            String caption = "For each optimization, the fraction of runs whose final return is at least x, among runs "
                    + "with the optimization on (blue, solid) and off (vermillion, dashed), pooled over every other "
                    + "setting (the paper's ablation figure). A curve further right is better."
                    + confoundedCaption(groups);
            int columns = Math.min(3, part.size());
            figures.add(new Figure("per-optimization_" + ReportContext.slug(env) + (parts > 1 ? "_" + (p + 1) : ""),
                    "Fraction of runs ≥ x, on vs off: " + env + partLabel, caption, panels, columns, 340, 290));
        }
        return figures;
    }

    /** Caption sentence for charts that merge confounded switches, or "" when none are. */
    static String confoundedCaption(List<FactorGroups.Group> groups) {
        if (groups.stream().noneMatch(FactorGroups.Group::confounded)) {
            return "";
        }
        return " Switches that were on and off in exactly the same runs (or exactly opposite) are one entry, named "
                + "together and marked \"confounded\": these runs cannot tell their effects apart (\"off\" after a "
                + "name: that switch was off when the others were on).";
    }

    /** The env's factors grouped by confounding (see {@link FactorGroups}). */
    static List<FactorGroups.Group> groups(ReportContext ctx, String env) {
        return FactorGroups.of(ctx.tree, env, factors(ctx.tree, env));
    }

    /**
     * Groups of two or more factors that are confounded in this env's runs: on and off in exactly the
     * same runs (or each exactly when the other is off), so their effects are one effect measured
     * several times. Typical of preset comparisons, where a preset turns several switches at once.
     */
    static List<List<String>> aliased(ResultsTree tree, String env, List<String> factors) {
        return FactorGroups.confounded(tree, env, factors).stream().map(FactorGroups.Group::keys).toList();
    }

    /**
     * Factorial analysis of the env's runs over {@code factors}, one factor per group of confounded
     * switches (its representative), so no effect is reported for a switch the runs cannot separate.
     */
    static FactorialEffects.Result effects(ReportContext ctx, String env, List<String> allFactors) {
        List<String> factors = FactorGroups.representatives(FactorGroups.of(ctx.tree, env, allFactors));
        List<FactorialEffects.Observation> obs = new ArrayList<>();
        for (Run r : ctx.tree.runs(env)) {
            Map<String, Boolean> levels = new TreeMap<>();
            for (String f : factors) {
                Boolean b = r.flag(f);
                if (b != null) {
                    levels.put(f, b);
                }
            }
            obs.add(new FactorialEffects.Observation(r.cellKey(), levels, r.finalReturn()));
        }
        return FactorialEffects.analyze(obs, factors, ctx.intervals, Seeds.stream(ctx.seed(), "factorial", env));
    }

    static Figure forest(ReportContext ctx, String env, FactorialEffects.Result res) {
        List<FactorGroups.Group> groups = groups(ctx, env);
        List<IntervalChart.Item> items = new ArrayList<>();
        for (FactorialEffects.Effect e : res.mainEffects()) {
            items.add(new IntervalChart.Item(FactorGroups.byRepresentative(groups, e.factor()).label(), e.estimate(),
                    e.ci().lo(), e.ci().hi(), -1));
        }
        JFreeChart chart = IntervalChart.create("Main effects: " + env, "effect on final return (on − off)", items, 0);
        String caption = "Main effect of each switch: mean final return of runs with it on minus runs with it off, "
                + "pooled over all other settings, with a " + ctx.intervals.level() + " interval: "
                + ctx.intervals.describe(dev.ablate4j.stats.Intervals.Statistic.EFFECT) + ". In a one-at-a-time design the \"off\" "
                + "side is a single config, so read these as that config against all others." + confoundedCaption(groups);
        return new Figure("main-effects_" + ReportContext.slug(env), "Factorial main effects: " + env, caption,
                List.of(chart), 1, forestWidth(items), Math.max(260, 80 + 42 * items.size()));
    }

    /** Width of a forest plot: wider when a label (a confounded group's) would squeeze the plot. */
    static int forestWidth(List<IntervalChart.Item> items) {
        int longest = items.stream().mapToInt(i -> i.label().length()).max().orElse(0);
        return Math.max(760, 440 + 7 * longest);
    }

    /** Heat map of the estimable two-way interactions, or null when none is estimable. */
    static Figure heatmap(ReportContext ctx, String env, List<String> factors, FactorialEffects.Result res) {
        List<String> used = new ArrayList<>();
        for (String f : factors) {
            boolean estimable = res.interactions().stream().anyMatch(e -> Double.isFinite(e.estimate())
                    && (e.factor().equals(f) || e.secondFactor().equals(f)));
            if (estimable) {
                used.add(f);
            }
        }
        if (used.isEmpty()) {
            return null;
        }
        List<FactorGroups.Group> groups = groups(ctx, env);
        if (used.size() == 2) {
            return interactionPlot(ctx, env, used, groups, res);
        }
        int k = used.size();
        double[][] v = new double[k][k];
        for (double[] row : v) {
            java.util.Arrays.fill(row, Double.NaN);
        }
        for (FactorialEffects.Effect e : res.interactions()) {
            int i = used.indexOf(e.secondFactor());
            int j = used.indexOf(e.factor());
            if (i >= 0 && j >= 0) {
                v[i][j] = e.estimate();
            }
        }
        List<String> names = used.stream().map(f -> FactorGroups.byRepresentative(groups, f).label()).toList();
        JFreeChart chart = HeatmapChart.create("Two-way interactions: " + env, names, v);
        String caption = "Interaction of each pair of switches: ½[(μ₁₁ − μ₀₁) − (μ₁₀ − μ₀₀)] on final return, where "
                + "μ_ab is the mean over runs with the first switch at a and the second at b (pooled over the rest). "
                + "Orange: the pair helps more together than apart; blue: less. Blank: a combination was never run. "
                + "Only switches with at least one estimable interaction are shown.";
        int size = Math.max(300, 180 + 80 * (k - 1));
        return new Figure("interactions_" + ReportContext.slug(env), "Two-way interactions: " + env, caption,
                List.of(chart), 1, size + 140, size);
    }

    /**
     * The one estimable pair as an interaction plot: the four cell means with Student-t intervals
     * over their runs (pooled over any other setting), a line for the second factor off and one for on.
     */
    private static Figure interactionPlot(ReportContext ctx, String env, List<String> pair,
            List<FactorGroups.Group> groups, FactorialEffects.Result res) {
        String a = pair.get(0);
        String b = pair.get(1);
        List<List<Double>> scores = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            scores.add(new ArrayList<>());
        }
        for (Run r : ctx.tree.runs(env)) {
            Boolean la = r.flag(a);
            Boolean lb = r.flag(b);
            if (la != null && lb != null && Double.isFinite(r.finalReturn())) {
                scores.get((la ? 2 : 0) + (lb ? 1 : 0)).add(r.finalReturn());
            }
        }
        InteractionChart.Cell[][] cells = new InteractionChart.Cell[2][2];
        int fewest = Integer.MAX_VALUE;
        for (int i = 0; i < 4; i++) {
            double[] v = toArray(scores.get(i));
            cells[i / 2][i % 2] = CellInterval.of(v, ctx.boot.confidence());
            fewest = Math.min(fewest, v.length);
        }
        String nameA = FactorGroups.byRepresentative(groups, a).label();
        String nameB = FactorGroups.byRepresentative(groups, b).label();
        FactorialEffects.Effect effect = res.interactions().stream()
                .filter(e -> e.factor().equals(a) && e.secondFactor().equals(b)).findFirst().orElse(null);
        String pct = Math.round(ctx.boot.confidence() * 100) + "%";
        String sub = effect == null ? null : "interaction ½[(μ₁₁ − μ₀₁) − (μ₁₀ − μ₀₀)] = " + Fmt.num(effect.estimate())
                + ", " + pct + " CI " + Fmt.ci(effect.ci());
        JFreeChart chart = InteractionChart.create("Interaction: " + env, nameA, nameB, cells, sub);
        String caption = "Mean final return of each of the four combinations of " + nameA + " (x axis) and " + nameB
                + " (blue, solid: on; vermillion, dashed: off), pooled over any other setting, with a " + pct
                + " Student-t interval of each mean over its runs" + (fewest < 2 ? " (none where a combination has a"
                + " single run)" : "") + ". Parallel lines mean no interaction; lines that spread apart or cross mean"
                + " the two switches act together. The interaction above the chart is half the difference of the two"
                + " slopes, with the interval of the factorial analysis: "
                + ctx.intervals.describe(dev.ablate4j.stats.Intervals.Statistic.EFFECT) + "."
                + confoundedCaption(groups);
        return new Figure("interactions_" + ReportContext.slug(env), "Two-way interactions: " + env, caption,
                List.of(chart), 1, 620, 440);
    }

    static Table effectsTable(ReportContext ctx, String env, FactorialEffects.Result res) {
        Table.Builder t = new Table.Builder(List.of("optimization", "runs on", "runs off", "effect (on − off)",
                Math.round(ctx.boot.confidence() * 100) + "% CI"), 1);
        List<FactorGroups.Group> groups = groups(ctx, env);
        for (FactorialEffects.Effect e : res.mainEffects()) {
            int on = 0;
            int off = 0;
            for (Run r : ctx.tree.runs(env)) {
                Boolean b = r.flag(e.factor());
                if (b != null) {
                    on += b ? 1 : 0;
                    off += b ? 0 : 1;
                }
            }
            t.row(List.of(FactorGroups.byRepresentative(groups, e.factor()).label(), "" + on, "" + off, Fmt.num(e.estimate()), Fmt.ci(e.ci())));
        }
        return t.build();
    }

    private static double[] toArray(List<Double> l) {
        return l.stream().mapToDouble(Double::doubleValue).toArray();
    }
}
