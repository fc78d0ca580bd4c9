package dev.ablate4j.tweak;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The README's optimization table names, per switch, the file and method that act on it; every
 * {@code path/Class.method} there must be a real method of a real file, and every optimization has a
 * row.
 */
class WhereInTheCodeTest {

    private static final Path SOURCES = Path.of("src/main/java/dev/ablate4j");
    private static final Pattern PLACE = Pattern.compile("`([a-z/]+)/([A-Z][A-Za-z]+)\\.([a-z][A-Za-z]+)`");

    @Test
    void everyPlaceInTheOptimizationTableExists() throws IOException {
        List<String> rows = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of("README.md"))) {
            if (line.matches("\\| \\d+ \\| `--[a-z-]+` \\|.*")) {
                rows.add(line);
            }
        }
        assertEquals(Optimization.values().length, rows.size(), "one row per optimization");
        for (Optimization o : Optimization.values()) {
            String row = rows.stream().filter(r -> r.contains("`--" + o.key() + "`")).findFirst().orElseThrow();
            String code = row.substring(row.lastIndexOf('|', row.length() - 2));
            Matcher m = PLACE.matcher(code);
            int places = 0;
            while (m.find()) {
                places++;
                Path file = SOURCES.resolve(m.group(1)).resolve(m.group(2) + ".java");
                assertTrue(Files.isRegularFile(file), o.key() + ": " + file + " does not exist");
                String source = Files.readString(file);
                assertTrue(Pattern.compile("\\b" + m.group(3) + "\\(").matcher(source).find(),
                        o.key() + ": " + file + " has no method " + m.group(3));
            }
            assertTrue(places > 0, o.key() + ": no place named in " + code);
        }
    }
}
