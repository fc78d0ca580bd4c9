package dev.ablate4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.ablate4j.report.SyntheticResults;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A report written by a JVM whose default locale uses a decimal comma (German) has the same bytes
 * as one written under English: {@link Main#run} pins the default locale before any command runs.
 * Two trees: a synthetic one (every section of a fixed-seed report, left-out runs included) and
 * the committed adaptive Walker2d top-up (the adaptive design's boundaries and group-sequential
 * interval texts, which a default-locale format would print with commas).
 */
class LocaleIndependenceTest {

    @TempDir
    Path tmp;

    @Test
    void aReportUnderAGermanLocaleHasTheSameBytes() throws IOException {
        compareLocales(SyntheticResults.standardTree(tmp.resolve("results")));
    }

    @Test
    void anAdaptiveReportUnderAGermanLocaleHasTheSameBytes() throws IOException {
        compareLocales(Path.of("reports/paper-walker-trpo-topup-exact/results"));
    }

    private void compareLocales(Path root) throws IOException {
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(Locale.GERMANY);
            assertEquals(0, Main.run("report", root.toString(), "--out", tmp.resolve("de").toString(),
                    "--resamples", "500", "--seed", "3", "--calibration-reps", "200"));
            Locale.setDefault(Locale.US);
            assertEquals(0, Main.run("report", root.toString(), "--out", tmp.resolve("us").toString(),
                    "--resamples", "500", "--seed", "3", "--calibration-reps", "200"));
        } finally {
            Locale.setDefault(before);
        }
        for (String file : new String[] {"summary.csv", "verdicts.csv", "runs.csv"}) {
            assertEquals(Files.readString(tmp.resolve("us").resolve(file)), Files.readString(tmp.resolve("de").resolve(file)),
                    file);
        }
        String us = withoutOutPaths(tmp.resolve("us").resolve("report.md"), "us");
        String de = withoutOutPaths(tmp.resolve("de").resolve("report.md"), "de");
        assertEquals(us, de, "report.md");
        assertFalse(de.matches("(?s).*\\b\\d+,\\d{2}\\b.*") && !us.matches("(?s).*\\b\\d+,\\d{2}\\b.*"),
                "decimal commas in the German report");
    }

    private static String withoutOutPaths(Path file, String name) throws IOException {
        return Files.readAllLines(file).stream().map(l -> l.replace("/" + name, "/OUT")).collect(Collectors.joining("\n"));
    }
}
