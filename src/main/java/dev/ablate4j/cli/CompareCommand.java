package dev.ablate4j.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.ablate4j.report.ReportInputException;
import dev.ablate4j.report.Fmt;
import dev.ablate4j.report.Samples;
import dev.ablate4j.stats.Bootstrap;
import dev.ablate4j.stats.Comparison;
import dev.ablate4j.stats.Interval;
import dev.ablate4j.stats.IntervalMethod;
import dev.ablate4j.stats.Intervals;
import dev.ablate4j.report.SampleOrigin;
import dev.ablate4j.stats.Seeds;
import dev.ablate4j.stats.Tost;
import dev.ablate4j.stats.Verdict;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code compare}: statistics of sample X against sample Y, as JSON or a text table. */
@Command(name = "compare", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Compare two samples (e.g. final returns of two configs): Welch t-test, Mann-Whitney U, "
                + "Hedges' g, probability of improvement, 95 percent intervals (Student-t and Welch-t by default, see --interval); "
                + "warns below 5 values per sample and when two results directories differ in environment or step budget.",
            "Each of --x and --y is a CSV file (one column, or pick one with --column; lines starting with # are skipped) or a results directory "
                + "holding the runs of one config (its final returns)."})
public final class CompareCommand implements Callable<Integer> {

    /** Output formats. */
    enum Format { json, text }

    @Spec
    private CommandSpec spec;

    @Option(names = "--x", required = true, paramLabel = "<path>", description = "Sample X: CSV file or results directory.")
    private Path x;

    @Option(names = "--y", required = true, paramLabel = "<path>", description = "Sample Y: CSV file or results directory.")
    private Path y;

    @Option(names = "--column", paramLabel = "<name>",
            description = "CSV column (name or 1-based index); for results directories final_return (default) or max_return.")
    private String column;

    @Option(names = "--format", defaultValue = "json", paramLabel = "<json|text>",
            description = "Output format (default: ${DEFAULT-VALUE}).")
    private Format format;

    @Option(names = "--seed", defaultValue = "0", description = "Bootstrap seed (default: ${DEFAULT-VALUE}).")
    private long seed;

    @Option(names = "--resamples", defaultValue = "10000",
            description = "Bootstrap resamples per interval, 100 to 1000000 (default: ${DEFAULT-VALUE}).")
    private int resamples;

    @Option(names = "--interval", defaultValue = "t", paramLabel = "<method>",
            description = "Interval method for means and their difference: t (default: Student-t, Welch-t for the "
                    + "difference), bootstrap-t, percentile or bca. Coverage: docs/statistics.md.")
    private String interval;

    @Option(names = "--margin", paramLabel = "<margin>",
            description = "Equivalence margin: TOST (two one-sided Welch t-tests at alpha 0.05) of |mean X - mean Y| < <margin>."
                    + " Without it, the smallest margin TOST could declare is printed.")
    private Double margin;

    private IntervalMethod method;
    private final List<String> warnings = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            method = IntervalOptions.check(resamples, interval);
            if (margin != null && !(margin > 0 && Double.isFinite(margin))) {
                throw new ReportInputException("--margin must be a positive finite number (the equivalence margin, in"
                        + " units of the samples), got " + margin);
            }
            double[] xs = sample(x, "--x", err);
            double[] ys = sample(y, "--y", err);
            warnings.addAll(fewRuns("X", xs.length));
            warnings.addAll(fewRuns("Y", ys.length));
            warnings.addAll(SampleOrigin.mismatch(SampleOrigin.of(x), SampleOrigin.of(y)));
            Comparison c = Comparison.of(xs, ys, intervals(), Seeds.stream(seed, "compare"));
            if (format == Format.json) { // the text format lists them itself
                for (String w : warnings) {
                    err.println("compare: warning: " + w);
                }
            }
            err.flush();
            Tost.Result tost = margin == null ? null : Tost.test(xs, ys, margin);
            double smallest = Tost.smallestMargin(xs, ys, Verdict.ALPHA);
            out.print(format == Format.json ? json(c, tost, smallest) : text(c, tost, smallest));
            out.flush();
            return 0;
        } catch (ReportInputException e) {
            err.println("compare: " + e.getMessage());
            err.flush();
            return 2;
        }
    }

    private Intervals intervals() {
        return new Intervals(method, new Bootstrap(resamples, 0.95));
    }

    /** The few-seeds warning for a sample of n values, if any. */
    static List<String> fewRuns(String name, int n) {
        if (n >= Intervals.FEW_RUNS) {
            return List.of();
        }
        return List.of("n = " + n + " in " + name + (n < 2 ? ": too few runs for an interval (printed as n/a)"
                : ": too few runs for a reliable interval; fewer than " + Intervals.FEW_RUNS + " per sample"));
    }

    /** How many left-out runs of a results directory are named one by one; the rest are counted. */
    private static final int SHOW_LEFT_OUT = 5;

    /** Reads one sample; for a results directory, names the runs it left out and counts them. */
    private double[] sample(Path path, String flag, PrintWriter err) {
        List<String> leftOut = new ArrayList<>();
        double[] values = Samples.read(path, column, flag, leftOut::add);
        for (int i = 0; i < Math.min(SHOW_LEFT_OUT, leftOut.size()); i++) {
            err.println("compare: " + flag + ": left out " + leftOut.get(i));
        }
        if (leftOut.size() > SHOW_LEFT_OUT) {
            err.println("compare: " + flag + ": ... and " + (leftOut.size() - SHOW_LEFT_OUT) + " more left out");
        }
        if (!leftOut.isEmpty()) {
            err.println("compare: " + flag + ": " + values.length + " runs used, " + leftOut.size() + " left out");
        }
        err.flush();
        return values;
    }

    private String json(Comparison c, Tost.Result tost, double smallest) throws Exception {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("n_x", c.nX());
        m.put("n_y", c.nY());
        m.put("mean_x", num(c.meanX()));
        m.put("mean_y", num(c.meanY()));
        m.put("median_x", num(c.medianX()));
        m.put("median_y", num(c.medianY()));
        m.put("iqm_x", num(c.iqmX()));
        m.put("iqm_y", num(c.iqmY()));
        m.put("std_x", num(c.stdX()));
        m.put("std_y", num(c.stdY()));
        m.put("welch_t", num(c.welch().t()));
        m.put("welch_df", num(c.welch().df()));
        m.put("welch_p", num(c.welch().p()));
        m.put("mannwhitney_u", num(c.mannWhitney().u()));
        m.put("mannwhitney_p", num(c.mannWhitney().p()));
        m.put("mannwhitney_method", c.mannWhitney().method());
        m.put("mannwhitney_p_asymptotic", num(c.mannWhitney().pAsymptotic()));
        m.put("prob_improvement", num(c.probImprovement()));
        m.put("ci95_prob_improvement", pair(c.probImprovementCi()));
        m.put("hedges_g", num(c.hedgesG()));
        m.put("ci95_mean_x", pair(c.ci95MeanX()));
        m.put("ci95_mean_y", pair(c.ci95MeanY()));
        m.put("ci95_mean_x_bca", pair(c.bcaMeanX()));
        m.put("ci95_diff_means", pair(c.ci95DiffMeans()));
        m.put("seeds_needed_80pct_power", c.seedsNeeded() > 0 ? c.seedsNeeded() : null);
        m.put("tost_smallest_equivalence_margin", num(smallest));
        if (tost != null) {
            m.put("tost_margin", tost.margin());
            m.put("tost_p_lower", num(tost.pLower()));
            m.put("tost_p_upper", num(tost.pUpper()));
            m.put("tost_p", num(tost.p()));
            m.put("tost_equivalent", tost.equivalent(Verdict.ALPHA));
        }
        m.put("resamples", resamples);
        m.put("seed", seed);
        m.put("interval", method.cliName());
        Map<String, String> methods = new LinkedHashMap<>();
        Intervals iv = intervals();
        methods.put("ci95_mean", iv.describe(Intervals.Statistic.MEAN));
        methods.put("ci95_mean_x_bca", "BCa bootstrap");
        methods.put("ci95_diff_means", iv.describe(Intervals.Statistic.DIFF_MEANS));
        methods.put("ci95_prob_improvement", iv.describe(Intervals.Statistic.PROB_IMPROVEMENT));
        m.put("interval_methods", methods);
        m.put("warnings", warnings);
        return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(m) + "\n";
    }

    private static Double num(double v) {
        return Double.isFinite(v) ? v : null;
    }

    private static Object pair(Interval i) {
        return Arrays.asList(num(i.lo()), num(i.hi()));
    }

    private String text(Comparison c, Tost.Result tost, double smallest) {
        StringBuilder sb = new StringBuilder();
        String row = "%-22s %18s %18s%n";
        sb.append(String.format(Locale.ROOT, row, "", "X", "Y"));
        sb.append(String.format(Locale.ROOT, row, "n", c.nX(), c.nY()));
        sb.append(String.format(Locale.ROOT, row, "mean", Fmt.num(c.meanX()), Fmt.num(c.meanY())));
        sb.append(String.format(Locale.ROOT, row, "  95% CI", Fmt.ci(c.ci95MeanX()), Fmt.ci(c.ci95MeanY())));
        sb.append(String.format(Locale.ROOT, row, "  95% CI (BCa)", Fmt.ci(c.bcaMeanX()), ""));
        sb.append(String.format(Locale.ROOT, row, "median", Fmt.num(c.medianX()), Fmt.num(c.medianY())));
        sb.append(String.format(Locale.ROOT, row, "IQM", Fmt.num(c.iqmX()), Fmt.num(c.iqmY())));
        sb.append(String.format(Locale.ROOT, row, "std", Fmt.num(c.stdX()), Fmt.num(c.stdY())));
        sb.append(System.lineSeparator());
        String kv = "%-22s %s%n";
        sb.append(String.format(Locale.ROOT, kv, "mean X - mean Y", Fmt.num(c.meanX() - c.meanY())
                + "  95% CI " + Fmt.ci(c.ci95DiffMeans())));
        sb.append(String.format(Locale.ROOT, kv, "Welch t-test", String.format(Locale.ROOT, "t = %s, df = %s, p = %s",
                Fmt.num(c.welch().t()), Fmt.num(c.welch().df()), Fmt.p(c.welch().p()))));
        sb.append(String.format(Locale.ROOT, kv, "Mann-Whitney U", String.format(Locale.ROOT, "U = %s, p = %s (%s)",
                Fmt.num(c.mannWhitney().u()), Fmt.p(c.mannWhitney().p()), c.mannWhitney().method())));
        sb.append(String.format(Locale.ROOT, kv, "Hedges' g", Fmt.num(c.hedgesG())));
        sb.append(String.format(Locale.ROOT, kv, "P(X > Y)", Fmt.prob(c.probImprovement()) + "  95% CI "
                + Fmt.probCi(c.probImprovementCi())));
        sb.append(String.format(Locale.ROOT, kv, "seeds for 80% power", Fmt.seeds(c.seedsNeeded(), c.hedgesG())
                + " per sample (two-sided, alpha = 0.05)"));
        Intervals iv = intervals();
        sb.append(String.format(Locale.ROOT, kv, "intervals", "--interval " + method.cliName() + ": mean "
                + iv.describe(Intervals.Statistic.MEAN) + ", difference " + iv.describe(Intervals.Statistic.DIFF_MEANS)
                + ", P(X > Y) " + iv.describe(Intervals.Statistic.PROB_IMPROVEMENT) + "; n/a: fewer than two values or "
                + "no spread"));
        sb.append(String.format(Locale.ROOT, kv, "TOST (Welch)", tost == null
                ? "no --margin; smallest margin it can declare equivalence for: " + Fmt.num(smallest) + " (alpha = 0.05)"
                : String.format(Locale.ROOT, "margin +/-%s: p = %s, %s (smallest margin %s, alpha = 0.05)",
                        Fmt.num(tost.margin()), Fmt.p(tost.p()), tost.equivalent(Verdict.ALPHA) ? "equivalent"
                                : "not shown equivalent", Fmt.num(smallest))));
        sb.append(String.format(Locale.ROOT, kv, "bootstrap", resamples + " resamples, seed " + seed));
        for (String w : warnings) {
            sb.append(String.format(Locale.ROOT, kv, "warning", w));
        }
        return sb.toString();
    }
}
