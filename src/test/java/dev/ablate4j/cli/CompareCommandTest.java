package dev.ablate4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ablate4j.report.SyntheticResults;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CompareCommandTest {

    private static final List<String> REQUIRED_KEYS = List.of("n_x", "n_y", "mean_x", "mean_y", "median_x", "iqm_x",
            "welch_t", "welch_df", "welch_p", "mannwhitney_u", "mannwhitney_p", "prob_improvement", "hedges_g",
            "ci95_mean_x", "ci95_diff_means");

    @TempDir
    Path tmp;

    private static CommandRun run(String... args) {
        return CommandRun.of(new CompareCommand(), args);
    }

    private static JsonNode reference() throws IOException {
        try (InputStream in = CompareCommandTest.class.getResourceAsStream("/reference/scipy-stats-reference.json")) {
            return new ObjectMapper().readTree(in).get("cases").get(0);
        }
    }

    private Path column(String name, JsonNode values) throws IOException {
        Path p = tmp.resolve(name);
        Files.writeString(p, StreamSupport.stream(values.spliterator(), false).map(JsonNode::asText)
                .collect(Collectors.joining("\n")) + "\n");
        return p;
    }

    @Test
    void twoColumnsOfNumbersGiveTheJsonWithScipyValues() throws IOException {
        JsonNode ref = reference();
        // --interval percentile: the difference's interval is checked against scipy's percentile bootstrap
        CommandRun o = run("--x", column("x.csv", ref.get("x")).toString(), "--y", column("y.csv", ref.get("y")).toString(),
                "--interval", "percentile");
        assertEquals(0, o.code(), o.err());
        JsonNode j = new ObjectMapper().readTree(o.out());
        for (String k : REQUIRED_KEYS) {
            assertTrue(j.has(k), "missing key " + k + " in " + o.out());
        }
        assertEquals(10, j.get("n_x").asInt());
        for (String k : List.of("mean_x", "median_x", "iqm_x", "welch_t", "welch_df", "welch_p", "mannwhitney_u",
                "prob_improvement", "hedges_g")) {
            assertEquals(ref.get(k).asDouble(), j.get(k).asDouble(), 1e-9, k);
        }
        assertEquals(ref.get("mannwhitney_p_asymptotic_cc").asDouble(), j.get("mannwhitney_p_asymptotic").asDouble(),
                1e-9);
        JsonNode ci = j.get("ci95_diff_means");
        JsonNode refCi = ref.get("bootstrap_percentile_ci95_diff_means");
        double width = refCi.get(1).asDouble() - refCi.get(0).asDouble();
        assertEquals(refCi.get(0).asDouble(), ci.get(0).asDouble(), 0.03 * width);
        assertEquals(refCi.get(1).asDouble(), ci.get(1).asDouble(), 0.03 * width);
        JsonNode bca = j.get("ci95_mean_x_bca");
        JsonNode refBca = ref.get("bootstrap_bca_ci95_mean_x_approx");
        double bw = refBca.get(1).asDouble() - refBca.get(0).asDouble();
        assertEquals(refBca.get(0).asDouble(), bca.get(0).asDouble(), 0.03 * bw);
        assertEquals(refBca.get(1).asDouble(), bca.get(1).asDouble(), 0.03 * bw);
        // Same seed, same output.
        assertEquals(o.out(), run("--x", tmp.resolve("x.csv").toString(), "--y", tmp.resolve("y.csv").toString(),
                "--interval", "percentile").out());
    }

    @Test
    void headerAndColumnNameAndTextFormat() throws IOException {
        Path x = tmp.resolve("x.csv");
        Files.writeString(x, "seed,final_return,other\n0,10,1\n1,12,1\n2,11,1\n3,13,1\n");
        Path y = tmp.resolve("y.csv");
        Files.writeString(y, "seed,score\n0,5\n1,6\n2,7\n3,4\n");
        CommandRun o = run("--x", x.toString(), "--y", y.toString(), "--column", "2", "--format", "text");
        assertEquals(0, o.code(), o.err());
        assertTrue(o.out().contains("Welch t-test") && o.out().contains("Mann-Whitney U"), o.out());
        assertTrue(o.out().contains("11.50"), o.out()); // mean of x's column 2
    }

    @Test
    void commentLinesAreSkippedAsInAReferenceSampleFileAndLinesKeepTheirNumbers() throws IOException {
        // the file peer_final_returns.py writes and report --reference reads: '#' lines, then env,seed,final_return
        Path x = Files.writeString(tmp.resolve("peer.csv"), "# CleanRL, 3 seeds\n# final_return: last 5 iterations\n"
                + "env,seed,final_return\nHopper-v4,0,10\nHopper-v4,1,12\n# between rows\nHopper-v4,2,11\n");
        Path y = Files.writeString(tmp.resolve("y.csv"), "final_return\n5\n6\n7\n");
        CommandRun o = run("--x", x.toString(), "--column", "final_return", "--y", y.toString(), "--format", "text");
        assertEquals(0, o.code(), o.err());
        assertTrue(o.out().contains("11.00"), o.out()); // mean of 10, 12, 11
        Path bad = Files.writeString(tmp.resolve("bad.csv"), "# a note\nret\n1\n2,3\n");
        o = run("--x", bad.toString(), "--y", y.toString());
        assertEquals(2, o.code(), o.err());
        assertTrue(o.err().contains("line 4: has 2 fields where line 2 has 1"), o.err());
    }

    @Test
    void ambiguousColumnIsOneClearLineAndExitCode2() throws IOException {
        Path x = tmp.resolve("x.csv");
        Files.writeString(x, "a,b\n1,2\n3,4\n");
        CommandRun o = run("--x", x.toString(), "--y", x.toString());
        assertEquals(2, o.code());
        assertEquals(1, o.err().strip().lines().count(), o.err());
        assertTrue(o.err().contains("x.csv") && o.err().contains("--column") && o.err().contains("a, b"), o.err());
    }

    @Test
    void garbageValueNamesFileAndLine() throws IOException {
        Path x = tmp.resolve("x.csv");
        Files.writeString(x, "1\n2\nabc\n");
        CommandRun o = run("--x", x.toString(), "--y", x.toString());
        assertEquals(2, o.code());
        assertTrue(o.err().contains("x.csv") && o.err().contains("line 3"), o.err());
    }

    @Test
    void missingFileAndBadOptionExitWith2() {
        assertEquals(2, run("--x", tmp.resolve("nope.csv").toString(), "--y", "y").code());
        assertEquals(2, run("--x", "a").code()); // --y missing: picocli usage error
    }

    @Test
    void resultDirectoriesGiveTheirFinalReturns() throws IOException {
        Path root = SyntheticResults.standardTree(tmp.resolve("results"));
        Path a = root.resolve("quick/c00/MountainCarContinuous-v0"); // ppo
        Path b = root.resolve("quick/c05/MountainCarContinuous-v0"); // trpo
        CommandRun o = run("--x", a.toString(), "--y", b.toString());
        assertEquals(0, o.code(), o.err());
        JsonNode j = new ObjectMapper().readTree(o.out());
        assertEquals(SyntheticResults.SEEDS, j.get("n_x").asInt());
        CommandRun whole = run("--x", root.toString(), "--y", b.toString());
        assertEquals(2, whole.code());
        assertTrue(whole.err().contains("env/config pairs"), whole.err());
    }

    @Test
    void aRowWithExtraFieldsOrAnInfiniteValueIsExitCode2NamingTheLine() throws IOException {
        Path ragged = Files.writeString(tmp.resolve("ragged.csv"), "ret\n1\n2,3\n4\n");
        Path y = Files.writeString(tmp.resolve("y.csv"), "1\n2\n3\n");
        CommandRun o = run("--x", ragged.toString(), "--y", y.toString());
        assertEquals(2, o.code(), o.err());
        assertEquals(1, o.err().strip().lines().count(), o.err());
        assertTrue(o.err().contains("line 3: has 2 fields where line 1 has 1"), o.err());
        Path huge = Files.writeString(tmp.resolve("huge.csv"), "ret\n1\n1e999\n4\n");
        o = run("--x", huge.toString(), "--y", y.toString());
        assertEquals(2, o.code(), o.err());
        assertTrue(o.err().contains("line 3: '1e999' is not a finite number"), o.err());
    }

    @Test
    void theJsonSaysWhichMannWhitneyPItIs() throws IOException {
        Path x = Files.writeString(tmp.resolve("x3.csv"), "4\n5\n6\n");
        Path y = Files.writeString(tmp.resolve("y3.csv"), "1\n2\n3\n");
        CommandRun o = run("--x", x.toString(), "--y", y.toString());
        assertEquals(0, o.code(), o.err());
        JsonNode j = new ObjectMapper().readTree(o.out());
        assertEquals("exact", j.get("mannwhitney_method").asText());
        assertEquals(0.1, j.get("mannwhitney_p").asDouble(), 1e-12);
    }
}
