package dev.ablate4j.report;

import dev.ablate4j.stats.Bootstrap;

/**
 * Settings of one report.
 *
 * @param seed      master seed of every bootstrap stream
 * @param resamples bootstrap resamples per interval
 * @param baseline  requested baseline cell (key, id or label), or null to pick one
 */
public record ReportOptions(long seed, int resamples, String baseline) {

    /** Confidence level of every interval in the report. */
    public static final double CONFIDENCE = 0.95;

    /** The bootstrap with these settings. */
    public Bootstrap bootstrap() {
        return new Bootstrap(resamples, CONFIDENCE);
    }
}
