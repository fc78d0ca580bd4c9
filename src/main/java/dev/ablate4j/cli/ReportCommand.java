package dev.ablate4j.cli;

import dev.ablate4j.report.Exclusion;
import dev.ablate4j.report.ReferenceSample;
import dev.ablate4j.report.ReportBuilder;
import dev.ablate4j.report.ReportInputException;
import dev.ablate4j.report.ReportOptions;
import dev.ablate4j.report.Score;
import dev.ablate4j.report.SpecReportKeys;
import dev.ablate4j.results.RunFiles;
import dev.ablate4j.stats.IntervalMethod;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code report}: one command from results directories to a PDF, PNG, Markdown and CSV report. */
@Command(name = "report", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Build a report from completed runs: report.pdf, one PNG per chart, report.md, summary.csv, runs.csv and verdicts.csv.",
            "Several results directories are merged (runs found twice count once). Incomplete, diverged or "
                + "corrupt runs are left out and listed in the report's appendix."})
public final class ReportCommand implements Callable<Integer> {

    /** How many left-out runs to name on stderr before summarizing. */
    private static final int SHOW_EXCLUDED = 5;

    @Spec
    private CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "RESULTS_DIR", description = "Results directories (merged).")
    private List<Path> roots;

    @Option(names = "--out", required = true, paramLabel = "<dir>", description = "Output directory (created if needed).")
    private Path out;

    @Option(names = "--seed", defaultValue = "0",
            description = "Seed of every bootstrap interval; same inputs and seed give the same numbers (default: ${DEFAULT-VALUE}).")
    private long seed;

    @Option(names = "--baseline", paramLabel = "<cell>",
            description = "Config every other is compared with: cell key (spec/cell-id), cell id or label. "
                    + "Default: the cell labelled just 'ppo' (or another preset name).")
    private String baseline;

    @Option(names = "--resamples", defaultValue = "10000",
            description = "Bootstrap resamples per interval, 100 to 1000000 (default: ${DEFAULT-VALUE}).")
    private int resamples;

    @Option(names = "--all-cells",
            description = "Also use runs a results directory holds beyond the spec its last matrix ran (recorded in"
                    + " <spec>/spec.json): cells, envs or seeds the spec no longer has. Default: only the spec's.")
    private boolean allCells;

    @Option(names = "--margin", paramLabel = "<margin>",
            description = "Equivalence margin of the verdicts' TOST, in units of final return (positive; default: the"
                    + " spec's equivalence-margin, else none: the verdicts then state the smallest margin TOST could"
                    + " declare).")
    private Double margin;

    @Option(names = "--calibration-reps", paramLabel = "<n>", defaultValue = "2000",
            description = "Null-resampling replicates per comparison in the calibration section, 0 to leave it out"
                    + " (default: ${DEFAULT-VALUE}; at most 16000 per null over the whole report).")
    private int calibrationReps;

    @Option(names = "--interval", paramLabel = "<method>",
            description = "Interval method: t (default: Student-t for means, Welch-t for differences, t on the cell "
                    + "structure for factorial effects), bootstrap-t, percentile or bca; without the flag, the recorded"
                    + " spec's interval key, else t. Coverage: docs/statistics.md.")
    private String interval;

    @Option(names = "--score", defaultValue = "final", paramLabel = "<final|eval>",
            description = "Score of a run: final (mean of the last 5 iterations' mean episode return) or eval (mean "
                    + "return of its eval.csv, from 'ablate4j evaluate'; runs without one are left out). "
                    + "Default: ${DEFAULT-VALUE}.")
    private String score;

    @Option(names = "--reference", paramLabel = "<sample>",
            description = "LABEL=FILE: compare the baseline with another implementation's runs, FILE a CSV"
                    + " env,seed,final_return (# lines say where it came from); adds the verdicts.csv row"
                    + " '<baseline> vs LABEL' per env (repeatable; docs/reports.md).")
    private List<String> references = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        PrintWriter o = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            IntervalMethod fromSpec = interval == null ? SpecReportKeys.interval(roots) : null;
            IntervalMethod method = IntervalOptions.check(resamples,
                    interval != null ? interval : fromSpec != null ? fromSpec.cliName() : IntervalMethod.DEFAULT.cliName());
            Score chosen = Score.byWord(score);
            if (chosen == null) {
                throw new ReportInputException("--score must be final or eval, got '" + score + "'");
            }
            List<ReferenceSample> refs = new ArrayList<>();
            for (String ref : references) {
                refs.add(ReferenceSample.parse(ref));
            }
            ReportBuilder.Result r = ReportBuilder.build(roots, out,
                    new ReportOptions(seed, resamples, baseline, allCells, method, chosen, margin, calibrationReps, refs));
            for (String w : r.tree().warnings()) {
                err.println("report: warning: " + w);
            }
            List<Exclusion> ex = r.tree().excluded();
            String breakdown = ex.isEmpty() ? "" : ": " + Exclusion.breakdown(ex);
            if (!ex.isEmpty()) {
                err.println("report: left out " + ex.size() + " of " + (ex.size() + r.tree().runs().size())
                        + " run directories" + breakdown + (ex.size() > SHOW_EXCLUDED ? "; the first "
                                + SHOW_EXCLUDED + ":" : ":"));
            }
            for (int i = 0; i < Math.min(SHOW_EXCLUDED, ex.size()); i++) {
                err.println("report:   " + ex.get(i).path() + ": " + ex.get(i).reason());
            }
            if (ex.size() > SHOW_EXCLUDED) {
                err.println("report:   (all " + ex.size() + " with their reasons in the report's appendix)");
            }
            if (chosen == Score.EVAL) {
                o.println("report: score: mean evaluation return (" + RunFiles.EVAL + ") in place of the final return");
            }
            o.printf("report: %d runs (%d left out%s) -> %s (%d pages), %d PNGs, %s, %s%n", r.tree().runs().size(),
                    ex.size(), breakdown, r.pdf(), r.pdfPages(), r.pngs().size(), r.markdown(), r.summary());
            o.flush();
            err.flush();
            return 0;
        } catch (ReportInputException e) {
            err.println("report: " + e.getMessage());
            err.flush();
            return 2;
        } catch (IOException e) {
            err.println("report: cannot write the report into " + out + ": " + e);
            err.flush();
            return 1;
        }
    }
}
