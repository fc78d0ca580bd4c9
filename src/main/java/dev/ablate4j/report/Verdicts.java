package dev.ablate4j.report;

import dev.ablate4j.adaptive.Decision;
import dev.ablate4j.adaptive.Decision.ComparisonState;
import dev.ablate4j.adaptive.FamilywiseReadings;
import dev.ablate4j.adaptive.Setup;
import dev.ablate4j.stats.Comparison;
import dev.ablate4j.stats.Descriptive;
import dev.ablate4j.stats.FactorialEffects;
import dev.ablate4j.stats.Interval;
import dev.ablate4j.stats.Seeds;
import dev.ablate4j.stats.Tost;
import dev.ablate4j.stats.Verdict;
import dev.ablate4j.stats.WelchTest;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Computes the verdict table: per environment, every config against the baseline (fixed design:
 * Holm-adjusted Welch p &lt; α decides), every comparison of an adaptive design found among the
 * results (its group-sequential decision; a pair that is both is judged by its design, since a fixed
 * test on sequentially collected seeds would not hold α) and every main effect such a design decided
 * ({@code main-effects: decided}: the effect and interval the report computes over the design's runs,
 * the verdict of its group-sequential test), and ACLI − AAI where the four presets
 * ran, and last the baseline against each reference sample of {@code --reference} that has runs in the
 * environment ({@link #reference}: a single comparison, outside the Holm family). Undecided
 * comparisons get TOST with the equivalence margin when one is given; every pair
 * states the smallest margin TOST could declare equivalence for.
 */
final class Verdicts {

    private Verdicts() {}

    /** The rows, environments in report order: adaptive comparisons first, then the fixed ones, then ACLI − AAI, then the reference samples. */
    static List<VerdictRow> compute(ReportContext ctx, List<AdaptiveDesigns.Design> designs, Double margin) {
        List<VerdictRow> rows = new ArrayList<>();
        Map<String, ResultCell> presets = AlgorithmEstimates.presetCells(ctx.tree);
        for (String env : ctx.tree.envs()) {
            Set<String> judged = new HashSet<>();
            for (AdaptiveDesigns.Design d : designs) {
                List<ComparisonState> states = d.decision().comparisons();
                for (int i = 0; i < states.size(); i++) {
                    if (!states.get(i).env().equals(env)) {
                        continue;
                    }
                    VerdictRow row = adaptive(ctx, d, i, margin);
                    if (row != null) {
                        rows.add(row);
                        judged.add(pairKey(env, row.x().key(), row.y().key()));
                    }
                }
                rows.addAll(mainEffects(ctx, d, env));
            }
            for (ComparisonRow c : ctx.comparisons.getOrDefault(env, List.of())) {
                if (judged.add(pairKey(env, c.cell().key(), ctx.baseline.key()))) {
                    rows.add(fixed(ctx, env, c, margin));
                }
            }
            if (presets.size() == AlgorithmEstimates.PRESETS.size()) {
                AlgorithmEstimates.Estimates e = AlgorithmEstimates.estimates(ctx, presets, env);
                if (e != null) {
                    rows.add(new VerdictRow(env, "AAI/ACLI", null, null, "ACLI − AAI", 0, 0, e.values()[2],
                            e.intervals()[2], Double.NaN, null, Double.NaN,
                            Verdict.interval("ACLI", "AAI", e.intervals()[2], e.method() + " interval")));
                }
            }
            for (ReferenceSample ref : ctx.options.references()) {
                if (ref.envs().contains(env)) {
                    rows.add(reference(ctx, env, ref, margin));
                }
            }
        }
        return rows;
    }

    /**
     * The baseline against another implementation's sample: Welch's test as a single comparison (not
     * in the Holm family of the configs against the baseline), the report's interval of Δ mean, TOST
     * with the margin; the verdict by {@link Verdict#single}.
     */
    static VerdictRow reference(ReportContext ctx, String env, ReferenceSample ref, Double margin) {
        double[] x = ctx.tree.finalReturns(env, ctx.baseline.key());
        double[] y = ref.returns(env);
        double diff = Descriptive.mean(x) - Descriptive.mean(y);
        Interval ci = ctx.intervals.diffMeans(x, y,
                Seeds.stream(ctx.seed(), VerdictRow.REFERENCE, env, ctx.baseline.key(), ref.label()));
        double p = WelchTest.test(x, y).p();
        Tost.Result tost = margin == null ? null : Tost.test(x, y, margin);
        Verdict v = Verdict.single(ctx.baseline.label(), ref.label(), diff, p, tost);
        return new VerdictRow(env, VerdictRow.REFERENCE, ctx.baseline, null, ctx.baseline.label() + " vs " + ref.label(),
                x.length, y.length, diff, ci, p, tost, Tost.smallestMargin(x, y, Verdict.ALPHA), v, ref.label());
    }

    private static VerdictRow fixed(ReportContext ctx, String env, ComparisonRow c, Double margin) {
        double[] x = ctx.tree.finalReturns(env, c.cell().key());
        double[] y = ctx.tree.finalReturns(env, ctx.baseline.key());
        Comparison s = c.stats();
        Tost.Result tost = margin == null ? null : Tost.test(x, y, margin);
        Verdict v = Verdict.fixed(c.cell().label(), ctx.baseline.label(), s.meanX() - s.meanY(), c.welchPHolm(), tost);
        return new VerdictRow(env, "fixed", c.cell(), ctx.baseline, c.cell().label() + " vs " + ctx.baseline.label(),
                s.nX(), s.nY(), s.meanX() - s.meanY(), s.ci95DiffMeans(), c.welchPHolm(), tost,
                Tost.smallestMargin(x, y, Verdict.ALPHA), v);
    }

    /** A comparison of an adaptive design; null when one of its cells has no runs in the report. */
    private static VerdictRow adaptive(ReportContext ctx, AdaptiveDesigns.Design d, int index, Double margin) {
        ComparisonState c = d.decision().comparisons().get(index);
        Setup.Pair pair = c.pair();
        ResultCell left = cell(ctx, d.key(pair.left().id()));
        ResultCell right = cell(ctx, d.key(pair.right().id()));
        if (left == null || right == null) {
            return null;
        }
        double[] x = ctx.tree.finalReturns(c.env(), left.key());
        double[] y = ctx.tree.finalReturns(c.env(), right.key());
        if (x.length == 0 || y.length == 0) {
            return null;
        }
        // the same statistics, from the same stream, as the comparison table would give this pair
        Interval ci = Comparison.of(x, y, ctx.intervals, Seeds.stream(ctx.seed(), "compare", c.env(), left.key(),
                right.key())).ci95DiffMeans();
        Tost.Result tost = margin == null ? null : Tost.test(x, y, margin);
        boolean crossed = c.verdict() == Decision.Verdict.DECIDED;
        String describe = c.describe(d.decision().looks().length).replace(">=", "≥");
        FamilywiseReadings fw = d.familywise();
        if (fw.comparisons() != null) {
            describe += "; " + fw.comparisons().describe(fw.comparisonReadings().get(index), d.decision().looks(),
                    "comparisons", left.label(), right.label());
        }
        Verdict v = Verdict.sequential(left.label(), right.label(), crossed, c.verdict() == Decision.Verdict.OPEN,
                c.z(), describe, tost);
        return new VerdictRow(c.env(), "adaptive: " + d.setup().spec(), left, right,
                left.label() + " vs " + right.label(), x.length, y.length,
                dev.ablate4j.stats.Descriptive.mean(x) - dev.ablate4j.stats.Descriptive.mean(y), ci, Double.NaN, tost,
                Tost.smallestMargin(x, y, Verdict.ALPHA), v);
    }

    /**
     * The main effects an adaptive design decided ({@code main-effects: decided}) on {@code env}, one
     * row each: the effect (on − off) and the report's interval of it over the design's runs in the
     * report, the verdict its group-sequential test reached. Empty when the design has no such
     * target or none of its cells has runs here.
     */
    private static List<VerdictRow> mainEffects(ReportContext ctx, AdaptiveDesigns.Design d, String env) {
        List<Decision.EffectState> states = d.decision().effects().stream().filter(e -> e.env().equals(env)).toList();
        if (states.isEmpty()) {
            return List.of();
        }
        List<FactorialEffects.Observation> obs = new ArrayList<>();
        for (Setup.CellRef c : d.setup().cells()) {
            String key = d.key(c.id());
            if (ctx.tree.cellIndex(key) >= 0) {
                for (double v : ctx.tree.finalReturns(env, key)) {
                    obs.add(new FactorialEffects.Observation(key, c.levels(), v));
                }
            }
        }
        if (obs.isEmpty()) {
            return List.of();
        }
        List<String> factors = d.setup().factors();
        FactorialEffects.Result res = ctx.intervals.effects(obs, factors, Seeds.stream(ctx.seed(), "factorial", env));
        List<VerdictRow> rows = new ArrayList<>();
        for (int f = 0; f < factors.size(); f++) {
            Decision.EffectState e = states.get(f);
            String on = e.factor() + " on";
            String off = e.factor() + " off";
            String describe = e.describe(d.decision().looks().length).replace(">=", "≥");
            FamilywiseReadings fw = d.familywise();
            if (fw.effects() != null) {
                // effects are listed env by env, factors in order: this env's start plus f
                int index = d.decision().effects().indexOf(states.get(0)) + f;
                describe += "; " + fw.effects().describe(fw.effectReadings().get(index), d.decision().looks(),
                        "main effects", on, off);
            }
            Verdict v = Verdict.sequential(on, off, e.verdict() == Decision.Verdict.DECIDED,
                    e.verdict() == Decision.Verdict.OPEN, e.z(), describe, null);
            FactorialEffects.Effect effect = res.mainEffects().get(f);
            rows.add(new VerdictRow(env, "adaptive: " + d.setup().spec(), null, null,
                    VerdictRow.MAIN_EFFECT + e.factor() + " (on − off)", 0, 0, effect.estimate(), effect.ci(), Double.NaN, null,
                    Double.NaN, v));
        }
        return rows;
    }

    private static ResultCell cell(ReportContext ctx, String key) {
        return ctx.tree.cellIndex(key) < 0 ? null : ctx.tree.cell(key);
    }

    private static String pairKey(String env, String a, String b) {
        return env + "|" + (a.compareTo(b) < 0 ? a + "|" + b : b + "|" + a);
    }
}
