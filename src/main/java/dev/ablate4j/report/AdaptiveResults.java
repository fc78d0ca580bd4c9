package dev.ablate4j.report;

import dev.ablate4j.adaptive.Outcome;
import dev.ablate4j.adaptive.Rounds;
import dev.ablate4j.matrix.MatrixFiles;
import dev.ablate4j.run.AtomicFiles;
import dev.ablate4j.run.RunFiles;
import dev.ablate4j.stats.Bootstrap;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The finished results of one adaptive spec as the round logic sees them ({@link Rounds.Results}),
 * read exactly as the report reads them: a run's final return enters the statistics when
 * {@link ResultsReader} uses the run (done, whole, not diverged, on the step budget, ...). A run the
 * reader leaves out is finished when it is done or recorded as diverged ({@code provenance.json}
 * or {@code failure.json}); any other run is pending. The precision half-width is the report's
 * interval of the mean ({@link SummaryRow#meanInterval}) with report seed {@value #REPORT_SEED} and
 * {@link Bootstrap#DEFAULT_RESAMPLES} resamples, i.e. what a default {@code report} prints.
 */
public final class AdaptiveResults implements Rounds.Results {

    /** The report seed whose intervals the precision rule uses (the report's default). */
    public static final long REPORT_SEED = 0;

    private final String spec;
    private final List<Path> specDirs;
    private final Map<String, Double> values = new HashMap<>();
    private final Bootstrap boot = new Bootstrap(Bootstrap.DEFAULT_RESAMPLES, ReportOptions.CONFIDENCE);

    private AdaptiveResults(String spec, List<Path> specDirs) {
        this.spec = spec;
        this.specDirs = List.copyOf(specDirs);
    }

    /** Reads the runs of spec {@code spec} under {@code specDirs} ({@code DIR/<spec>}, several for unmerged shards). */
    public static AdaptiveResults read(String spec, List<Path> specDirs) {
        AdaptiveResults r = new AdaptiveResults(spec, specDirs);
        List<Path> existing = specDirs.stream().filter(Files::isDirectory).toList();
        if (existing.isEmpty()) {
            return r;
        }
        String prefix = spec + "/";
        for (Run run : ResultsReader.read(existing).runs()) {
            if (run.cellKey().startsWith(prefix)) {
                r.values.put(key(run.cellKey().substring(prefix.length()), run.env(), run.seed()), run.finalReturn());
            }
        }
        return r;
    }

    private static String key(String cellId, String env, long seed) {
        return cellId + "/" + env + "/seed-" + seed;
    }

    @Override
    public Outcome outcome(String cellId, String env, long seed) {
        Double v = values.get(key(cellId, env, seed));
        if (v != null) {
            return Outcome.used(v);
        }
        for (Path dir : specDirs) {
            Path run = dir.resolve(cellId).resolve(env).resolve("seed-" + seed);
            if (RunFiles.isDone(run) || diverged(run)) {
                return Outcome.LEFT_OUT;
            }
        }
        return Outcome.PENDING;
    }

    private static boolean diverged(Path run) {
        Map<String, Object> failure = MatrixFiles.failure(run);
        if (failure != null && "diverged".equals(failure.get("status"))) {
            return true;
        }
        Path provenance = run.resolve(RunFiles.PROVENANCE);
        try {
            return Files.isRegularFile(provenance)
                    && "diverged".equals(AtomicFiles.readJson(provenance).get("status"));
        } catch (RuntimeException e) {
            return false; // unreadable: being written, or corrupt; not finished as far as the rule goes
        }
    }

    @Override
    public double halfWidth(String cellId, String env, double[] values) {
        return SummaryRow.meanInterval(values, env, spec + "/" + cellId, boot, REPORT_SEED).width() / 2;
    }
}
