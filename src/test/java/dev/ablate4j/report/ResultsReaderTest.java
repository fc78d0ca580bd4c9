package dev.ablate4j.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ablate4j.results.CorruptFileException;
import dev.ablate4j.results.CsvTable;
import dev.ablate4j.results.Returns;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResultsReaderTest {

    @TempDir
    Path tmp;

    @Test
    void finalReturnSkipsNanRowsAndAveragesTheLastFive() {
        double[] y = {1, 2, 3, 4, 5, Double.NaN, 6, 7, Double.NaN};
        assertEquals((3 + 4 + 5 + 6 + 7) / 5.0, Returns.finalReturn(y), 1e-12);
        assertEquals(7, Returns.maxReturn(y), 0);
        assertEquals(1.5, Returns.finalReturn(new double[] {1, 2}), 1e-12);
        assertTrue(Double.isNaN(Returns.finalReturn(new double[] {Double.NaN})));
    }

    @Test
    void csvErrorsNameFileAndLine() throws Exception {
        Path f = tmp.resolve("metrics.csv");
        Files.writeString(f, "iteration,env_steps,mean_return\n0,2048,-100\n1,4096,oops\n");
        CorruptFileException e = assertThrows(CorruptFileException.class,
                () -> CsvTable.read(f, "run/metrics.csv", List.of("iteration")));
        assertEquals("run/metrics.csv line 3: column 'mean_return' is not a number: 'oops'", e.getMessage());
        Files.writeString(f, "iteration,env_steps\n0,2048\n");
        e = assertThrows(CorruptFileException.class, () -> CsvTable.read(f, "m.csv", List.of("mean_return")));
        assertTrue(e.getMessage().startsWith("m.csv line 1: missing column 'mean_return'"), e.getMessage());
        Files.writeString(f, "a,b\n1,\n2,nan\n");
        CsvTable t = CsvTable.read(f, "m.csv", List.of());
        assertTrue(Double.isNaN(t.column("b")[0]) && Double.isNaN(t.column("b")[1]));
    }

    @Test
    void corruptJsonIsLeftOutWithItsName() throws IOException {
        Map<String, Object> c = SyntheticResults.ppoConfig();
        c.put("env", "Pendulum-v1");
        c.put("seed", 0);
        Path run = tmp.resolve("r/seed-0");
        SyntheticResults.writeRun(run, c, null, "done", new double[] {1, 2, 3}, true, false, "0.1.0");
        Files.writeString(run.resolve("config.json"), "{\"env\": \"Pendulum-v1\",");
        ResultsTree tree = ResultsReader.read(List.of(tmp.resolve("r")));
        assertEquals(0, tree.runs().size());
        assertTrue(tree.excluded().get(0).reason().contains("seed-0/config.json line"), tree.excluded().toString());
    }

    /**
     * Budgets are compared as trained: a config that rounds steps 6,500 down to 3 rollouts of 2,048 and
     * one that rounds it up to 4 are one iteration apart and both compared; 5 rollouts (steps 9,000) are not.
     */
    @Test
    void runsWithinOneIterationOfTheTrainedBudgetAreCompared() throws IOException {
        writeRounded("down/seed-0", 6500, "down", 3, 0.2);
        writeRounded("down/seed-1", 6500, "down", 3, 0.2);
        writeRounded("up/seed-0", 6500, "up", 4, 0.3);
        writeRounded("five/seed-0", 9000, "up", 5, 0.4);
        ResultsTree tree = ResultsReader.read(List.of(tmp.resolve("r")));
        assertEquals(List.of("down/seed-0", "down/seed-1", "up/seed-0"),
                tree.runs().stream().map(r -> tmp.resolve("r").relativize(Path.of(r.path())).toString()).sorted().toList());
        assertEquals(1, tree.excluded().size());
        assertEquals("step budget mismatch: trained 10240 steps but 2 of the 4 Pendulum-v1 runs trained 6144 (the most"
                + " common budget, the one compared; runs within one of their iterations of it are compared too)",
                tree.excluded().get(0).reason());
    }

    /** The environment paragraph names each trained budget and the configs on it. */
    @Test
    void theReportStatesTheStepsEachConfigTrained() throws IOException {
        writeRounded("down/seed-0", 6500, "down", 3, 0.2);
        writeRounded("down/seed-1", 6500, "down", 3, 0.2);
        writeRounded("up/seed-0", 6500, "up", 4, 0.3);
        writeRounded("up/seed-1", 6500, "up", 4, 0.3);
        Path out = tmp.resolve("out");
        ReportBuilder.build(List.of(tmp.resolve("r")), out, new ReportOptions(7, 200, null));
        String md = Files.readString(out.resolve("report.md"));
        assertTrue(md.contains("4 runs in 2 configs; environment steps trained: 6144 ("), md);
        assertTrue(md.contains("); 8192 (") && md.contains("(configured steps 6500, each rounded to whole iterations"
                + " up or down as its config's steps-rounding says; compared, as they differ by one iteration at most)."), md);
    }

    private void writeRounded(String dir, int steps, String rounding, int iterations, double clipEps) throws IOException {
        Map<String, Object> c = SyntheticResults.ppoConfig();
        c.put("env", "Pendulum-v1");
        c.put("seed", dir.endsWith("1") ? 1 : 0);
        c.put("clip-eps", clipEps);
        c.put("steps-rounding", rounding);
        Path run = tmp.resolve("r").resolve(dir);
        double[] returns = new double[iterations];
        java.util.Arrays.fill(returns, 1);
        SyntheticResults.writeRun(run, c, null, "done", returns, true, false, "0.1.0");
        String json = Files.readString(run.resolve("config.json"));
        Files.writeString(run.resolve("config.json"), json.replace("\"steps\":" + iterations * 2048, "\"steps\":" + steps));
    }

    @Test
    void infiniteClipEpsilonInConfigIsAccepted() throws IOException {
        Map<String, Object> c = SyntheticResults.ppoConfig();
        c.put("env", "Pendulum-v1");
        c.put("seed", 0);
        Path run = tmp.resolve("r/seed-0");
        SyntheticResults.writeRun(run, c, null, "done", new double[] {1, 2, 3}, true, false, "0.1.0");
        String json = Files.readString(run.resolve("config.json")).replace("\"clip-eps\":0.2", "\"clip-eps\":Infinity");
        Files.writeString(run.resolve("config.json"), json);
        ResultsTree tree = ResultsReader.read(List.of(tmp.resolve("r")));
        assertEquals(1, tree.runs().size(), tree.excluded().toString());
        assertEquals(Double.POSITIVE_INFINITY, tree.runs().get(0).number("clip-eps"));
    }

    @Test
    void matrixCellsKeepTheirLabelsAndColoursFollowTheirOrder() {
        ResultsTree tree = ResultsReader.read(List.of(SyntheticResults.standardTree(tmp.resolve("res"))));
        assertEquals(List.of("MountainCarContinuous-v0", "Pendulum-v1"), tree.envs());
        assertEquals(7, tree.cells().size());
        assertEquals("quick/c00", tree.cells().get(0).key());
        assertEquals("ppo", tree.cells().get(0).label());
        assertEquals(0, tree.cellIndex("quick/c00"));
        assertEquals(5, tree.runs("Pendulum-v1", "quick/c00").size()); // 4 broken extra seeds left out
        ResultCell trpo = tree.cells().stream().filter(x -> x.label().equals("trpo")).findFirst().orElseThrow();
        assertEquals("trpo", trpo.preset());
        assertEquals(false, trpo.config().get("value-clip"));
    }

    /** A run written before a key existed reads as that key's legacy value, as the matrix reads it. */
    @Test
    void aRunFromBeforeANewKeyIsTheSameConfigAsNewerRunsOfItsCell() {
        Map<String, Object> cell = Map.of("spec", "s", "cell", "c0ffee000002", "label", "ppo");
        double[] curve = {-900, -800, -700, -600, -500, -400};
        for (int seed = 0; seed < 4; seed++) {
            Map<String, Object> c = SyntheticResults.ppoConfig();
            c.put("env", "Pendulum-v1");
            c.put("seed", seed);
            if (seed > 0) {
                c.put("grad-clip-scope", seed == 3 ? "policy" : "both"); // "both": the behaviour before the key
            }
            SyntheticResults.writeRun(tmp.resolve("s/c0ffee000002/Pendulum-v1/seed-" + seed), c, cell, "done", curve,
                    true, false, "1");
        }
        ResultsTree tree = ResultsReader.read(List.of(tmp));
        assertEquals(List.of(0L, 1L, 2L), tree.runs().stream().map(Run::seed).toList());
        assertEquals(1, tree.excluded().size(), tree.excluded().toString());
        assertTrue(tree.excluded().get(0).path().endsWith("seed-3"), tree.excluded().toString());
    }
}
