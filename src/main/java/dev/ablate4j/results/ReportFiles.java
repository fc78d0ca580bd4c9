package dev.ablate4j.results;

import java.util.List;

/**
 * The files {@code report} writes into its output directory, and the fixed columns of its CSV
 * files. The columns that depend on the results (each optimization switch, the config keys that
 * vary) are placed between the fixed ones by the report; see {@code docs/reports.md}.
 */
public final class ReportFiles {

    public static final String PDF = "report.pdf";
    public static final String MARKDOWN = "report.md";
    public static final String SUMMARY = "summary.csv";
    public static final String RUNS = "runs.csv";
    public static final String VERDICTS = "verdicts.csv";

    /** {@code summary.csv}: the columns naming a row, before the switches and varied keys. */
    public static final List<String> SUMMARY_KEYS = List.of("env", "spec", "cell", "label");
    /** {@code summary.csv}: the statistics, after the switches and varied keys. */
    public static final List<String> SUMMARY_STATS = List.of("n", "steps", "final_mean", "final_mean_ci95_lo",
            "final_mean_ci95_hi", "final_median", "final_iqm", "final_iqm_ci95_lo", "final_iqm_ci95_hi", "final_std",
            "max_return_mean", "max_return_ci95_lo", "max_return_ci95_hi");

    /** {@code runs.csv}: the columns naming a run, before the switches and varied keys. */
    public static final List<String> RUNS_KEYS = List.of("path", "spec", "cell_label", "cell_id", "env", "seed");
    /** {@code runs.csv}'s status column and its two values. */
    public static final String RUNS_STATUS = "status";
    public static final String RUN_USED = "used";
    public static final String RUN_LEFT_OUT = "left out";
    /** {@code runs.csv}'s score columns (also what {@code compare} selects from a results directory). */
    public static final String FINAL_RETURN = "final_return";
    public static final String EVAL_RETURN = "eval_return";
    public static final String MAX_RETURN = "max_return";

    /** {@code verdicts.csv}: every column, in order. */
    public static final List<String> VERDICTS_HEADER = List.of("env", "comparison", "design", "x_spec", "x_cell",
            "x_label", "y_spec", "y_cell", "y_label", "n_x", "n_y", "estimate", "ci95_lo", "ci95_hi", "welch_p_holm",
            "margin", "tost_p", "smallest_equivalence_margin", "verdict", "direction", "rule", "reused_from",
            "retest_false_positive_rate");

    private ReportFiles() {}

    /**
     * {@code runs.csv}: the columns after the switches and varied keys, the score's named by whether
     * it is the evaluation return ({@code report --score eval}) or the final return.
     */
    public static List<String> runsTail(boolean evalScore) {
        return List.of("steps", RUNS_STATUS, evalScore ? EVAL_RETURN : FINAL_RETURN, MAX_RETURN, "left_out_reason");
    }

    /** Whether {@code name} is a file {@code report} writes (the PNG charts included). */
    public static boolean isReportFile(String name) {
        return name.equals(PDF) || name.equals(MARKDOWN) || name.equals(SUMMARY) || name.equals(RUNS)
                || name.equals(VERDICTS) || name.endsWith(".png");
    }
}
