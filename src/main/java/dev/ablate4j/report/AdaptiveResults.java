package dev.ablate4j.report;

import dev.ablate4j.adaptive.Outcome;
import dev.ablate4j.adaptive.Rounds;
import dev.ablate4j.results.FailureRecord;
import dev.ablate4j.results.ProvenanceFile;
import dev.ablate4j.results.RunFiles;
import dev.ablate4j.results.RunIntegrity;
import dev.ablate4j.results.RunStatus;
import dev.ablate4j.stats.Bootstrap;
import dev.ablate4j.stats.IntervalMethod;
import dev.ablate4j.stats.Intervals;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The finished results of one adaptive spec as the round logic sees them ({@link Rounds.Results}).
 * Each run is read on its own, exactly as the report reads a run ({@link ResultsReader}): its final
 * return enters the statistics when the reader uses the run (done, not diverged or failed, CSVs
 * whole, finite, at least one finished episode). Checks that compare runs with each other
 * (duplicates across roots, the most common step budget and config of a cell) are left out on
 * purpose: within one spec directory the matrix has already refused runs of another config, and a
 * run's outcome must not change when later runs arrive, or replaying earlier looks would not give
 * what was decided then. A run the reader leaves out is finished when it is done or recorded as
 * diverged ({@code provenance.json} or {@code failure.json}); any other run is pending, including a
 * done run whose files fail {@link RunIntegrity#finished} (matrix counts it as failed and
 * {@code --retry-failed} retrains it, so the round waits for it). The
 * precision half-width is the report's interval of the mean ({@link SummaryRow#meanInterval}) with
 * the default interval method ({@link IntervalMethod#DEFAULT}, Student-t), report seed
 * {@value #REPORT_SEED} and {@link Bootstrap#DEFAULT_RESAMPLES} resamples, i.e. what a default
 * {@code report} prints for the cell; NaN (not met) when the runs have no spread.
 */
public final class AdaptiveResults implements Rounds.Results {

    /** The report seed whose intervals the precision rule uses (the report's default). */
    public static final long REPORT_SEED = 0;

    private final String spec;
    private final List<Path> specDirs;
    private final Map<String, Outcome> outcomes = new HashMap<>();
    private final Intervals intervals = new Intervals(IntervalMethod.DEFAULT,
            new Bootstrap(Bootstrap.DEFAULT_RESAMPLES, ReportOptions.CONFIDENCE));

    private AdaptiveResults(String spec, List<Path> specDirs) {
        this.spec = spec;
        this.specDirs = List.copyOf(specDirs);
    }

    /** The runs of spec {@code spec} under {@code specDirs} ({@code DIR/<spec>}, several for unmerged shards). */
    public static AdaptiveResults read(String spec, List<Path> specDirs) {
        return new AdaptiveResults(spec, specDirs);
    }

    @Override
    public Outcome outcome(String cellId, String env, long seed) {
        return outcomes.computeIfAbsent(cellId + "/" + env + "/seed-" + seed, id -> read(id));
    }

    /** The first finished copy of run {@code id} (cell/env/seed-n) among the spec directories. */
    private Outcome read(String id) {
        Outcome found = Outcome.PENDING;
        for (Path dir : specDirs) {
            Path run = dir.resolve(id);
            if (!Files.isDirectory(run)) {
                continue;
            }
            List<Run> used = ResultsReader.read(List.of(run)).runs();
            if (!used.isEmpty()) {
                return Outcome.used(used.get(0).finalReturn());
            }
            if (RunFiles.isDone(run) && RunIntegrity.finished(run).ok() || diverged(run)) {
                found = Outcome.LEFT_OUT;
            }
        }
        return found;
    }

    private static boolean diverged(Path run) {
        FailureRecord failure = FailureRecord.read(run);
        if (failure != null && failure.diverged()) {
            return true;
        }
        try {
            return Files.isRegularFile(ProvenanceFile.file(run))
                    && new ProvenanceFile(ProvenanceFile.stored(run)).status() == RunStatus.DIVERGED;
        } catch (RuntimeException e) {
            return false; // unreadable: being written, or corrupt; not finished as far as the rule goes
        }
    }

    @Override
    public double halfWidth(String cellId, String env, double[] values) {
        return SummaryRow.meanInterval(values, env, spec + "/" + cellId, intervals, REPORT_SEED).width() / 2;
    }
}
