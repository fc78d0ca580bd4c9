package dev.ablate4j.report.sections;

import dev.ablate4j.report.Block;
import dev.ablate4j.report.ReportContext;
import dev.ablate4j.report.Table;
import dev.ablate4j.report.VerdictRow;
import dev.ablate4j.stats.Bootstrap;
import dev.ablate4j.stats.Interval;
import dev.ablate4j.stats.Intervals;
import dev.ablate4j.stats.NullCalibration;
import dev.ablate4j.stats.Seeds;
import dev.ablate4j.stats.Verdict;
import dev.ablate4j.stats.Wilson;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * "Calibration on this report's data": for every comparison of the verdict table, the
 * false-positive rate of each test the report uses (Welch, Mann–Whitney, "the interval of Δ mean
 * excludes 0"), measured by resampling the comparison's own runs under the null at its own n
 * ({@link NullCalibration}), with 95% Wilson Monte-Carlo intervals; a rate above 7.5% is flagged.
 *
 * <p>Cost is bounded: {@code --calibration-reps} replicates per comparison and null (default
 * {@value ReportOptions#DEFAULT_CALIBRATION_REPS}), but at most {@value #BUDGET} per null over the
 * whole report (each comparison then gets {@code BUDGET / comparisons}, at least {@value #MIN_REPS});
 * the interval of each replicate is the report's interval of Δ mean ({@link Intervals#diffMeans}, the
 * report's {@code --interval} method) with at most {@value #INNER_RESAMPLES} bootstrap resamples when
 * that method resamples.
 */
public final class CalibrationSection {

    /** Most replicates per null over all comparisons of a report. */
    static final int BUDGET = 16_000;
    /** Fewest replicates per comparison when the budget is shared. */
    static final int MIN_REPS = 200;
    /** Most bootstrap resamples of the interval inside each replicate. */
    static final int INNER_RESAMPLES = 1000;

    /** One comparison's rates under both nulls. */
    public record Row(VerdictRow row, NullCalibration.Rates oneConfig, NullCalibration.Rates centred) {}

    private CalibrationSection() {}

    /** Replicates per comparison for {@code comparisons} comparisons. */
    static int reps(int requested, int comparisons) {
        if (comparisons == 0) {
            return requested;
        }
        return Math.min(requested, Math.max(MIN_REPS, BUDGET / comparisons));
    }

    public static List<Row> compute(ReportContext ctx, List<VerdictRow> verdicts) {
        List<VerdictRow> pairs = verdicts.stream().filter(VerdictRow::isPair).toList();
        int requested = ctx.options.calibrationReps();
        if (requested == 0) {
            return List.of();
        }
        int reps = reps(requested, pairs.size());
        Intervals inner = inner(ctx);
        NullCalibration.DiffInterval interval = inner::diffMeans;
        List<Row> out = new ArrayList<>();
        for (VerdictRow r : pairs) {
            double[] x = ctx.tree.finalReturns(r.env(), r.x().key());
            double[] y = ctx.tree.finalReturns(r.env(), r.y().key());
            NullCalibration.Rates one = NullCalibration.oneConfig(y, x.length, y.length, reps, Verdict.ALPHA, interval,
                    Seeds.stream(ctx.seed(), "calibration", r.env(), r.x().key(), r.y().key(), "one-config"));
            NullCalibration.Rates centred = NullCalibration.centred(x, y, reps, Verdict.ALPHA, interval,
                    Seeds.stream(ctx.seed(), "calibration", r.env(), r.x().key(), r.y().key(), "centred"));
            out.add(new Row(r, one, centred));
        }
        return out;
    }

    /** The report's intervals with at most {@value #INNER_RESAMPLES} resamples. */
    static Intervals inner(ReportContext ctx) {
        return new Intervals(ctx.intervals.method(),
                new Bootstrap(Math.min(ctx.boot.resamples(), INNER_RESAMPLES), ctx.boot.confidence()));
    }

    public static List<Block> blocks(ReportContext ctx, List<Row> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        int reps = rows.get(0).oneConfig().reps();
        Table.Builder t = new Table.Builder(List.of("environment", "comparison", "null", "above 7.5%", "n", "Welch",
                "Mann–Whitney", "interval excludes 0"), 4);
        String[] tests = {"Welch", "Mann–Whitney", "the interval of Δ mean"};
        int[] flaggedRows = new int[3];
        double[] worst = new double[3];
        for (Row r : rows) {
            VerdictRow v = r.row();
            String n = v.nX() + " vs " + v.nY();
            for (int k = 0; k < 2; k++) {
                NullCalibration.Rates rates = k == 0 ? r.oneConfig() : r.centred();
                String nul = k == 0 ? "both from " + v.y().label() : "each centred";
                List<String> flagged = new ArrayList<>();
                if (rates.flagged(rates.welch())) {
                    flagged.add("Welch");
                }
                if (rates.flagged(rates.mannWhitney())) {
                    flagged.add("Mann–Whitney");
                }
                if (rates.flagged(rates.interval())) {
                    flagged.add("interval");
                }
                int[] counts = {rates.welch(), rates.mannWhitney(), rates.interval()};
                for (int i = 0; i < 3; i++) {
                    if (rates.flagged(counts[i])) {
                        flaggedRows[i]++;
                        worst[i] = Math.max(worst[i], (double) counts[i] / rates.reps());
                    }
                }
                t.row(List.of(v.env(), v.comparison(), nul, flagged.isEmpty() ? "-" : String.join(", ", flagged), n,
                        rate(rates.welch(), reps), rate(rates.mannWhitney(), reps), rate(rates.interval(), reps)));
            }
        }
        List<Block> out = new ArrayList<>();
        out.add(new Block.Heading(2, "Calibration on this report's data"));
        out.add(new Block.Paragraph("How often would each test call a difference where there is none, on these runs"
                + " at these n? Each comparison's final returns are resampled under the null: \"both from\" draws both"
                + " groups from the second config's runs; \"each centred\" draws each from its own runs minus their"
                + " mean. A calibrated test rejects about 5%; above 7.5% is flagged. " + reps + " seeded replicates per"
                + " row (--calibration-reps); the interval is the report's interval of Δ mean ("
                + inner(ctx).describe(Intervals.Statistic.DIFF_MEANS)
                + (inner(ctx).resamples(Intervals.Statistic.DIFF_MEANS) ? ", " + inner(ctx).bootstrap().resamples()
                        + " resamples" : "") + "). See docs/statistics.md."));
        out.add(new Block.TableBlock(t.build(), "Null rejection rates at α = 0.05 with 95% Wilson Monte-Carlo"
                + " intervals; Welch and Mann–Whitney unadjusted."));
        List<String> flaggedAll = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            if (flaggedRows[i] > 0) {
                flaggedAll.add(String.format(Locale.ROOT, "%s in %d of %d rows (up to %.1f%%)", tests[i], flaggedRows[i],
                        2 * rows.size(), 100 * worst[i]));
            }
        }
        out.add(new Block.Paragraph(flaggedAll.isEmpty()
                ? "No test rejected more than 7.5% of the null replicates here."
                : "Above 7.5% on this data: " + String.join("; ", flaggedAll) + ". A verdict that rests on a"
                        + " flagged test needs more seeds or a test that holds its level here."));
        return out;
    }

    /** "4.1% [3.3, 5.0]". */
    static String rate(int k, int n) {
        Interval w = Wilson.interval(k, n);
        return String.format(Locale.ROOT, "%.1f%% [%.1f, %.1f]", 100.0 * k / n, 100 * w.lo(), 100 * w.hi());
    }
}
