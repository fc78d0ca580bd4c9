package dev.ablate4j.report;

import dev.ablate4j.results.CorruptFileException;
import dev.ablate4j.results.CsvTable;
import dev.ablate4j.results.RunCsv;
import java.io.IOException;
import java.nio.file.Path;

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

    /** Reads {@code runDir}'s {@code trust_region.csv}; errors name it below {@code shown}. */
    static TrustRegionSeries read(Path runDir, String shown) throws CorruptFileException, IOException {
        CsvTable t = RunCsv.TRUST_REGION.read(runDir, shown, RunCsv.TRUST_REGION.header().toArray(String[]::new));
        return new TrustRegionSeries(t.column(RunCsv.ITERATION), t.column(RunCsv.MAX_RATIO_TRAIN),
                t.column(RunCsv.MEAN_KL_TRAIN), t.column(RunCsv.MAX_RATIO_HELDOUT), t.column(RunCsv.MEAN_KL_HELDOUT));
    }
}
