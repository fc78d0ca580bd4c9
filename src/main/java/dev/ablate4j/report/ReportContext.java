package dev.ablate4j.report;

import dev.ablate4j.stats.Bootstrap;
import dev.ablate4j.stats.Intervals;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** What every section of a report shares: the runs, the options, the baseline and the tables. */
public final class ReportContext {

    public final ResultsTree tree;
    public final ReportOptions options;
    public final Bootstrap boot;
    /** Every interval of the report: the method of {@code --interval} over {@link #boot}. */
    public final Intervals intervals;
    public final ResultCell baseline;
    public final Map<String, List<SummaryRow>> summary = new LinkedHashMap<>();
    public final Map<String, List<ComparisonRow>> comparisons = new LinkedHashMap<>();

    ReportContext(ResultsTree tree, ReportOptions options) {
        this.tree = tree;
        this.options = options;
        this.boot = options.bootstrap();
        this.intervals = new Intervals(options.interval(), boot);
        this.baseline = Baseline.choose(tree, options.baseline());
        for (String env : tree.envs()) {
            List<SummaryRow> rows = new ArrayList<>();
            for (ResultCell c : tree.cellsIn(env)) {
                rows.add(SummaryRow.compute(tree, env, c, intervals, options.seed()));
            }
            summary.put(env, rows);
            comparisons.put(env, ComparisonRow.against(tree, env, baseline, intervals, options.seed()));
        }
    }

    public long seed() {
        return options.seed();
    }

    /** Colour index of a cell. */
    public int color(ResultCell c) {
        return tree.cellIndex(c.key());
    }

    /** A file-name-safe version of {@code s}. */
    public static String slug(String s) {
        String out = s.replaceAll("[^A-Za-z0-9._-]+", "_").replaceAll("_+", "_");
        out = out.replaceAll("^_|_$", "");
        return out.isEmpty() ? "x" : out.toLowerCase(Locale.ROOT);
    }
}
