package dev.ablate4j.tensorboard;

import dev.ablate4j.results.Returns;
import dev.ablate4j.results.RunCsv;
import dev.ablate4j.tensorboard.proto.Event;
import dev.ablate4j.tensorboard.proto.Summary;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Writes one run's events into its event file, the same way whether the rows come from the CSV
 * files (export) or from the training loop (live): one event per CSV row holding a scalar per column
 * (NaN cells, such as the mean return of an iteration in which no episode ended, are left out), at
 * step = the row's environment steps; and at the end of a run the final and max return and the
 * HParams session end.
 */
final class RunEvents {

    private final EventFile file;
    private final List<Double> meanReturns = new ArrayList<>();
    private long lastStep;

    RunEvents(EventFile file) {
        this.file = file;
    }

    /** The HParams session start (step 0). */
    void sessionStart(HParams hparams, HParams.Source source, String group, double wallTime) throws IOException {
        write(0, wallTime, hparams.sessionStart(source, group, wallTime));
    }

    /** A {@code metrics.csv} row. */
    void iteration(long step, double wallTime, List<String> header, double[] row) throws IOException {
        int i = header.indexOf(RunCsv.MEAN_RETURN);
        if (i >= 0) {
            meanReturns.add(row[i]);
        }
        lastStep = Math.max(lastStep, step);
        scalars(step, wallTime, header, row, Tags::metric);
    }

    /** An {@code episodes.csv} row, at the step the episode ended. */
    void episode(long step, double wallTime, List<String> header, double[] row) throws IOException {
        scalars(step, wallTime, header, row, Tags::episode);
    }

    /** A {@code trust_region.csv} row, at the step of its iteration. */
    void trustRegion(long step, double wallTime, List<String> header, double[] row) throws IOException {
        scalars(step, wallTime, header, row, Tags::trustRegion);
    }

    /**
     * The end of a run: for a finished run its final return (mean of the last 5 finite mean returns,
     * as the report computes it) and max return at the last step, then the session end.
     */
    void finish(boolean success, double wallTime) throws IOException {
        if (success) {
            double[] returns = meanReturns.stream().mapToDouble(Double::doubleValue).toArray();
            Summary.Builder s = Summary.newBuilder();
            add(s, Tags.FINAL_RETURN, Returns.finalReturn(returns));
            add(s, Tags.MAX_RETURN, Returns.maxReturn(returns));
            if (s.getValueCount() > 0) {
                write(lastStep, wallTime, s.build());
            }
        }
        write(lastStep, wallTime, HParams.sessionEnd(success, wallTime));
    }

    private void scalars(long step, double wallTime, List<String> header, double[] row, UnaryOperator<String> tags)
            throws IOException {
        Summary.Builder s = Summary.newBuilder();
        for (int c = 0; c < header.size(); c++) {
            String tag = tags.apply(header.get(c));
            if (tag != null) {
                add(s, tag, row[c]);
            }
        }
        if (s.getValueCount() > 0) {
            write(step, wallTime, s.build());
        }
    }

    private static void add(Summary.Builder s, String tag, double value) {
        if (!Double.isNaN(value)) {
            s.addValue(Summary.Value.newBuilder().setTag(tag).setSimpleValue((float) value));
        }
    }

    private void write(long step, double wallTime, Summary summary) throws IOException {
        file.write(Event.newBuilder().setWallTime(wallTime).setStep(step).setSummary(summary).build());
    }
}
