package dev.ablate4j.report;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import dev.ablate4j.config.Keys;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/** Writes {@code summary.csv}: one row per environment × config, full precision, "\n" line ends. */
final class SummaryCsv {

    private SummaryCsv() {}

    static void write(Collection<List<SummaryRow>> rowsByEnv, Path file) throws IOException {
        CSVFormat format = CSVFormat.DEFAULT.builder().setRecordSeparator("\n").get();
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
                CSVPrinter p = new CSVPrinter(w, format)) {
            List<String> varied = varied(rowsByEnv);
            p.printRecord(SummaryRow.header(varied));
            for (List<SummaryRow> rows : rowsByEnv) {
                for (SummaryRow r : rows) {
                    p.printRecord(r.csv(varied));
                }
            }
        }
    }

    /**
     * Config keys other than the optimization switches (which always have a column) whose value
     * differs between rows, e.g. the factorial's {@code policy-lr}: in {@link Keys#all()} order, then
     * unknown keys alphabetically. Seed and env are not config.
     */
    static List<String> varied(Collection<List<SummaryRow>> rowsByEnv) {
        Map<String, Set<String>> values = new TreeMap<>();
        List<SummaryRow> all = rowsByEnv.stream().flatMap(List::stream).toList();
        for (SummaryRow r : all) {
            for (String key : r.config().keySet()) {
                values.computeIfAbsent(key, k -> new HashSet<>());
            }
        }
        for (SummaryRow r : all) {
            for (Map.Entry<String, Set<String>> e : values.entrySet()) {
                e.getValue().add(Values.canonical(r.config().get(e.getKey())));
            }
        }
        Set<String> skip = new HashSet<>(OptimizationNames.keys());
        skip.addAll(List.of("seed", "env"));
        List<String> order = new ArrayList<>(List.of("preset"));
        Keys.all().forEach(k -> order.add(k.name()));
        List<String> varied = new ArrayList<>();
        for (String key : order) {
            if (values.containsKey(key) && values.get(key).size() > 1 && !skip.contains(key)) {
                varied.add(key);
            }
        }
        values.forEach((key, v) -> {
            if (v.size() > 1 && !skip.contains(key) && !order.contains(key)) {
                varied.add(key);
            }
        });
        return varied;
    }
}
