package dev.ablate4j.tensorboard;

import dev.ablate4j.algo.RatioStats;
import dev.ablate4j.results.RunCsv;
import dev.ablate4j.rl.EpisodeRecord;
import dev.ablate4j.run.IterationResult;
import dev.ablate4j.run.RunDriver;
import dev.ablate4j.run.RunOutcome;
import java.io.Closeable;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The live event file of one run: after every iteration, the iteration's episodes, metrics row and
 * trust-region row, with the numbers exactly as the CSV files print them (so a live file and an
 * export of the finished run hold the same values); at the end, the final return and the session
 * end. Wall times are the clock's — it is a side output like {@code timing.csv}, never read back.
 * A write that fails prints one warning and turns the live file off; training goes on untouched.
 */
public final class LiveRun implements Closeable {

    /** A live run that writes nothing (no {@code --tensorboard}). */
    public static final LiveRun NONE = new LiveRun(null, null, null, null);

    private final String name;
    private final EventFile file;
    private final RunEvents events;
    private final PrintStream warnings;
    private boolean broken;
    /** The last step earlier live files of this run hold (-1: none); a resumed run writes only past it. */
    private long writtenUpTo;
    private boolean first = true;

    private LiveRun(String name, EventFile file, RunEvents events, PrintStream warnings) {
        this.name = name;
        this.file = file;
        this.events = events;
        this.warnings = warnings;
        this.broken = file == null;
    }

    /**
     * Opens a new event file in {@code logdir/<name>/} and writes the session start; on failure, warns
     * and returns a live run that writes nothing.
     */
    static LiveRun open(Path logdir, String name, HParams hparams, HParams.Source source, PrintStream warnings) {
        try {
            double now = LiveBoard.now();
            Path dir = logdir.resolve(name);
            Files.createDirectories(dir);
            String host = "ablate4j-live." + ProcessHandle.current().pid();
            Path path = dir.resolve(EventFile.name(now, host));
            for (int n = 2; Files.exists(path); n++) {
                path = dir.resolve(EventFile.name(now, host + "." + n));
            }
            long writtenUpTo = LiveSteps.lastStep(dir);
            EventFile file = EventFile.create(path, now);
            RunEvents events = new RunEvents(file);
            events.sessionStart(hparams, source, RunNames.group(name), now);
            LiveRun live = new LiveRun(name, file, events, warnings);
            live.writtenUpTo = writtenUpTo;
            return live;
        } catch (IOException | RuntimeException e) {
            warnings.println("tensorboard: warning: cannot write live events for " + name + " into " + logdir + ": " + e
                    + " (training goes on)");
            return NONE;
        }
    }

    /** {@code progress}, then this run's events for the iteration. */
    public RunDriver.Progress around(RunDriver.Progress progress) {
        if (broken) {
            return progress;
        }
        return (training, result, stepsPerSecond) -> {
            progress.iteration(training, result, stepsPerSecond);
            iteration(result);
        };
    }

    /**
     * Writes one iteration's events. A run resumed from a checkpoint retrains iterations whose events
     * an earlier, killed process may have written already: only steps past the last one in the run's
     * earlier live files are written, so TensorBoard shows no point twice. A run that starts at
     * iteration 1 (fresh, or retrained with --force) writes everything.
     */
    void iteration(IterationResult r) {
        if (broken) {
            return;
        }
        if (first) {
            first = false;
            if (r.metrics().iteration() == 1) {
                writtenUpTo = -1;
            }
        }
        try {
            double now = LiveBoard.now();
            long step = r.metrics().envSteps();
            if (step <= writtenUpTo) {
                return;
            }
            for (EpisodeRecord ep : r.episodes()) {
                if (ep.envSteps() <= writtenUpTo) {
                    continue;
                }
                events.episode(ep.envSteps(), now, RunCsv.EPISODES.header(),
                        numbers(RunCsv.episodeRow(ep.totalReward(), ep.length(), ep.envSteps())));
            }
            events.iteration(step, now, RunCsv.METRICS.header(), numbers(r.metrics().cells()));
            if (r.hasTrustRegion()) {
                RatioStats tr = r.trainRatios();
                RatioStats ho = r.heldoutRatios();
                events.trustRegion(step, now, RunCsv.TRUST_REGION.header(), numbers(RunCsv.trustRegionRow(
                        r.metrics().iteration(), tr.maxRatio(), tr.meanKl(), ho.maxRatio(), ho.meanKl())));
            }
        } catch (IOException | RuntimeException e) {
            fail(e);
        }
    }

    /** The end of the run: final return and session end (success only when the run is done). */
    public void finish(RunOutcome outcome) {
        if (broken) {
            return;
        }
        try {
            events.finish(outcome.done(), LiveBoard.now());
        } catch (IOException | RuntimeException e) {
            fail(e);
        }
    }

    private void fail(Exception e) {
        broken = true;
        warnings.println("tensorboard: warning: live events for " + name + " stopped: " + e + " (training goes on)");
    }

    private static double[] numbers(List<String> cells) {
        double[] out = new double[cells.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = number(cells.get(i));
        }
        return out;
    }

    /** A CSV cell as the CSV reader reads it: empty or NaN is NaN, inf and -inf are infinities. */
    private static double number(String cell) {
        return switch (cell) {
            case "", "NaN", "nan" -> Double.NaN;
            case "inf" -> Double.POSITIVE_INFINITY;
            case "-inf" -> Double.NEGATIVE_INFINITY;
            default -> Double.parseDouble(cell);
        };
    }

    @Override
    public void close() {
        if (file == null) {
            return;
        }
        try {
            file.close();
        } catch (IOException e) {
            warnings.println("tensorboard: warning: closing live events for " + name + ": " + e);
        }
    }
}
