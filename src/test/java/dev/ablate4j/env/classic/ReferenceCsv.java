package dev.ablate4j.env.classic;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/** Reads a reference CSV from src/test/resources/reference/ (header row, one recorded step per line). */
final class ReferenceCsv {

    private ReferenceCsv() {}

    static List<CSVRecord> rows(String fileName) {
        String resource = "/reference/" + fileName;
        InputStream in = ReferenceCsv.class.getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("missing test resource " + resource);
        }
        try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            List<CSVRecord> rows = CSVFormat.DEFAULT.builder()
                    .setHeader()
                    .setSkipHeaderRecord(true)
                    .get()
                    .parse(reader)
                    .getRecords();
            if (rows.isEmpty()) {
                throw new IllegalStateException("no rows in " + resource);
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static double num(CSVRecord row, String column) {
        return Double.parseDouble(row.get(column));
    }

    static boolean flag(CSVRecord row, String column) {
        return row.get(column).equals("1");
    }
}
