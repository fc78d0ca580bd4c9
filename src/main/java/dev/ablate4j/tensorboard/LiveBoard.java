package dev.ablate4j.tensorboard;

import dev.ablate4j.config.TrainConfig;
import dev.ablate4j.matrix.Expansion;
import dev.ablate4j.matrix.Plan;
import dev.ablate4j.matrix.PlannedRun;
import dev.ablate4j.matrix.RunExecutor;
import dev.ablate4j.run.RunOutcome;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * {@code --tensorboard LOGDIR} of {@code train} and {@code matrix}: events appended to
 * {@code LOGDIR/<run name>/} as iterations finish, named as an export names them. Nothing of it
 * reaches a run's directory, config or cell id: it only listens to the training loop.
 */
public final class LiveBoard {

    private LiveBoard() {}

    /** Wall-clock seconds since the epoch (live events only; exports never use the clock). */
    static double now() {
        return System.currentTimeMillis() / 1000.0;
    }

    /** Bad input before anything is written: LOGDIR exists and is not a directory. */
    public static void check(Path logdir, String flag) {
        if (logdir != null && Files.exists(logdir) && !Files.isDirectory(logdir)) {
            throw new BadExportException(flag + ": " + logdir + " is a file; give a directory (created if needed)");
        }
    }

    /**
     * The live run of {@code train}: named {@code <out dir name>/<env>/seed-<n>} as an export of the
     * directory would name it; {@link LiveRun#NONE} when {@code logdir} is null.
     */
    public static LiveRun train(Path logdir, TrainConfig config, Path out, PrintStream warnings) {
        if (logdir == null) {
            return LiveRun.NONE;
        }
        Map<String, Object> json = config.toJson();
        String label = out.toAbsolutePath().normalize().getFileName().toString();
        HParams.Source source = new HParams.Source(null, label, json);
        long seed = json.get("seed") instanceof Number n ? n.longValue() : -1;
        String name = RunNames.assign(List.of(new RunNames.Key(null, label, null, String.valueOf(json.get("env")),
                seed))).get(0);
        return LiveRun.open(logdir, name, HParams.of(List.of(source)), source, warnings);
    }

    /**
     * {@code inner}, with each run it trains also written live into {@code logdir}. The HParams
     * experiment of the whole plan ({@code full}, before sharding) goes into {@code logdir} when the
     * first run starts training. Runs the matrix skips (done before, reused) are not written: export them.
     */
    public static RunExecutor matrix(RunExecutor inner, Path logdir, Plan full, PrintStream warnings) {
        List<HParams.Source> sources = new ArrayList<>();
        List<RunNames.Key> keys = new ArrayList<>();
        for (PlannedRun run : full.runs()) {
            Map<String, Object> json = Expansion.runConfig(full.spec(), run).toJson();
            sources.add(new HParams.Source(full.spec().name(), run.cell().label(), json));
            keys.add(new RunNames.Key(full.spec().name(), run.cell().label(), run.cell().id(), run.env(), run.seed()));
        }
        HParams hparams = HParams.of(sources);
        List<String> names = RunNames.assign(keys);
        AtomicBoolean experimentWritten = new AtomicBoolean();
        return RunExecutor.of((job, progress, every) -> {
            int i = full.runs().indexOf(job.run());
            if (i < 0) {
                return inner.execute(job, progress, every);
            }
            if (!experimentWritten.getAndSet(true)) {
                // on the first run trained, so that input the matrix refuses leaves LOGDIR untouched
                writeExperiment(logdir, hparams, full.spec().name(), warnings);
            }
            HParams.Source source = new HParams.Source(full.spec().name(), job.run().cell().label(),
                    job.config().toJson());
            try (LiveRun live = LiveRun.open(logdir, names.get(i), hparams, source, warnings)) {
                RunOutcome outcome = inner.execute(job, live.around(progress), every);
                live.finish(outcome);
                return outcome;
            }
        }, inner::cannotTrain);
    }

    private static void writeExperiment(Path logdir, HParams hparams, String spec, PrintStream warnings) {
        double now = now();
        try {
            Files.createDirectories(logdir);
            String host = "ablate4j-live." + RunNames.segment(spec) + "." + ProcessHandle.current().pid();
            try (EventFile f = EventFile.create(logdir.resolve(EventFile.name(now, host)), now)) {
                f.write(dev.ablate4j.tensorboard.proto.Event.newBuilder().setWallTime(now)
                        .setSummary(hparams.experiment(now)).build());
            }
        } catch (IOException | RuntimeException e) {
            warnings.println("tensorboard: warning: cannot write the HParams experiment into " + logdir + ": " + e
                    + " (training goes on)");
        }
    }
}
