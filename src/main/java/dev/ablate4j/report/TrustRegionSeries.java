package dev.ablate4j.report;

import dev.ablate4j.results.CsvTable;

/**
 * A run's trust-region measurements ({@code trust_region.csv}): per measured iteration, the max
 * probability ratio and the mean KL(old‖new), on the training batch and on a held-out batch.
 */
public record TrustRegionSeries(
        double[] iteration,
        double[] maxRatioTrain,
        double[] meanKlTrain,
        double[] maxRatioHeldout,
        double[] meanKlHeldout) {

    /** Column names in the file. */
    static final java.util.List<String> COLUMNS = java.util.List.of(
            "iteration", "max_ratio_train", "mean_kl_train", "max_ratio_heldout", "mean_kl_heldout");

    static TrustRegionSeries of(CsvTable t) {
        return new TrustRegionSeries(t.column("iteration"), t.column("max_ratio_train"), t.column("mean_kl_train"),
                t.column("max_ratio_heldout"), t.column("mean_kl_heldout"));
    }
}
