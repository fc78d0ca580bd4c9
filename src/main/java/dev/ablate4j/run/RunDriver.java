package dev.ablate4j.run;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.ablate4j.algo.RatioStats;
import dev.ablate4j.config.Keys;
import dev.ablate4j.config.TrainConfig;
import dev.ablate4j.policy.PolicyJson;
import dev.ablate4j.results.AtomicFiles;
import dev.ablate4j.results.Checkpoint;
import dev.ablate4j.results.ConfigFile;
import dev.ablate4j.results.CsvLog;
import dev.ablate4j.results.Provenance;
import dev.ablate4j.results.ProvenanceFile;
import dev.ablate4j.results.RunCsv;
import dev.ablate4j.results.RunFiles;
import dev.ablate4j.results.RunStatus;
import dev.ablate4j.rl.EpisodeRecord;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;

/**
 * Runs one training into a run directory: {@code config.json} and {@code provenance.json} first,
 * then one {@code metrics.csv} row and the finished episodes per iteration, trust-region rows when
 * logged, wall-clock figures in {@code timing.csv}, and finally the provenance's end and status and
 * the {@code DONE} marker. A finished run writes its final policy ({@code policy.json}, see
 * {@link dev.ablate4j.policy.PolicyJson}) before the provenance's end; a policy or evaluation left
 * from an earlier run in the directory is removed when training starts. A diverged run is recorded
 * as such (status, iteration) rather than thrown.
 *
 * <p>With checkpoints on, every {@code checkpointEvery} iterations the whole training state and the
 * CSV lengths are saved atomically to {@code checkpoint.bin}; {@link #runOrResume} continues from it,
 * cutting the CSVs back to the saved lengths, so a run killed at any moment and resumed writes the
 * same bytes as one that never stopped.
 */
public final class RunDriver {

    /** Receives a report after every iteration (for progress lines or bars). */
    public interface Progress {
        void iteration(Training training, IterationResult result, double stepsPerSecond);

        Progress NONE = (t, r, s) -> {};
    }

    private RunDriver() {}

    /** Trains {@code config} from scratch into {@code dir} (created if needed; earlier run files replaced). */
    public static RunOutcome run(TrainConfig config, Path dir, String mujocoVersion, Progress progress) {
        return execute(config, dir, mujocoVersion, progress, 0, null);
    }

    /**
     * Trains {@code config} into {@code dir}, continuing from the directory's checkpoint when it
     * belongs to the same config, and checkpointing every {@code checkpointEvery} iterations (0 = never).
     * A directory whose run is already done is left as it is.
     */
    public static RunOutcome runOrResume(TrainConfig config, Path dir, String mujocoVersion, Progress progress,
            int checkpointEvery) {
        if (RunFiles.isDone(dir) && RecordedConfig.in(dir, config).holds()) {
            return new RunOutcome(RunStatus.DONE, config.iterations(), 0, 0, null, null);
        }
        Checkpoint checkpoint = Checkpoint.read(dir.resolve(RunFiles.CHECKPOINT));
        if (checkpoint != null && !matches(config, checkpoint.configJson())) {
            checkpoint = null;
        }
        return execute(config, dir, mujocoVersion, progress, checkpointEvery, checkpoint);
    }

    private static RunOutcome execute(TrainConfig config, Path dir, String mujocoVersion, Progress progress,
            int checkpointEvery, Checkpoint checkpoint) {
        if (config.usesMujoco() && mujocoVersion != null && !mujocoVersion.equals(config.get(Keys.MUJOCO))) {
            throw new IllegalStateException("the run asks for MuJoCo " + config.get(Keys.MUJOCO) + " but MuJoCo "
                    + mujocoVersion + " is loaded; a run is only trained on the MuJoCo its config names");
        }
        try {
            Files.createDirectories(dir);
            Files.deleteIfExists(dir.resolve(RunFiles.DONE));
            Files.deleteIfExists(dir.resolve(RunFiles.POLICY));
            Files.deleteIfExists(dir.resolve(RunFiles.EVAL));
            Files.deleteIfExists(dir.resolve(RunFiles.EVAL_SETTINGS));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, Object> provenance;
        if (checkpoint == null) {
            ConfigFile.write(dir, config.toJson());
            provenance = Provenance.start(mujocoVersion);
        } else {
            provenance = ProvenanceFile.stored(dir);
            Object resumed = provenance.get(Provenance.RESUMED);
            provenance.put(Provenance.RESUMED, resumed instanceof Number n ? n.intValue() + 1 : 1);
            provenance.put(Provenance.STATUS, RunStatus.RUNNING.word());
        }
        ProvenanceFile.write(dir, provenance);

        long started = System.nanoTime();
        RunOutcome outcome;
        try (Training training = new Training(config);
                CsvLog metrics = open(dir, RunCsv.METRICS, checkpoint);
                CsvLog episodes = open(dir, RunCsv.EPISODES, checkpoint);
                CsvLog timing = open(dir, RunCsv.TIMING, checkpoint);
                CsvLog trustRegion = open(dir, RunCsv.TRUST_REGION, checkpoint)) {
            if (checkpoint != null) {
                training.restore(checkpoint);
            }
            Logs logs = new Logs(metrics, episodes, timing, trustRegion);
            outcome = loop(training, logs, progress, started, dir, checkpointEvery);
            if (outcome.done()) {
                AtomicFiles.writeBytes(dir.resolve(RunFiles.POLICY), PolicyJson.bytes(training.savedPolicy()));
            }
        }
        provenance.put(Provenance.END, Instant.now().toString());
        provenance.put(Provenance.STATUS, outcome.status().word());
        if (outcome.divergedAt() != null) {
            provenance.put(Provenance.DIVERGED_AT, outcome.divergedAt());
        }
        if (outcome.error() != null) {
            provenance.put(Provenance.ERROR, outcome.error());
        }
        provenance.put(Provenance.ENV_STEPS, outcome.envSteps());
        ProvenanceFile.write(dir, provenance);
        if (outcome.done()) {
            RunFiles.markDone(dir);
            try {
                Files.deleteIfExists(dir.resolve(RunFiles.CHECKPOINT));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return outcome;
    }

    private record Logs(CsvLog metrics, CsvLog episodes, CsvLog timing, CsvLog trustRegion) {}

    private static CsvLog open(Path dir, RunCsv csv, Checkpoint checkpoint) {
        return checkpoint == null ? csv.create(dir) : csv.resume(dir, checkpoint.counter(csv.name()));
    }

    private static RunOutcome loop(Training training, Logs logs, Progress progress, long started, Path dir,
            int checkpointEvery) {
        long firstStep = training.envSteps();
        while (!training.finished()) {
            long iterationStart = System.nanoTime();
            IterationResult result;
            try {
                result = training.step();
            } catch (DivergedException e) {
                return new RunOutcome(RunStatus.DIVERGED, training.iteration(), training.envSteps(), seconds(started),
                        e.iteration(), e.getMessage());
            }
            write(result, logs);
            long now = System.nanoTime();
            double sample = training.lastSampleNanos() / 1e9;
            double total = (now - iterationStart) / 1e9;
            logs.timing().append(RunCsv.timingRow(result.metrics().iteration(), sample, total));
            if (checkpointEvery > 0 && training.iteration() % checkpointEvery == 0 && !training.finished()) {
                checkpoint(training, logs, dir);
            }
            progress.iteration(training, result, (training.envSteps() - firstStep) / seconds(started));
        }
        return new RunOutcome(RunStatus.DONE, training.iteration(), training.envSteps(), seconds(started), null, null);
    }

    private static void write(IterationResult result, Logs logs) {
        logs.metrics().append(result.metrics().cells());
        for (EpisodeRecord ep : result.episodes()) {
            logs.episodes().append(RunCsv.episodeRow(ep.totalReward(), ep.length(), ep.envSteps()));
        }
        if (result.hasTrustRegion()) {
            RatioStats tr = result.trainRatios();
            RatioStats ho = result.heldoutRatios();
            logs.trustRegion().append(RunCsv.trustRegionRow(result.metrics().iteration(), tr.maxRatio(), tr.meanKl(),
                    ho.maxRatio(), ho.meanKl()));
        }
    }

    private static void checkpoint(Training training, Logs logs, Path dir) {
        Checkpoint c = new Checkpoint(configJson(training.config()));
        training.save(c);
        for (var entry : Map.of(RunFiles.METRICS, logs.metrics(), RunFiles.EPISODES, logs.episodes(),
                RunFiles.TIMING, logs.timing(), RunFiles.TRUST_REGION, logs.trustRegion()).entrySet()) {
            entry.getValue().sync();
            c.put(entry.getKey(), entry.getValue().length());
        }
        c.write(dir.resolve(RunFiles.CHECKPOINT));
    }

    private static String configJson(TrainConfig config) {
        try {
            return AtomicFiles.JSON.writeValueAsString(config.toJson());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean matches(TrainConfig config, String json) {
        try {
            @SuppressWarnings("unchecked")
            Map<String, Object> map = AtomicFiles.JSON.readValue(json, Map.class);
            return config.matches(map);
        } catch (JsonProcessingException e) {
            return false;
        }
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
