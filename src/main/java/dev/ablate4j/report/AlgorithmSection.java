package dev.ablate4j.report;

import dev.ablate4j.stats.AlgorithmIndices;
import dev.ablate4j.stats.Descriptive;
import dev.ablate4j.stats.Interval;
import dev.ablate4j.stats.Seeds;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The paper's algorithm-versus-code-level table, shown when ppo, ppo-m, trpo and trpo+ were all run
 * in an environment: AAI = max(|PPO − TRPO+|, |PPO-M − TRPO|) (effect of the algorithm with the
 * optimizations held fixed), ACLI = max(|PPO − PPO-M|, |TRPO+ − TRPO|) (effect of the optimizations
 * with the algorithm held fixed), on mean final return.
 */
final class AlgorithmSection {

    static final List<String> PRESETS = AlgorithmIndices.PRESETS;

    private AlgorithmSection() {}

    /**
     * The cell standing for each preset: label equal to the preset, else the only cell of that preset.
     * A paper preset ({@code paper:trpo+}) stands for its family ({@code trpo+}).
     */
    static Map<String, ResultCell> presetCells(ResultsTree tree) {
        Map<String, ResultCell> out = new LinkedHashMap<>();
        for (String p : PRESETS) {
            List<ResultCell> exact = tree.cells().stream()
                    .filter(c -> family(c.preset()).equals(p) && family(c.label().trim()).equals(p)).toList();
            List<ResultCell> any = tree.cells().stream().filter(c -> family(c.preset()).equals(p)).toList();
            if (exact.size() == 1) {
                out.put(p, exact.get(0));
            } else if (exact.isEmpty() && any.size() == 1) {
                out.put(p, any.get(0));
            }
        }
        return out;
    }

    /** {@link AlgorithmIndices#family}. */
    static String family(String preset) {
        return AlgorithmIndices.family(preset);
    }

    /** The section, or an empty list when the four presets are not all present anywhere. */
    static List<Block> blocks(ReportContext ctx) {
        Map<String, ResultCell> cells = presetCells(ctx.tree);
        if (cells.size() < PRESETS.size()) {
            return List.of();
        }
        String pct = Math.round(ctx.boot.confidence() * 100) + "%";
        Map<String, Integer> runs = new LinkedHashMap<>();
        Table.Builder t = new Table.Builder(List.of("environment", "PPO", "PPO-M", "TRPO", "TRPO+", "AAI", pct + " CI",
                "ACLI", pct + " CI", "ACLI − AAI", pct + " CI", "ACLI > AAI"), 1);
        for (String env : ctx.tree.envs()) {
            Estimates e = estimates(ctx, cells, env);
            if (e == null) {
                continue;
            }
            for (int i = 0; i < 4; i++) {
                runs.put(cells.get(PRESETS.get(i)).label() + (ctx.tree.envs().size() > 1 ? " on " + env : ""),
                        ctx.tree.finalReturns(env, cells.get(PRESETS.get(i)).key()).length);
            }
            t.row(List.of(env, Fmt.num(e.means()[0]), Fmt.num(e.means()[1]), Fmt.num(e.means()[2]),
                    Fmt.num(e.means()[3]), Fmt.num(e.values()[0]), Fmt.ci(e.intervals()[0]), Fmt.num(e.values()[1]),
                    Fmt.ci(e.intervals()[1]), Fmt.num(e.values()[2]), Fmt.ci(e.intervals()[2]),
                    e.values()[1] > e.values()[0] ? "yes" : "no"));
        }
        if (t.isEmpty()) {
            return List.of();
        }
        List<Block> out = new ArrayList<>();
        out.add(new Block.Heading(1, "Algorithm versus code-level optimizations"));
        out.add(new Block.TableBlock(t.build(), "Mean final return of the four presets, AAI = max(|PPO − TRPO+|, "
                + "|PPO-M − TRPO|) and ACLI = max(|PPO − PPO-M|, |TRPO+ − TRPO|) (Engstrom et al. 2020, Table 1), with "
                + pct + " percentile bootstrap intervals resampling seeds within each preset (whatever --interval says:"
                + " a maximum of absolute differences has no t interval; at 5–10 seeds such intervals cover less than "
                + pct + ", see docs/statistics.md; ACLI − AAI from the same resamples, its verdict in the verdict table)."
                + " ACLI > AAI means the code-level "
                + "optimizations moved the score more than the choice of algorithm. Configs: "
                + String.join(", ", cells.values().stream().map(ResultCell::label).toList()) + "."
                + (FewRuns.note(runs) == null ? "" : " " + FewRuns.note(runs))));
        return out;
    }

    /**
     * AAI, ACLI and ACLI − AAI of one environment with their intervals.
     *
     * @param means     mean final return of PPO, PPO-M, TRPO, TRPO+
     * @param values    {AAI, ACLI, ACLI − AAI}
     * @param intervals their intervals, in the same order
     * @param method    how the intervals were computed (for the verdict's rule)
     */
    record Estimates(double[] means, double[] values, Interval[] intervals, String method) {}

    /**
     * The one place AAI, ACLI and ACLI − AAI and their intervals are computed (the table above and
     * the verdicts both read them here); null when a preset has no run in {@code env}.
     */
    static Estimates estimates(ReportContext ctx, Map<String, ResultCell> cells, String env) {
        double[][] s = new double[4][];
        for (int i = 0; i < 4; i++) {
            s[i] = ctx.tree.finalReturns(env, cells.get(PRESETS.get(i)).key());
            if (s[i].length == 0) {
                return null;
            }
        }
        Interval[] ci = ctx.intervals.stratifiedBands(s, AlgorithmIndices::aaiAcli,
                Seeds.stream(ctx.seed(), "aai-acli", env));
        double[] means = {Descriptive.mean(s[0]), Descriptive.mean(s[1]), Descriptive.mean(s[2]), Descriptive.mean(s[3])};
        return new Estimates(means, AlgorithmIndices.aaiAcli(s), ci, ctx.intervals.level() + " "
                + ctx.intervals.describe(dev.ablate4j.stats.Intervals.Statistic.STRATIFIED) + " (seeds within each preset)");
    }
}
