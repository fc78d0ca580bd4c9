package dev.ablate4j.results;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * A numeric CSV file with a header row, read strictly: every row must have as many fields as the
 * header and every field must be a number. An empty field, {@code nan} or {@code NaN} is NaN;
 * {@code inf}/{@code -inf} are infinities. Errors name the file and the 1-based line.
 */
public final class CsvTable {

    private final List<String> header;
    private final double[][] columns;

    private CsvTable(List<String> header, double[][] columns) {
        this.header = header;
        this.columns = columns;
    }

    /**
     * Reads {@code file}; {@code required} columns must be present.
     *
     * @param displayName how errors name the file (e.g. a path relative to the results root)
     */
    public static CsvTable read(Path file, String displayName, Collection<String> required)
            throws CorruptFileException, IOException {
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return read(in, displayName, required);
        }
    }

    /** Reads CSV text from {@code in} (not closed), with the same rules as {@link #read(Path, String, Collection)}. */
    public static CsvTable read(Reader in, String displayName, Collection<String> required)
            throws CorruptFileException, IOException {
        CSVFormat format = CSVFormat.DEFAULT.builder().setIgnoreSurroundingSpaces(true).get();
        try (CSVParser parser = CSVParser.parse(in, format)) {
            List<String> header = null;
            List<double[]> rows = new ArrayList<>();
            for (CSVRecord rec : parser) {
                long line = parser.getCurrentLineNumber();
                if (header == null) {
                    header = rec.toList();
                    for (String r : required) {
                        if (!header.contains(r)) {
                            throw new CorruptFileException(displayName + " line 1: missing column '" + r
                                    + "' (header: " + String.join(",", header) + ")");
                        }
                    }
                    continue;
                }
                if (rec.size() != header.size()) {
                    throw new CorruptFileException(String.format(Locale.ROOT,
                            "%s line %d: expected %d fields, found %d (truncated or corrupt file)",
                            displayName, line, header.size(), rec.size()));
                }
                double[] row = new double[rec.size()];
                for (int i = 0; i < row.length; i++) {
                    row[i] = parse(rec.get(i), displayName, line, header.get(i));
                }
                rows.add(row);
            }
            if (header == null) {
                throw new CorruptFileException(displayName + ": empty file (no header)");
            }
            double[][] cols = new double[header.size()][rows.size()];
            for (int r = 0; r < rows.size(); r++) {
                for (int c = 0; c < header.size(); c++) {
                    cols[c][r] = rows.get(r)[c];
                }
            }
            return new CsvTable(List.copyOf(header), cols);
        } catch (UncheckedIOException e) {
            // commons-csv reports malformed quoting this way
            throw new CorruptFileException(displayName + ": " + e.getCause().getMessage());
        }
    }

    /** Parses one field: a number, or empty/nan for NaN. */
    public static double parse(String field, String file, long line, String column) throws CorruptFileException {
        String s = field.trim();
        if (s.isEmpty()) {
            return Double.NaN;
        }
        switch (s.toLowerCase(Locale.ROOT)) {
            case "nan":
                return Double.NaN;
            case "inf":
            case "+inf":
            case "infinity":
                return Double.POSITIVE_INFINITY;
            case "-inf":
            case "-infinity":
                return Double.NEGATIVE_INFINITY;
            default:
                break;
        }
        try {
            return Double.parseDouble(s);
        } catch (NumberFormatException e) {
            throw new CorruptFileException(String.format(Locale.ROOT,
                    "%s line %d: column '%s' is not a number: '%s'", file, line, column, field));
        }
    }

    public List<String> header() {
        return header;
    }

    public int rows() {
        return columns.length == 0 ? 0 : columns[0].length;
    }

    /** Whether the header has {@code name}. */
    public boolean has(String name) {
        return header.contains(name);
    }

    /** The values of column {@code name}; IllegalArgumentException if absent. */
    public double[] column(String name) {
        int i = header.indexOf(name);
        if (i < 0) {
            throw new IllegalArgumentException("no column " + name + " in " + header);
        }
        return columns[i].clone();
    }
}
