package dev.ablate4j.report;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/** Writes {@code summary.csv}: one row per environment × config, full precision, "\n" line ends. */
final class SummaryCsv {

    private SummaryCsv() {}

    static void write(Collection<List<SummaryRow>> rowsByEnv, Path file) throws IOException {
        CSVFormat format = CSVFormat.DEFAULT.builder().setRecordSeparator("\n").get();
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
                CSVPrinter p = new CSVPrinter(w, format)) {
            p.printRecord(SummaryRow.CSV_HEADER);
            for (List<SummaryRow> rows : rowsByEnv) {
                for (SummaryRow r : rows) {
                    p.printRecord(r.csv());
                }
            }
        }
    }
}
