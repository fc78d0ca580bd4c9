package dev.ablate4j.results;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * A reference sample file: the final returns of runs made by another implementation (for example
 * CleanRL's own {@code ppo_continuous_action.py}), one row per run, that {@code report --reference
 * LABEL=FILE} compares the report's baseline with. This class is the file's one reader and the one
 * place its header is spelled.
 *
 * <p>The format, UTF-8 CSV:
 * <pre>
 * # CleanRL ppo_continuous_action.py at fe8d8a03, 10 seeds, 1M steps, MuJoCo 3.14.0
 * # final_return: mean of the last 5 iterations' mean episodic return, as ablate4j's report
 * env,seed,final_return
 * Hopper-v4,0,2480.5
 * Hopper-v4,1,2301.25
 * </pre>
 * <ul>
 * <li>Lines whose first character is {@code #} are comments: the file's own account of where the
 *     sample came from. They are kept in file order (the {@code #} and one space after it taken off)
 *     and shown in the report; they may stand anywhere, usually before the header.</li>
 * <li>The header is exactly {@code env,seed,final_return} (surrounding spaces ignored).</li>
 * <li>Each row is one run on one line (no field holds a line break): a non-empty environment id, an
 *     integer seed, and a finite final return written as a decimal number ({@code 2480.5},
 *     {@code -1.2e3}); no two rows share env and seed.
 *     At least one row.</li>
 * </ul>
 * What "final return" means is the file's business (its comments should say); the report compares
 * it with the baseline's final return as is.
 *
 * <p>Errors are {@link CorruptFileException}s naming the file and, for rows, the 1-based line.
 */
public final class ReferenceReturns {

    /** The header, in order. */
    public static final List<String> HEADER = List.of("env", "seed", ReportFiles.FINAL_RETURN);

    /** The comment marker, at the start of a line. */
    public static final char COMMENT = '#';

    private static final Pattern DECIMAL = Pattern.compile("[-+]?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?");
    private static final Pattern INTEGER = Pattern.compile("[-+]?\\d{1,18}");

    /** One run of the sample. */
    public record Row(String env, long seed, double finalReturn) {}

    private final List<String> comments;
    private final List<Row> rows;

    private ReferenceReturns(List<String> comments, List<Row> rows) {
        this.comments = List.copyOf(comments);
        this.rows = List.copyOf(rows);
    }

    /** Reads {@code file}; errors name it as {@code displayName}. */
    public static ReferenceReturns read(Path file, String displayName) throws CorruptFileException, IOException {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(Files.readAllBytes(file))).toString();
        } catch (CharacterCodingException e) {
            throw new CorruptFileException(displayName + ": not UTF-8 text");
        }
        return parse(text.startsWith("\uFEFF") ? text.substring(1) : text, displayName);
    }

    /** Parses the text of a reference sample file with the rules of {@link #read}. */
    public static ReferenceReturns parse(String text, String displayName) throws CorruptFileException {
        List<String> comments = new ArrayList<>();
        for (String line : text.split("\r\n|\r|\n", -1)) {
            if (!line.isEmpty() && line.charAt(0) == COMMENT) {
                String c = line.substring(1);
                comments.add(c.startsWith(" ") ? c.substring(1) : c);
            }
        }
        CSVFormat format = CSVFormat.DEFAULT.builder().setCommentMarker(COMMENT).setIgnoreSurroundingSpaces(true).get();
        List<Row> rows = new ArrayList<>();
        Map<String, Long> firstLine = new LinkedHashMap<>();
        try (Reader in = new StringReader(text); CSVParser parser = CSVParser.parse(in, format)) {
            boolean header = true;
            for (CSVRecord rec : parser) {
                long line = parser.getCurrentLineNumber();
                if (header) {
                    if (!rec.toList().equals(HEADER)) {
                        throw new CorruptFileException(displayName + " line " + line + ": the header must be "
                                + String.join(",", HEADER) + ", found " + String.join(",", rec.toList()));
                    }
                    header = false;
                    continue;
                }
                if (rec.size() != HEADER.size()) {
                    throw new CorruptFileException(String.format(Locale.ROOT, "%s line %d: expected %d fields (%s),"
                            + " found %d", displayName, line, HEADER.size(), String.join(",", HEADER), rec.size()));
                }
                for (String field : rec) {
                    if (field.indexOf('\n') >= 0 || field.indexOf('\r') >= 0) {
                        throw new CorruptFileException(displayName + " line " + line + ": a quoted field holds a line"
                                + " break; each row is one run on one line");
                    }
                }
                String env = rec.get(0);
                if (env.isEmpty()) {
                    throw new CorruptFileException(displayName + " line " + line + ": env is empty");
                }
                String seedText = rec.get(1);
                if (!INTEGER.matcher(seedText).matches()) {
                    throw new CorruptFileException(displayName + " line " + line + ": seed must be an integer, got '"
                            + seedText + "'");
                }
                long seed = Long.parseLong(seedText);
                String valueText = rec.get(2);
                double value = DECIMAL.matcher(valueText).matches() ? Double.parseDouble(valueText) : Double.NaN;
                if (!Double.isFinite(value)) {
                    throw new CorruptFileException(displayName + " line " + line + ": " + ReportFiles.FINAL_RETURN
                            + " must be a finite decimal number, got '" + valueText + "'");
                }
                Long earlier = firstLine.putIfAbsent(env + "\u0000" + seed, line);
                if (earlier != null) {
                    throw new CorruptFileException(displayName + " line " + line + ": " + env + " seed " + seed
                            + " appears twice (first on line " + earlier + "); one row per run");
                }
                rows.add(new Row(env, seed, value));
            }
            if (header) {
                throw new CorruptFileException(displayName + ": no header (expected " + String.join(",", HEADER) + ")");
            }
        } catch (IOException | IllegalStateException | java.io.UncheckedIOException e) {
            throw new CorruptFileException(displayName + ": not a CSV file (" + e.getMessage() + ")");
        }
        if (rows.isEmpty()) {
            throw new CorruptFileException(displayName + ": no rows after the header; one row per run");
        }
        return new ReferenceReturns(comments, rows);
    }

    /** The comment lines, in file order, without the marker (and one space after it). */
    public List<String> comments() {
        return comments;
    }

    /** Every row, in file order. */
    public List<Row> rows() {
        return rows;
    }

    /** The environments the sample holds, in order of first appearance. */
    public List<String> envs() {
        return rows.stream().map(Row::env).distinct().toList();
    }

    /** The final returns of {@code env}, by ascending seed (empty when the sample has none there). */
    public double[] returns(String env) {
        return rows.stream().filter(r -> r.env().equals(env)).sorted(Comparator.comparingLong(Row::seed))
                .mapToDouble(Row::finalReturn).toArray();
    }
}
