package dev.ablate4j.report;

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

    static final List<String> PRESETS = List.of("ppo", "ppo-m", "trpo", "trpo+");

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

    /** {@code trpo+} for {@code trpo+}, {@code paper:trpo+} and {@code PAPER:TRPO+}. */
    static String family(String preset) {
        String p = preset.toLowerCase(java.util.Locale.ROOT);
        return p.startsWith("paper:") ? p.substring("paper:".length()) : p;
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
                "ACLI", pct + " CI", "ACLI > AAI"), 1);
        for (String env : ctx.tree.envs()) {
            double[][] s = new double[4][];
            boolean all = true;
            for (int i = 0; i < 4; i++) {
                s[i] = ctx.tree.finalReturns(env, cells.get(PRESETS.get(i)).key());
                all &= s[i].length > 0;
            }
            if (!all) {
                continue;
            }
            for (int i = 0; i < 4; i++) {
                runs.put(cells.get(PRESETS.get(i)).label() + (ctx.tree.envs().size() > 1 ? " on " + env : ""), s[i].length);
            }
            double[] est = aaiAcli(s);
            Interval[] ci = ctx.intervals.stratifiedBands(s, AlgorithmSection::aaiAcli,
                    Seeds.stream(ctx.seed(), "aai-acli", env));
            t.row(List.of(env, Fmt.num(Descriptive.mean(s[0])), Fmt.num(Descriptive.mean(s[1])),
                    Fmt.num(Descriptive.mean(s[2])), Fmt.num(Descriptive.mean(s[3])), Fmt.num(est[0]), Fmt.ci(ci[0]),
                    Fmt.num(est[1]), Fmt.ci(ci[1]), est[1] > est[0] ? "yes" : "no"));
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
                + pct + ", see docs/statistics.md). ACLI > AAI means the code-level "
                + "optimizations moved the score more than the choice of algorithm. Configs: "
                + String.join(", ", cells.values().stream().map(ResultCell::label).toList()) + "."
                + (FewRuns.note(runs) == null ? "" : " " + FewRuns.note(runs))));
        return out;
    }

    /** {AAI, ACLI} of the four samples PPO, PPO-M, TRPO, TRPO+. */
    static double[] aaiAcli(double[][] s) {
        double ppo = Descriptive.mean(s[0]);
        double ppoM = Descriptive.mean(s[1]);
        double trpo = Descriptive.mean(s[2]);
        double trpoPlus = Descriptive.mean(s[3]);
        return new double[] {
            Math.max(Math.abs(ppo - trpoPlus), Math.abs(ppoM - trpo)),
            Math.max(Math.abs(ppo - ppoM), Math.abs(trpoPlus - trpo))
        };
    }
}
