/**
 * The {@code report} command's engine: reads results trees, computes the statistics of
 * {@link dev.ablate4j.stats}, and writes {@code report.pdf}, one PNG per figure, {@code report.md},
 * {@code summary.csv}, {@code runs.csv} and {@code verdicts.csv}.
 *
 * <p>Decisions a user should know:
 * <ul>
 *   <li>A run is any directory named {@code seed-<n>} or holding a {@code config.json}; it is used
 *       only if it has a {@code DONE} marker, its provenance status is not {@code diverged} or
 *       {@code failed}, its CSVs parse, and at least one episode finished. Everything else is listed
 *       in the appendix with the reason (file and line for corrupt CSVs).</li>
 *   <li>A config ("cell") is a matrix cell from {@code cell.json}; without one, runs whose configs
 *       agree on every key except seed, env and output/threads keys form a config.</li>
 *   <li>A spec directory holding the spec its last {@code matrix} ran ({@code spec.json},
 *       {@link dev.ablate4j.results.SpecRecord}) is scoped to it: runs of other cells, environments or
 *       seeds found there are left out as "not in the current spec" before their files are read, and
 *       listed per cell in the section "Scope" ({@code --all-cells} uses them). Without a record a tree
 *       is read as before, so every committed report rebuilds byte for byte. The rebuild appendix names
 *       the recorded spec path and the results directory the runs were read from.</li>
 *   <li>Runs found twice in merged roots (same cell, env and seed) count once. Per environment, only
 *       runs with the most common {@code steps} budget are compared; the rest are listed as left
 *       out. Runs from different ablate4j versions are used together, with a warning.</li>
 *   <li>Final return = mean of the last 5 iterations' mean episode return (iterations in which no
 *       episode ended are skipped); "max" = best per-iteration mean return during training.</li>
 *   <li>Each statistic draws its bootstrap stream from the master seed and a key naming the
 *       statistic, so {@code summary.csv} and {@code report.md} are byte-identical for the same
 *       inputs and seed, and adding a chart changes no other number.</li>
 *   <li>A cell has the same colour and dash in every chart (Okabe–Ito palette, by display order).
 *       Learning curves and performance profiles of more than 5 configs become small multiples:
 *       each panel shows one config against the baseline on a shared y-axis. Bands are light fills
 *       (alpha 0.08) with thin edges in their colour, so overlapping bands stay readable.</li>
 *   <li>Switches on and off in exactly the same runs (or exactly opposite) are confounded: the
 *       per-optimization panels, the main-effects chart and table and the interaction charts show
 *       one entry per such group, named together and marked "(confounded)"
 *       ({@link dev.ablate4j.report.sections.FactorGroups} is the one owner of that grouping). A single
 *       estimable pair of switches is drawn as an interaction plot (four cell means with Student-t
 *       intervals); more pairs as a heat map.</li>
 *   <li>Trust-region curves are over environment steps (an iteration's {@code metrics.csv} row),
 *       with a marker on every point when a line has at most 15, and legend entries only for lines
 *       with data.</li>
 *   <li>PDF layout ({@link dev.ablate4j.report.render.PdfWriter}): sections flow on when less than half a
 *       page is used, figures that do not fit float behind the text that follows them, tables that
 *       fit on a page are not split, and long narrow tables are set side by side.</li>
 *   <li>A spec run with adaptive seeds leaves {@code <spec>/adaptive.json}; for each one found in a
 *       root or a root's spec directories, the section "Adaptive seeds" replays the rounds from the
 *       runs ({@link dev.ablate4j.report.AdaptiveResults}, the same reading the matrix decides with)
 *       and states the rule, each cell's seeds and each comparison's verdict.</li>
 *   <li>{@code runs.csv} ({@link dev.ablate4j.report.RunsCsv}) has one row per run directory found:
 *       path, spec, cell label and id, environment, seed, each optimization switch, the varied keys
 *       of {@code summary.csv}, steps, status ({@code used} or {@code left out}), final and max return
 *       at full precision, and the reason a run was left out. The mean final return of a cell's used
 *       rows in an environment is its {@code final_mean} in {@code summary.csv}.</li>
 *   <li>Verdicts are computed, never written ({@link dev.ablate4j.report.Verdicts},
 *       {@link dev.ablate4j.stats.Verdict}): a comparison an adaptive design tested is judged by its
 *       group-sequential boundary, every other config against the baseline by the Holm-adjusted
 *       Welch p (family: the configs against the baseline in that environment), ACLI − AAI by
 *       whether its interval excludes 0; without a shown difference, TOST with the margin of
 *       {@code --margin} or the spec's {@code equivalence-margin} (its recorded {@code <spec>/spec.yaml}) gives
 *       equivalent / not shown equivalent, else undecided. Every pair states the smallest margin TOST
 *       could declare equivalence for. The interval of Δ mean is {@link
 *       dev.ablate4j.stats.Intervals#diffMeans}, the one the comparison tables print.</li>
 *   <li>{@code --reference LABEL=FILE} ({@link dev.ablate4j.report.ReferenceSample}, the file format
 *       {@link dev.ablate4j.results.ReferenceReturns}) compares the baseline with another
 *       implementation's final returns in each environment the file has rows for: a verdict row of
 *       design {@code reference} (plain Welch p, a single comparison kept out of the Holm family, so
 *       the fixed rows are exactly those of a report without it) and the section "Against another
 *       implementation". A reference is not a cell: {@code summary.csv} and {@code runs.csv} do not
 *       change, and it is not in the calibration or re-test notes (they resample runs of cells).</li>
 *   <li>The calibration section ({@link dev.ablate4j.report.sections.CalibrationSection}) resamples each
 *       verdict comparison's runs under the null and states each test's false-positive rate; its
 *       cost is bounded ({@code --calibration-reps} per comparison, a budget per report).</li>
 *   <li>A comparison whose both configs hold runs copied from another spec ({@code reused_from}) is
 *       checked against that spec's adaptive design when its results are found beside the roots
 *       ({@link dev.ablate4j.report.ReTests}); a re-test of a finished design is stated with its
 *       simulated false-positive rate.</li>
 * </ul>
 *
 * <p>Layout: this package holds the document model ({@link dev.ablate4j.report.Block},
 * {@link dev.ablate4j.report.Table}, {@link dev.ablate4j.report.Figure}), the readers of results trees,
 * the statistics shared by sections and CSVs, the CSV writers and {@link dev.ablate4j.report.ReportBuilder}.
 * {@link dev.ablate4j.report.sections} turns them into blocks, {@link dev.ablate4j.report.render} writes
 * blocks as PDF, PNG and Markdown. Dependencies point one way: sections → this package, render → this
 * package, and only the builder here uses both; neither sub-package uses the other.
 */
package dev.ablate4j.report;
