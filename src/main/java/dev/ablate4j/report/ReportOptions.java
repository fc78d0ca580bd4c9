package dev.ablate4j.report;

import dev.ablate4j.stats.Bootstrap;
import dev.ablate4j.stats.IntervalMethod;
import dev.ablate4j.stats.Intervals;

/**
 * Settings of one report.
 *
 * @param seed      master seed of every bootstrap stream
 * @param resamples bootstrap resamples per interval
 * @param baseline  requested baseline cell (key, id or label), or null to pick one
 * @param allCells  include runs outside the spec recorded in their spec directory ({@code --all-cells})
 * @param interval  how intervals are computed ({@code --interval}); see {@link Intervals}
 * @param score     what a run's score is ({@code --score})
 */
public record ReportOptions(long seed, int resamples, String baseline, boolean allCells, IntervalMethod interval,
        Score score) {

    /** Options covering the recorded specs only, with the default interval method and the final return as score. */
    public ReportOptions(long seed, int resamples, String baseline) {
        this(seed, resamples, baseline, false, IntervalMethod.DEFAULT, Score.FINAL);
    }

    /** Options with the default interval method and the final return as score. */
    public ReportOptions(long seed, int resamples, String baseline, boolean allCells) {
        this(seed, resamples, baseline, allCells, IntervalMethod.DEFAULT, Score.FINAL);
    }

    /** Options with the final return as score. */
    public ReportOptions(long seed, int resamples, String baseline, boolean allCells, IntervalMethod interval) {
        this(seed, resamples, baseline, allCells, interval, Score.FINAL);
    }

    /** Confidence level of every interval in the report. */
    public static final double CONFIDENCE = 0.95;

    /** The bootstrap with these settings. */
    public Bootstrap bootstrap() {
        return new Bootstrap(resamples, CONFIDENCE);
    }

    /** The intervals with these settings. */
    public Intervals intervals() {
        return new Intervals(interval, bootstrap());
    }
}
