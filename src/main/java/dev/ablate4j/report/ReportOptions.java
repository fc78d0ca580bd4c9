package dev.ablate4j.report;

import dev.ablate4j.stats.Bootstrap;

/**
 * Settings of one report.
 *
 * @param seed      master seed of every bootstrap stream
 * @param resamples bootstrap resamples per interval
 * @param baseline  requested baseline cell (key, id or label), or null to pick one
 * @param allCells  include runs outside the spec recorded in their spec directory ({@code --all-cells})
 */
public record ReportOptions(long seed, int resamples, String baseline, boolean allCells) {

    /** Options covering the recorded specs only. */
    public ReportOptions(long seed, int resamples, String baseline) {
        this(seed, resamples, baseline, false);
    }

    /** Confidence level of every interval in the report. */
    public static final double CONFIDENCE = 0.95;

    /** The bootstrap with these settings. */
    public Bootstrap bootstrap() {
        return new Bootstrap(resamples, CONFIDENCE);
    }
}
