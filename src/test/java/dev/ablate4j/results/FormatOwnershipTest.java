package dev.ablate4j.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The run-directory format has one owner: its file names, status key and CSV column headers are
 * spelled only in {@code dev.ablate4j.results}, and only {@code cli} reads through the report's
 * engine ({@code tensorboard}, {@code matrix} and the rest take what they need from {@code results}).
 * A plain scan of the main sources (no bytecode library).
 */
class FormatOwnershipTest {

    private static final Path MAIN = Path.of("src", "main", "java", "dev", "ablate4j");

    /**
     * Column names that are also config or spec keys or ordinary words used as such elsewhere
     * ({@code env}, {@code seed}, {@code steps}, {@code preset} are config keys; {@code factors},
     * {@code design}, {@code decided} spec keys ({@code decided} is a verdict word too); {@code n_x}, {@code tost_p} keys of {@code compare --json}, which
     * prints the same statistics as {@code verdicts.csv}), so a literal of them is no sign of a
     * second spelling of the format.
     */
    private static final Set<String> SHARED_WORDS = Set.of("env", "seed", "steps", "preset", "spec", "cell",
            "label", "n", "design", "factors", "episodes", "return", "length", "episode", "comparison", "margin",
            "verdict", "direction", "rule", "estimate", "n_x", "n_y", "tost_p", "decided");

    /** Every literal that belongs to the format: file names, the status key, CSV headers. */
    static Set<String> formatLiterals() throws IllegalAccessException {
        Set<String> out = new TreeSet<>();
        for (Class<?> c : List.of(RunFiles.class, ReportFiles.class, SpecRecord.class, AdaptiveRecord.class,
                Provenance.class, CellRecord.class, FailureRecord.class, MetricsRow.class, RunCsv.class,
                Checkpoint.class, ReferenceReturns.class)) {
            for (Field f : c.getDeclaredFields()) {
                if (Modifier.isStatic(f.getModifiers()) && Modifier.isPublic(f.getModifiers())) {
                    f.setAccessible(true);
                    Object v = f.get(null);
                    if (v instanceof String s) {
                        out.add(s);
                    } else if (v instanceof List<?> l) {
                        l.forEach(x -> out.add(x.toString()));
                    } else if (v instanceof RunCsv csv) {
                        out.add(csv.name());
                        out.addAll(csv.header());
                    }
                }
            }
        }
        out.addAll(ReportFiles.runsTail(true));
        out.addAll(ReportFiles.runsTail(false));
        out.removeAll(SHARED_WORDS);
        return out;
    }

    /** {@code "literal"} occurrences of {@code literals} in {@code source}, comments left out. */
    static List<String> spelled(String source, Set<String> literals) {
        String code = source.replaceAll("(?s)/\\*.*?\\*/", "").replaceAll("//[^\\n]*", "");
        List<String> found = new ArrayList<>();
        Matcher m = Pattern.compile("\"((?:[^\"\\\\\\n]|\\\\.)*)\"").matcher(code);
        while (m.find()) {
            if (literals.contains(m.group(1))) {
                found.add(m.group(1));
            }
        }
        return found;
    }

    private static List<Path> mainSources() throws IOException {
        try (Stream<Path> s = Files.walk(MAIN)) {
            return s.filter(p -> p.toString().endsWith(".java")).sorted().toList();
        }
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String packageOf(Path source) {
        return MAIN.relativize(source.getParent()).toString().replace('\\', '/');
    }

    @Test
    void theScanFindsALiteralInCodeAndNotInComments() throws Exception {
        Set<String> literals = formatLiterals();
        assertTrue(literals.containsAll(List.of("config.json", "cell.json", "provenance.json", "failure.json",
                "adaptive.json", "metrics.csv", "spec.json", "spec.yaml", "status", "mean_return", "max_ratio_train",
                "total_seconds", "summary.csv", "reused_from")), literals.toString());
        assertEquals(List.of("cell.json", "status"), spelled("""
                /** Reads "metrics.csv". */
                Path p = dir.resolve("cell.json"); // "config.json"
                m.put("status", x); m.put("statuses", y);
                """, literals));
    }

    @Test
    void formatLiteralsAreSpelledOnlyInTheResultsPackage() throws Exception {
        Set<String> literals = formatLiterals();
        List<String> outside = new ArrayList<>();
        for (Path source : mainSources()) {
            if (packageOf(source).equals("results")) {
                continue;
            }
            for (String literal : spelled(read(source), literals)) {
                outside.add(MAIN.relativize(source) + ": \"" + literal + "\"");
            }
        }
        assertEquals(List.of(), outside, "file-format literals belong in dev.ablate4j.results");
    }

    @Test
    void onlyCliImportsTheReport() throws Exception {
        List<String> found = new ArrayList<>();
        for (Path source : mainSources()) {
            String pkg = packageOf(source);
            if (pkg.equals("cli") || pkg.equals("report") || pkg.startsWith("report/")) {
                continue;
            }
            if (Pattern.compile("\\bdev\\.ablate4j\\.report\\.").matcher(read(source)).find()) {
                found.add(MAIN.relativize(source).toString());
            }
        }
        assertEquals(List.of(), found, "only cli may use dev.ablate4j.report");
    }

    @Test
    void resultsSitsBelowEveryPackageThatReadsOrWritesRuns() throws Exception {
        Pattern above = Pattern.compile("\\bdev\\.ablate4j\\.(run|matrix|adaptive|report|tensorboard|cli|bench)\\.");
        List<String> found = new ArrayList<>();
        for (Path source : mainSources()) {
            if (packageOf(source).equals("results") && above.matcher(read(source)).find()) {
                found.add(MAIN.relativize(source).toString());
            }
        }
        assertEquals(List.of(), found, "results may use config and policy only");
    }
}
