package dev.ablate4j.report;

import dev.ablate4j.stats.AlgorithmIndices;
import dev.ablate4j.stats.Descriptive;
import dev.ablate4j.stats.Interval;
import dev.ablate4j.stats.Intervals;
import dev.ablate4j.stats.Seeds;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * AAI and ACLI of the four presets ppo, ppo-m, trpo and trpo+ (Engstrom et al. 2020, Table 1): which
 * cell stands for each preset, and the estimates with their intervals. The algorithm section and the
 * verdicts both read them here, so the table and the verdict cannot disagree.
 */
public final class AlgorithmEstimates {

    public static final List<String> PRESETS = AlgorithmIndices.PRESETS;

    private AlgorithmEstimates() {}

    /**
     * The cell standing for each preset: label equal to the preset, else the only cell of that preset.
     * A paper preset ({@code paper:trpo+}) stands for its family ({@code trpo+}).
     */
    public static Map<String, ResultCell> presetCells(ResultsTree tree) {
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
    public static String family(String preset) {
        return AlgorithmIndices.family(preset);
    }

    /**
     * AAI, ACLI and ACLI − AAI of one environment with their intervals.
     *
     * @param means     mean final return of PPO, PPO-M, TRPO, TRPO+
     * @param values    {AAI, ACLI, ACLI − AAI}
     * @param intervals their intervals, in the same order
     * @param method    how the intervals were computed (for the verdict's rule)
     */
    public record Estimates(double[] means, double[] values, Interval[] intervals, String method) {}

    /**
     * The one place AAI, ACLI and ACLI − AAI and their intervals are computed (the table above and
     * the verdicts both read them here); null when a preset has no run in {@code env}.
     */
    public static Estimates estimates(ReportContext ctx, Map<String, ResultCell> cells, String env) {
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
                + ctx.intervals.describe(Intervals.Statistic.STRATIFIED) + " (seeds within each preset)");
    }
}
