package dev.ablate4j.report;

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
                if (v instanceof Boolean b && !ResultsReader.NOT_CONFIG.contains(k)) {
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

    static List<Figure> onOff(ReportContext ctx, String env, List<String> factors) {
        List<Figure> figures = new ArrayList<>();
        int parts = (factors.size() + PANELS_PER_FIGURE - 1) / PANELS_PER_FIGURE;
        for (int p = 0; p < parts; p++) {
            List<JFreeChart> panels = new ArrayList<>();
            for (String f : factors.subList(p * PANELS_PER_FIGURE, Math.min(factors.size(), (p + 1) * PANELS_PER_FIGURE))) {
                List<Double> on = new ArrayList<>();
                List<Double> off = new ArrayList<>();
                for (Run r : ctx.tree.runs(env)) {
                    Boolean b = r.flag(f);
                    if (b != null) {
                        (b ? on : off).add(r.finalReturn());
                    }
                }
                panels.add(OnOffChart.create(OptimizationNames.legend(f), toArray(on), toArray(off)));
            }
            String part = parts > 1 ? String.format(Locale.ROOT, " (%d/%d)", p + 1, parts) : "";
            String caption = "For each optimization, the fraction of runs whose final return is at least x, among runs "
                    + "with the optimization on (blue, solid) and off (vermillion, dashed), pooled over every other "
                    + "setting (the paper's ablation figure). A curve further right is better.";
            figures.add(new Figure("per-optimization_" + ReportContext.slug(env) + (parts > 1 ? "_" + (p + 1) : ""),
                    "Fraction of runs ≥ x, on vs off: " + env + part, caption, panels, 3, 340, 290));
        }
        return figures;
    }

    /**
     * Groups of two or more factors that are confounded in this env's runs: on and off in exactly the
     * same runs (or each exactly when the other is off), so their effects are one effect measured
     * several times. Typical of preset comparisons, where a preset turns several switches at once.
     */
    static List<List<String>> aliased(ResultsTree tree, String env, List<String> factors) {
        Map<String, List<String>> byPattern = new java.util.LinkedHashMap<>();
        List<Run> runs = tree.runs(env);
        for (String f : factors) {
            StringBuilder pattern = new StringBuilder();
            for (Run r : runs) {
                Boolean b = r.flag(f);
                pattern.append(b == null ? '?' : b ? '1' : '0');
            }
            String p = pattern.toString();
            int first = firstKnown(p);
            if (first >= 0 && p.charAt(first) == '0') {
                p = p.replace('0', 'x').replace('1', '0').replace('x', '1'); // opposite switches alias too
            }
            byPattern.computeIfAbsent(p, k -> new ArrayList<>()).add(f);
        }
        return byPattern.values().stream().filter(g -> g.size() > 1).toList();
    }

    private static int firstKnown(String pattern) {
        for (int i = 0; i < pattern.length(); i++) {
            if (pattern.charAt(i) != '?') {
                return i;
            }
        }
        return -1;
    }

    /** Factorial analysis of the env's runs over {@code factors}. */
    static FactorialEffects.Result effects(ReportContext ctx, String env, List<String> factors) {
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
        List<IntervalChart.Item> items = new ArrayList<>();
        for (FactorialEffects.Effect e : res.mainEffects()) {
            items.add(new IntervalChart.Item(OptimizationNames.legend(e.factor()), e.estimate(), e.ci().lo(), e.ci().hi(), -1));
        }
        JFreeChart chart = IntervalChart.create("Main effects: " + env, "effect on final return (on − off)", items, 0);
        String caption = "Main effect of each switch: mean final return of runs with it on minus runs with it off, "
                + "pooled over all other settings, with a " + ctx.intervals.level() + " interval: "
                + ctx.intervals.describe(dev.ablate4j.stats.Intervals.Statistic.EFFECT) + ". In a one-at-a-time design the \"off\" "
                + "side is a single config, so read these as that config against all others.";
        return new Figure("main-effects_" + ReportContext.slug(env), "Factorial main effects: " + env, caption,
                List.of(chart), 1, 760, Math.max(260, 80 + 42 * items.size()));
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
        List<String> names = used.stream().map(OptimizationNames::legend).toList();
        JFreeChart chart = HeatmapChart.create("Two-way interactions: " + env, names, v);
        String caption = "Interaction of each pair of switches: ½[(μ₁₁ − μ₀₁) − (μ₁₀ − μ₀₀)] on final return, where "
                + "μ_ab is the mean over runs with the first switch at a and the second at b (pooled over the rest). "
                + "Orange: the pair helps more together than apart; blue: less. Blank: a combination was never run. "
                + "Only switches with at least one estimable interaction are shown.";
        int size = Math.max(300, 180 + 80 * (k - 1));
        return new Figure("interactions_" + ReportContext.slug(env), "Two-way interactions: " + env, caption,
                List.of(chart), 1, size + 140, size);
    }

    static Table effectsTable(ReportContext ctx, String env, FactorialEffects.Result res) {
        Table.Builder t = new Table.Builder(List.of("optimization", "runs on", "runs off", "effect (on − off)",
                Math.round(ctx.boot.confidence() * 100) + "% CI"), 1);
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
            t.row(List.of(OptimizationNames.legend(e.factor()), "" + on, "" + off, Fmt.num(e.estimate()), Fmt.ci(e.ci())));
        }
        return t.build();
    }

    private static double[] toArray(List<Double> l) {
        return l.stream().mapToDouble(Double::doubleValue).toArray();
    }
}
