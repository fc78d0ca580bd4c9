package dev.ablate4j.run;

import dev.ablate4j.algo.RatioStats;
import dev.ablate4j.results.MetricsRow;
import dev.ablate4j.rl.EpisodeRecord;
import java.util.List;

/**
 * What one iteration produced: its metrics row, the episodes that ended in it, and — on
 * iterations that log the trust region — the ratio statistics on the training and held-out batches.
 */
public record IterationResult(MetricsRow metrics, List<EpisodeRecord> episodes, RatioStats trainRatios,
        RatioStats heldoutRatios) {

    public boolean hasTrustRegion() {
        return heldoutRatios != null;
    }
}
