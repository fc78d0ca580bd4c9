package dev.ablate4j.run;

import dev.ablate4j.algo.RatioStats;
import dev.ablate4j.config.TrainConfig;
import dev.ablate4j.rl.EpisodeRecord;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Runs one training into a run directory: {@code config.json} and {@code provenance.json} first,
 * then one {@code metrics.csv} row and the finished episodes per iteration, trust-region rows when
 * logged, wall-clock figures in {@code timing.csv}, and finally the provenance's end and status and
 * the {@code DONE} marker. A diverged run is recorded as such (status, iteration) rather than thrown.
 */
public final class RunDriver {

    /** Receives a report after every iteration (for progress lines or bars). */
    public interface Progress {
        void iteration(Training training, IterationResult result, double stepsPerSecond);

        Progress NONE = (t, r, s) -> {};
    }

    private static final List<String> EPISODE_HEADER = List.of("return", "length", "env_steps");
    private static final List<String> TRUST_REGION_HEADER = List.of("iteration", "max_ratio_train", "mean_kl_train",
            "max_ratio_heldout", "mean_kl_heldout");
    private static final List<String> TIMING_HEADER = List.of("iteration", "sample_seconds", "update_seconds",
            "total_seconds");

    private RunDriver() {}

    /** Trains {@code config} from scratch into {@code dir} (created if needed; earlier run files replaced). */
    public static RunOutcome run(TrainConfig config, Path dir, String mujocoVersion, Progress progress) {
        try {
            Files.createDirectories(dir);
            Files.deleteIfExists(dir.resolve(RunFiles.DONE));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        AtomicFiles.writeJson(dir.resolve(RunFiles.CONFIG), config.toJson());
        Map<String, Object> provenance = Provenance.start(mujocoVersion);
        AtomicFiles.writeJson(dir.resolve(RunFiles.PROVENANCE), provenance);

        long started = System.nanoTime();
        RunOutcome outcome;
        try (Training training = new Training(config);
                CsvLog metrics = CsvLog.create(dir.resolve(RunFiles.METRICS), MetricsRow.HEADER);
                CsvLog episodes = CsvLog.create(dir.resolve(RunFiles.EPISODES), EPISODE_HEADER);
                CsvLog timing = CsvLog.create(dir.resolve(RunFiles.TIMING), TIMING_HEADER);
                CsvLog trustRegion = CsvLog.create(dir.resolve(RunFiles.TRUST_REGION), TRUST_REGION_HEADER)) {
            outcome = loop(training, metrics, episodes, timing, trustRegion, progress, started);
        }
        provenance.put("end", Instant.now().toString());
        provenance.put("status", outcome.status());
        if (outcome.divergedAt() != null) {
            provenance.put("diverged_at_iteration", outcome.divergedAt());
        }
        if (outcome.error() != null) {
            provenance.put("error", outcome.error());
        }
        provenance.put("env_steps", outcome.envSteps());
        provenance.put("wall_seconds", outcome.seconds());
        AtomicFiles.writeJson(dir.resolve(RunFiles.PROVENANCE), provenance);
        if (outcome.done()) {
            AtomicFiles.writeString(dir.resolve(RunFiles.DONE), "done\n");
        }
        return outcome;
    }

    private static RunOutcome loop(Training training, CsvLog metrics, CsvLog episodes, CsvLog timing,
            CsvLog trustRegion, Progress progress, long started) {
        while (!training.finished()) {
            long iterationStart = System.nanoTime();
            IterationResult result;
            try {
                result = training.step();
            } catch (DivergedException e) {
                return new RunOutcome("diverged", training.iteration(), training.envSteps(), seconds(started),
                        e.iteration(), e.getMessage());
            }
            metrics.append(result.metrics().cells());
            for (EpisodeRecord ep : result.episodes()) {
                episodes.append(List.of(Num.format(ep.totalReward()), Integer.toString(ep.length()),
                        Long.toString(ep.envSteps())));
            }
            if (result.hasTrustRegion()) {
                RatioStats tr = result.trainRatios();
                RatioStats ho = result.heldoutRatios();
                trustRegion.append(List.of(Integer.toString(result.metrics().iteration()), Num.format(tr.maxRatio()),
                        Num.format(tr.meanKl()), Num.format(ho.maxRatio()), Num.format(ho.meanKl())));
            }
            long now = System.nanoTime();
            double sample = training.lastSampleNanos() / 1e9;
            double total = (now - iterationStart) / 1e9;
            timing.append(List.of(Integer.toString(result.metrics().iteration()), Num.format(sample),
                    Num.format(total - sample), Num.format(total)));
            progress.iteration(training, result, training.envSteps() / seconds(started));
        }
        return new RunOutcome("done", training.iteration(), training.envSteps(), seconds(started), null, null);
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
