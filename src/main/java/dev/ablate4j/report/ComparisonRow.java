package dev.ablate4j.report;

import dev.ablate4j.stats.Intervals;
import dev.ablate4j.stats.Comparison;
import dev.ablate4j.stats.Holm;
import dev.ablate4j.stats.Seeds;
import java.util.ArrayList;
import java.util.List;

/**
 * One config against the baseline in one environment, with Holm-adjusted p-values (each test's
 * family is all comparisons against the baseline in that environment).
 */
public record ComparisonRow(ResultCell cell, Comparison stats, double welchPHolm, double mannWhitneyPHolm) {

    /** Every cell except the baseline against the baseline, in display order. */
    static List<ComparisonRow> against(ResultsTree tree, String env, ResultCell baseline, Intervals intervals, long seed) {
        double[] y = tree.finalReturns(env, baseline.key());
        List<ResultCell> others = new ArrayList<>();
        List<Comparison> stats = new ArrayList<>();
        if (y.length == 0) {
            return List.of();
        }
        for (ResultCell c : tree.cellsIn(env)) {
            if (!c.key().equals(baseline.key())) {
                others.add(c);
                stats.add(Comparison.of(tree.finalReturns(env, c.key()), y, intervals,
                        Seeds.stream(seed, "compare", env, c.key(), baseline.key())));
            }
        }
        double[] welch = Holm.adjust(stats.stream().mapToDouble(s -> s.welch().p()).toArray());
        double[] mw = Holm.adjust(stats.stream().mapToDouble(s -> s.mannWhitney().p()).toArray());
        List<ComparisonRow> rows = new ArrayList<>();
        for (int i = 0; i < others.size(); i++) {
            rows.add(new ComparisonRow(others.get(i), stats.get(i), welch[i], mw[i]));
        }
        return rows;
    }
}
