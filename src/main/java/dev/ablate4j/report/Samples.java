package dev.ablate4j.report;

import dev.ablate4j.results.CorruptFileException;
import dev.ablate4j.results.CsvTable;
import dev.ablate4j.results.ReportFiles;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads one sample of numbers for {@code compare}: a column of a CSV file (with or without a header
 * row), or the final returns of the completed runs in a results directory.
 */
public final class Samples {

    /** Column that selects the final returns of a results directory (the default). */
    public static final String FINAL = ReportFiles.FINAL_RETURN;
    /** Column that selects the max-over-training returns of a results directory. */
    public static final String MAX = ReportFiles.MAX_RETURN;

    /**
     * A CSV line starting with this is a comment, skipped: the comment lines of a reference sample file
     * ({@link dev.ablate4j.results.ReferenceReturns}, which {@code compare --x FILE --column final_return}
     * reads too) and of any file that says where its numbers came from.
     */
    public static final char COMMENT = '#';

    private Samples() {}

    /**
     * @param column column name or 1-based index; null picks the only column, or {@code final_return}
     * @param flag   how errors name the input (e.g. {@code --x})
     */
    public static double[] read(Path path, String column, String flag) {
        return read(path, column, flag, leftOut -> { });
    }

    /**
     * As {@link #read(Path, String, String)}; for a results directory, each run left out (incomplete,
     * diverged, damaged, ...) is handed to {@code leftOut} as {@code "<path>: <reason>"}, in path order.
     */
    public static double[] read(Path path, String column, String flag, java.util.function.Consumer<String> leftOut) {
        if (Files.isDirectory(path)) {
            return fromResults(path, column, flag, leftOut);
        }
        if (!Files.isRegularFile(path)) {
            throw new ReportInputException(flag + " " + path + ": no such file or directory");
        }
        try {
            return fromCsv(path, column, flag);
        } catch (IOException | UncheckedIOException e) {
            Throwable cause = e instanceof UncheckedIOException u ? u.getCause() : e;
            if (cause instanceof java.nio.charset.CharacterCodingException) {
                throw new ReportInputException(flag + " " + path + ": not UTF-8 text (save the file as UTF-8)");
            }
            throw new ReportInputException(flag + " " + path + ": cannot read: " + e.getMessage());
        }
    }

    private static double[] fromResults(Path dir, String column, String flag,
            java.util.function.Consumer<String> leftOut) {
        String col = column == null ? FINAL : column;
        if (!col.equals(FINAL) && !col.equals(MAX)) {
            throw new ReportInputException(flag + " " + dir + " is a results directory: --column must be " + FINAL
                    + " or " + MAX + ", not '" + column + "'");
        }
        ResultsTree tree = ResultsReader.read(List.of(dir));
        for (Exclusion e : tree.excluded()) {
            leftOut.accept(e.path() + ": " + e.reason());
        }
        if (tree.runs().isEmpty()) {
            throw new ReportInputException(flag + " " + dir + ": no completed runs (" + tree.excluded().size() + " left out)");
        }
        Set<String> groups = new TreeSet<>();
        for (Run r : tree.runs()) {
            groups.add(r.env() + " / " + tree.cell(r.cellKey()).label());
        }
        if (groups.size() > 1) {
            throw new ReportInputException(flag + " " + dir + " holds runs of " + groups.size()
                    + " env/config pairs (" + String.join("; ", groups) + "); point it at one config's directory");
        }
        return tree.runs().stream().mapToDouble(col.equals(FINAL) ? Run::finalReturn : Run::maxReturn).toArray();
    }

    private static double[] fromCsv(Path file, String column, String flag) throws IOException {
        List<CSVRecord> records = new ArrayList<>();
        List<Long> lineOf = new ArrayList<>(); // each record's (last) line in the file: comment lines are skipped
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
                CSVParser p = CSVParser.parse(in, CSVFormat.DEFAULT.builder().setIgnoreSurroundingSpaces(true)
                        .setCommentMarker(COMMENT).get())) {
            for (CSVRecord rec : p) {
                records.add(rec);
                lineOf.add(p.getCurrentLineNumber());
            }
        }
        if (records.isEmpty()) {
            throw new ReportInputException(flag + " " + file + ": empty file");
        }
        boolean header = !allNumeric(records.get(0));
        if (header) {
            checkHeader(records.get(0), flag + " " + file, lineOf.get(0));
        }
        List<String> names = new ArrayList<>();
        int width = records.get(0).size();
        for (int i = 0; i < width; i++) {
            names.add(header ? records.get(0).get(i) : "column " + (i + 1));
        }
        int col = pick(names, header, column, flag + " " + file);
        List<Double> values = new ArrayList<>();
        for (int r = header ? 1 : 0; r < records.size(); r++) {
            CSVRecord rec = records.get(r);
            long line = lineOf.get(r);
            if (rec.size() <= col) {
                throw new ReportInputException(String.format(Locale.ROOT, "%s %s line %d: has %d fields, column '%s' missing",
                        flag, file, line, rec.size(), names.get(col)));
            }
            if (rec.size() != width) {
                throw new ReportInputException(String.format(Locale.ROOT,
                        "%s %s line %d: has %d fields where line %d has %d ('%s'); one value per column and line",
                        flag, file, line, rec.size(), lineOf.get(0), width, String.join(",", rec.toList())));
            }
            double v;
            try {
                v = CsvTable.parse(rec.get(col), flag + " " + file, line, names.get(col));
            } catch (CorruptFileException e) {
                throw new ReportInputException(e.getMessage());
            }
            if (Double.isInfinite(v)) {
                throw new ReportInputException(String.format(Locale.ROOT,
                        "%s %s line %d: '%s' is not a finite number", flag, file, line, rec.get(col)));
            }
            if (!Double.isNaN(v)) {
                values.add(v);
            }
        }
        if (values.isEmpty()) {
            throw new ReportInputException(flag + " " + file + ": column '" + names.get(col) + "' has no numbers");
        }
        return values.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static int pick(List<String> names, boolean header, String column, String where) {
        if (column != null) {
            int i = names.indexOf(column);
            if (i >= 0) {
                return i;
            }
            try {
                int k = Integer.parseInt(column.trim());
                if (k >= 1 && k <= names.size()) {
                    return k - 1;
                }
            } catch (NumberFormatException e) {
                // not an index
            }
            throw new ReportInputException(where + ": no column '" + column + "'; columns: " + listing(names, header));
        }
        if (names.size() == 1) {
            return 0;
        }
        if (names.contains(FINAL)) {
            return names.indexOf(FINAL);
        }
        throw new ReportInputException(where + " has " + names.size() + " columns (" + listing(names, header)
                + "); choose one with --column NAME or --column INDEX (1-based)");
    }

    private static String listing(List<String> names, boolean header) {
        return header ? String.join(", ", names) : "1.." + names.size() + ", no header row";
    }

    /**
     * A first row that is not all numbers is a header only if each of its names has a letter: a
     * field like {@code "2,3"} (a number with a decimal comma, or two numbers in one quoted field) is
     * refused rather than silently read as a column name, which would drop the first value.
     */
    private static void checkHeader(CSVRecord first, String where, long line) {
        for (String f : first) {
            String s = f.trim();
            if (!s.isEmpty() && s.codePoints().noneMatch(Character::isLetter) && !isNumber(s)) {
                throw new ReportInputException(where + " line " + line + ": '" + s + "' is neither a number nor a column name"
                        + " (a header's names contain a letter); write numbers with a '.' decimal point, one value per"
                        + " field (e.g. 2.3)");
            }
        }
    }

    private static boolean isNumber(String s) {
        String t = s.trim().toLowerCase(Locale.ROOT);
        if (t.equals("nan")) {
            return true;
        }
        try {
            Double.parseDouble(t);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static boolean allNumeric(CSVRecord rec) {
        for (String f : rec) {
            String s = f.trim().toLowerCase(Locale.ROOT);
            if (s.isEmpty() || s.equals("nan")) {
                continue;
            }
            try {
                Double.parseDouble(s);
            } catch (NumberFormatException e) {
                return false;
            }
        }
        return true;
    }

}
