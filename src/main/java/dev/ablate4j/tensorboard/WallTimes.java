package dev.ablate4j.tensorboard;

import dev.ablate4j.results.CsvTable;
import dev.ablate4j.results.RunCsv;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;

/**
 * Wall times of a run's events, from the run's own records only, so the same run exports to the same
 * bytes whenever it is exported: its start ({@code provenance.json}) plus the seconds its
 * {@code timing.csv} recorded up to and including each iteration. Without timing.csv, times are
 * spread over start..end in proportion to env steps; without an end, every event gets the start;
 * without a start, 0.
 */
final class WallTimes {

    private final double start;
    private final double end;
    private final double lastStep;
    private final Map<Long, Double> elapsedByIteration;

    private WallTimes(double start, double end, double lastStep, Map<Long, Double> elapsedByIteration) {
        this.start = start;
        this.end = end;
        this.lastStep = lastStep;
        this.elapsedByIteration = elapsedByIteration;
    }

    static WallTimes of(RunData run) {
        double start = seconds(run.provenance().start());
        double end = seconds(run.provenance().end());
        double[] steps = run.metrics().column(Tags.STEP_COLUMN);
        double lastStep = steps.length == 0 ? 0 : steps[steps.length - 1];
        Map<Long, Double> elapsed = new HashMap<>();
        CsvTable timing = run.timing();
        if (timing != null) {
            double[] iteration = timing.column(RunCsv.ITERATION);
            double[] total = timing.column(RunCsv.TOTAL_SECONDS);
            double sum = 0;
            for (int i = 0; i < iteration.length; i++) {
                if (Double.isFinite(total[i])) {
                    sum += total[i];
                }
                elapsed.put((long) iteration[i], sum);
            }
        }
        return new WallTimes(Double.isNaN(start) ? 0 : start, end, lastStep, elapsed);
    }

    /** The run's start (seconds since the epoch), or 0 when unknown. */
    double start() {
        return start;
    }

    /** The run's end, or NaN when it has none yet. */
    double end() {
        return end;
    }

    /** When the iteration that ended at {@code step} finished. */
    double at(long iteration, double step) {
        Double e = elapsedByIteration.get(iteration);
        if (e != null) {
            return start + e;
        }
        if (!Double.isNaN(end) && lastStep > 0 && end >= start) {
            return start + (end - start) * Math.min(1, step / lastStep);
        }
        return start;
    }

    /** An ISO-8601 instant as seconds since the epoch (nanosecond precision kept as far as a double does), or NaN. */
    static double seconds(Object iso) {
        if (iso == null) {
            return Double.NaN;
        }
        try {
            Instant t = Instant.parse(iso.toString());
            return t.getEpochSecond() + t.getNano() / 1e9;
        } catch (DateTimeParseException e) {
            return Double.NaN;
        }
    }
}
