package dev.ablate4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ablate4j.stats.Tost;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --margin} of compare and report: TOST in compare's output, one-line exit 2 for a bad margin. */
class MarginOptionTest {

    @TempDir
    Path tmp;

    private static final double[] X = {10, 11, 9, 10.5, 9.5, 10.2, 9.8};
    private static final double[] Y = {10.1, 10.9, 9.3, 10.4, 9.6, 10.1, 9.9};

    private Path write(String name, double[] v) throws IOException {
        StringBuilder sb = new StringBuilder();
        for (double d : v) {
            sb.append(d).append('\n');
        }
        return Files.writeString(tmp.resolve(name), sb.toString());
    }

    @Test
    void compareReportsTostAndTheSmallestMargin() throws IOException {
        String x = write("x.csv", X).toString();
        String y = write("y.csv", Y).toString();
        CommandRun o = CommandRun.of(new CompareCommand(), "--x", x, "--y", y, "--margin", "1.5");
        assertEquals(0, o.code(), o.err());
        JsonNode j = new ObjectMapper().readTree(o.out());
        Tost.Result t = Tost.test(X, Y, 1.5);
        assertEquals(t.p(), j.get("tost_p").asDouble(), 1e-12);
        assertTrue(j.get("tost_equivalent").asBoolean());
        assertEquals(Tost.smallestMargin(X, Y, 0.05), j.get("tost_smallest_equivalence_margin").asDouble(), 1e-12);
        CommandRun none = CommandRun.of(new CompareCommand(), "--x", x, "--y", y);
        assertFalse(new ObjectMapper().readTree(none.out()).has("tost_p"));
        assertTrue(new ObjectMapper().readTree(none.out()).has("tost_smallest_equivalence_margin"));
        CommandRun text = CommandRun.of(new CompareCommand(), "--x", x, "--y", y, "--format", "text", "--margin", "0.1");
        assertTrue(text.out().contains("margin +/-0.100: p = "), text.out());
        assertTrue(text.out().contains("not shown equivalent"), text.out());
    }

    @Test
    void badMarginsAreOneLineAndExitCode2() throws IOException {
        String x = write("x.csv", X).toString();
        String y = write("y.csv", Y).toString();
        for (String bad : new String[] {"0", "-2", "NaN", "Infinity"}) {
            CommandRun c = CommandRun.of(new CompareCommand(), "--x", x, "--y", y, "--margin", bad);
            assertEquals(2, c.code(), bad);
            assertEquals(1, c.err().strip().lines().count(), c.err());
            assertTrue(c.err().startsWith("compare: --margin must be a positive finite number"), c.err());
            CommandRun r = CommandRun.of(new ReportCommand(), tmp.toString(), "--out", tmp.resolve("o").toString(),
                    "--margin", bad);
            assertEquals(2, r.code(), bad);
            assertEquals(1, r.err().strip().lines().count(), r.err());
            assertTrue(r.err().startsWith("report: --margin must be a positive finite number"), r.err());
            assertFalse(Files.exists(tmp.resolve("o")), "nothing written");
        }
        CommandRun reps = CommandRun.of(new ReportCommand(), tmp.toString(), "--out", tmp.resolve("o").toString(),
                "--calibration-reps", "1000000");
        assertEquals(2, reps.code());
        assertTrue(reps.err().startsWith("report: --calibration-reps must be between 0"), reps.err());
    }
}
