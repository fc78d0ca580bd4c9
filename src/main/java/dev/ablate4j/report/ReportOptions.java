package dev.ablate4j.report;

import dev.ablate4j.stats.Bootstrap;
import dev.ablate4j.stats.IntervalMethod;
import dev.ablate4j.stats.Intervals;
import java.util.List;

/**
 * Settings of one report.
 *
 * @param seed      master seed of every bootstrap stream
 * @param resamples bootstrap resamples per interval
 * @param baseline  requested baseline cell (key, id or label), or null to pick one
 * @param allCells  include runs outside the spec recorded in their spec directory ({@code --all-cells})
 * @param interval  how intervals are computed ({@code --interval}); see {@link Intervals}
 * @param score     what a run's score is ({@code --score})
 * @param margin    equivalence margin m of the verdicts' TOST (positive, finite), or null: then the
 *                  recorded spec's {@code equivalence-margin} if it has one, else none
 * @param calibrationReps null-resampling replicates per comparison in the calibration section
 * @param references other implementations' samples to compare the baseline with ({@code --reference}),
 *                  in the order given; empty for none. They compare final returns, so they cannot be
 *                  used with {@link Score#EVAL}.
 */
public record ReportOptions(long seed, int resamples, String baseline, boolean allCells, IntervalMethod interval,
        Score score, Double margin, int calibrationReps, List<ReferenceSample> references) {

    /** Default replicates per comparison of the calibration section. */
    public static final int DEFAULT_CALIBRATION_REPS = 2000;

    /** Most replicates per comparison {@code --calibration-reps} accepts. */
    public static final int MAX_CALIBRATION_REPS = 100_000;

    public ReportOptions {
        if (margin != null && !(margin > 0 && Double.isFinite(margin))) {
            throw new ReportInputException("--margin must be a positive finite number (the equivalence margin, in"
                    + " units of final return), got " + margin);
        }
        if (calibrationReps < 0 || calibrationReps > MAX_CALIBRATION_REPS) {
            throw new ReportInputException("--calibration-reps must be between 0 (no calibration section) and "
                    + MAX_CALIBRATION_REPS + ", got " + calibrationReps);
        }
        references = references == null ? List.of() : List.copyOf(references);
        if (!references.isEmpty() && score == Score.EVAL) {
            throw new ReportInputException(ReferenceSample.OPTION + " compares final returns; it cannot be used with"
                    + " --score eval");
        }
    }

    /** Options without reference samples. */
    public ReportOptions(long seed, int resamples, String baseline, boolean allCells, IntervalMethod interval,
            Score score, Double margin, int calibrationReps) {
        this(seed, resamples, baseline, allCells, interval, score, margin, calibrationReps, List.of());
    }

    /** Options without an equivalence margin, with the default calibration. */
    public ReportOptions(long seed, int resamples, String baseline, boolean allCells, IntervalMethod interval,
            Score score) {
        this(seed, resamples, baseline, allCells, interval, score, null, DEFAULT_CALIBRATION_REPS);
    }

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
