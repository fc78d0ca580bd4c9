package dev.ablate4j.report;

import dev.ablate4j.results.ReportFiles;
import dev.ablate4j.stats.Descriptive;
import dev.ablate4j.stats.Interval;
import dev.ablate4j.stats.Intervals;
import dev.ablate4j.stats.Seeds;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Final-return statistics of one cell in one environment (one row of {@code summary.csv}).
 *
 * @param steps the env step budget of the runs (NaN when unknown)
 */
public record SummaryRow(
        String env,
        ResultCell cell,
        int n,
        double steps,
        double mean,
        Interval meanCi,
        double median,
        double iqm,
        Interval iqmCi,
        double std,
        double maxMean,
        Interval maxCi,
        Map<String, Object> config) {

    /** Header of {@code summary.csv}. */
    public static final List<String> CSV_HEADER = header();

    private static List<String> header() {
        return header(List.of());
    }

    /** The header with a column for each of {@code varied} (config keys that differ between rows) after the switches. */
    static List<String> header(List<String> varied) {
        List<String> h = new ArrayList<>(ReportFiles.SUMMARY_KEYS);
        h.addAll(OptimizationNames.keys());
        h.addAll(varied);
        h.addAll(ReportFiles.SUMMARY_STATS);
        return List.copyOf(h);
    }

    /** Computes the row; each interval has its own bootstrap stream derived from the seed. */
    static SummaryRow compute(ResultsTree tree, String env, ResultCell cell, Intervals intervals, long seed) {
        double[] fin = tree.finalReturns(env, cell.key());
        double[] max = tree.maxReturns(env, cell.key());
        double steps = tree.runs(env, cell.key()).get(0).number("steps");
        return new SummaryRow(env, cell, fin.length, steps,
                Descriptive.mean(fin), meanInterval(fin, env, cell.key(), intervals, seed),
                Descriptive.median(fin),
                Descriptive.iqm(fin), intervals.iqm(fin, Seeds.stream(seed, "summary", env, cell.key(), "iqm")),
                Descriptive.std(fin),
                Descriptive.mean(max), intervals.mean(max, Seeds.stream(seed, "summary", env, cell.key(), "max")),
                tree.runs(env, cell.key()).get(0).config());
    }

    /**
     * The interval of a cell's mean final return ({@code final_mean_ci95_lo/hi}) by {@code intervals}'
     * method (a bootstrap draws from the stream {@code summary/<env>/<cell key>/mean} of {@code seed}).
     * Adaptive seeds' precision rule uses this very computation (default method, report seed 0,
     * default resamples).
     */
    public static Interval meanInterval(double[] finalReturns, String env, String cellKey, Intervals intervals, long seed) {
        return intervals.mean(finalReturns, Seeds.stream(seed, "summary", env, cellKey, "mean"));
    }

    /** The row as CSV fields, in {@link #CSV_HEADER} order: each optimization's switch, then the statistics. */
    List<String> csv(List<String> varied) {
        List<String> fields = new ArrayList<>(List.of(env, cell.spec(), cell.id(), cell.label()));
        for (String key : OptimizationNames.keys()) {
            Object on = cell.config().get(key);
            fields.add(on == null ? "" : on.toString());
        }
        for (String key : varied) {
            Object v = config.get(key);
            fields.add(v == null ? "" : Values.canonical(v));
        }
        fields.addAll(List.of(Integer.toString(n), Double.isFinite(steps) ? Fmt.compact(steps) : "",
                Fmt.csv(mean), Fmt.csv(meanCi.lo()), Fmt.csv(meanCi.hi()), Fmt.csv(median), Fmt.csv(iqm),
                Fmt.csv(iqmCi.lo()), Fmt.csv(iqmCi.hi()), Fmt.csv(std), Fmt.csv(maxMean), Fmt.csv(maxCi.lo()),
                Fmt.csv(maxCi.hi())));
        return fields;
    }
}
