package dev.ablate4j.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.ToDoubleBiFunction;

/** Small results trees for the chart tests: cells with chosen switches and final scores. */
public final class ChartTrees {

    public static final String ENV = "Pendulum-v1";

    private ChartTrees() {}

    /**
     * Writes one cell of {@code seeds} runs under {@code root}/spec; {@code score} maps (config,
     * seed) to the run's final return (a flat curve at that value, so the final return is exact).
     */
    public static void cell(Path root, String cellId, String label, Map<String, Object> flags, int seeds,
            ToDoubleBiFunction<Map<String, Object>, Integer> score) {
        Map<String, Object> base = SyntheticResults.ppoConfig();
        base.putAll(flags);
        for (int s = 0; s < seeds; s++) {
            Map<String, Object> config = new TreeMap<>(base);
            config.put("env", ENV);
            config.put("seed", s);
            Map<String, Object> cellJson = new LinkedHashMap<>();
            cellJson.put("spec", "spec");
            cellJson.put("cell", cellId);
            cellJson.put("label", label);
            cellJson.put("factors", Map.of());
            double v = score.applyAsDouble(config, s);
            double[] curve = new double[SyntheticResults.ITERATIONS];
            java.util.Arrays.fill(curve, v);
            SyntheticResults.writeRun(root.resolve("spec").resolve(cellId).resolve(ENV).resolve("seed-" + s), config,
                    cellJson, "done", curve, true, true, "0.1.0");
        }
    }

    /** Replaces a run's trust_region.csv by {@code rows} (CSV lines without the header). */
    public static void trustRows(Path runDir, List<String> rows) {
        try {
            Files.writeString(runDir.resolve("trust_region.csv"),
                    "iteration,max_ratio_train,mean_kl_train,max_ratio_heldout,mean_kl_heldout\n"
                            + String.join("\n", rows) + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static ReportContext context(Path root) {
        return new ReportContext(ResultsReader.read(List.of(root)), new ReportOptions(7, 400, null));
    }

    public static String id(int i) {
        return String.format(Locale.ROOT, "c%02d", i);
    }
}
