package dev.ablate4j.cli;

import dev.ablate4j.report.ReportInputException;
import dev.ablate4j.stats.IntervalMethod;
import dev.ablate4j.stats.Intervals;

/** Checks of {@code --resamples} and {@code --interval}, shared by {@code report} and {@code compare}. */
final class IntervalOptions {

    private IntervalOptions() {}

    /**
     * The interval method named by {@code interval}, after checking that {@code resamples} lies in
     * [100, {@value Intervals#MAX_RESAMPLES}].
     *
     * @throws ReportInputException one line naming the flag and what is allowed
     */
    static IntervalMethod check(int resamples, String interval) {
        if (resamples < 100 || resamples > Intervals.MAX_RESAMPLES) {
            throw new ReportInputException("--resamples must be between 100 and " + Intervals.MAX_RESAMPLES + ", got "
                    + resamples);
        }
        try {
            return IntervalMethod.parse(interval);
        } catch (IllegalArgumentException e) {
            throw new ReportInputException("--interval: " + e.getMessage());
        }
    }
}
