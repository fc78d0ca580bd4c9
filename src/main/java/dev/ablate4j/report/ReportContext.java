package dev.ablate4j.report;

import dev.ablate4j.stats.Bootstrap;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** What every section of a report shares: the runs, the options, the baseline and the tables. */
final class ReportContext {

    final ResultsTree tree;
    final ReportOptions options;
    final Bootstrap boot;
    final Cell baseline;
    final Map<String, List<SummaryRow>> summary = new LinkedHashMap<>();
    final Map<String, List<ComparisonRow>> comparisons = new LinkedHashMap<>();

    ReportContext(ResultsTree tree, ReportOptions options) {
        this.tree = tree;
        this.options = options;
        this.boot = options.bootstrap();
        this.baseline = Baseline.choose(tree, options.baseline());
        for (String env : tree.envs()) {
            List<SummaryRow> rows = new ArrayList<>();
            for (Cell c : tree.cellsIn(env)) {
                rows.add(SummaryRow.compute(tree, env, c, boot, options.seed()));
            }
            summary.put(env, rows);
            comparisons.put(env, ComparisonRow.against(tree, env, baseline, boot, options.seed()));
        }
    }

    long seed() {
        return options.seed();
    }

    /** Colour index of a cell. */
    int color(Cell c) {
        return tree.cellIndex(c.key());
    }

    /** A file-name-safe version of {@code s}. */
    static String slug(String s) {
        String out = s.replaceAll("[^A-Za-z0-9._-]+", "_").replaceAll("_+", "_");
        out = out.replaceAll("^_|_$", "");
        return out.isEmpty() ? "x" : out.toLowerCase(Locale.ROOT);
    }

    /**
     * The cells to draw when there are too many for one legend: all when at most {@code max}, else
     * the baseline plus the best and worst by {@code score}, kept in display order.
     */
    List<Cell> readable(List<Cell> cells, Map<String, Double> score, int max) {
        if (cells.size() <= max) {
            return cells;
        }
        List<Cell> sorted = new ArrayList<>(cells);
        sorted.removeIf(c -> c.key().equals(baseline.key()));
        sorted.sort((a, b) -> Double.compare(score.getOrDefault(b.key(), Double.NEGATIVE_INFINITY),
                score.getOrDefault(a.key(), Double.NEGATIVE_INFINITY)));
        int each = (max - 1) / 2;
        List<String> keep = new ArrayList<>();
        keep.add(baseline.key());
        for (int i = 0; i < each && i < sorted.size(); i++) {
            keep.add(sorted.get(i).key());
            keep.add(sorted.get(sorted.size() - 1 - i).key());
        }
        return cells.stream().filter(c -> keep.contains(c.key())).toList();
    }
}
