package dev.ablate4j.report.sections;

import dev.ablate4j.report.AlgorithmEstimates;
import dev.ablate4j.report.Block;
import dev.ablate4j.report.Fmt;
import dev.ablate4j.report.ReportContext;
import dev.ablate4j.report.ResultCell;
import dev.ablate4j.report.Table;
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
public final class AlgorithmSection {

    private AlgorithmSection() {}

    /** The section, or an empty list when the four presets are not all present anywhere. */
    public static List<Block> blocks(ReportContext ctx) {
        Map<String, ResultCell> cells = AlgorithmEstimates.presetCells(ctx.tree);
        if (cells.size() < AlgorithmEstimates.PRESETS.size()) {
            return List.of();
        }
        String pct = Math.round(ctx.boot.confidence() * 100) + "%";
        Map<String, Integer> runs = new LinkedHashMap<>();
        Table.Builder t = new Table.Builder(List.of("environment", "PPO", "PPO-M", "TRPO", "TRPO+", "AAI", pct + " CI",
                "ACLI", pct + " CI", "ACLI − AAI", pct + " CI", "ACLI > AAI"), 1);
        for (String env : ctx.tree.envs()) {
            AlgorithmEstimates.Estimates e = AlgorithmEstimates.estimates(ctx, cells, env);
            if (e == null) {
                continue;
            }
            for (int i = 0; i < 4; i++) {
                runs.put(cells.get(AlgorithmEstimates.PRESETS.get(i)).label() + (ctx.tree.envs().size() > 1 ? " on " + env : ""),
                        ctx.tree.finalReturns(env, cells.get(AlgorithmEstimates.PRESETS.get(i)).key()).length);
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
}
