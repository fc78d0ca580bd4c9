package dev.ablate4j.results;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ablate4j.adaptive.RuleFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each record of the run-directory format reads a committed file (under {@code reports/}) and writes
 * it back byte for byte; a damaged file gives one error naming it.
 */
class RunFormatRoundTripTest {

    private static final Path QUICKSTART = Path.of("reports", "quickstart", "results", "quickstart");
    private static final Path FACTORIAL = Path.of("reports", "paper-factorial-hopper-500k", "results");
    private static final Path TRUST_REGION = Path.of("reports", "paper-trust-region-hopper", "results");
    private static final Path TOPUP = Path.of("reports", "paper-walker-trpo-topup-exact", "results",
            "paper-walker-trpo-topup-exact");
    private static final Path GAP = Path.of("reports", "paper-humanoid-gap-exact", "results", "paper-humanoid-gap-exact");

    @TempDir
    Path tmp;

    /** The first run directory below {@code root} holding {@code name} and passing {@code extra}. */
    private static Path firstRun(Path root, String name, java.util.function.Predicate<Path> extra) throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(p -> p.getFileName().toString().equals(name)).map(Path::getParent).filter(extra).sorted()
                    .findFirst().orElseThrow(() -> new AssertionError("no " + name + " below " + root));
        }
    }

    private static Path firstRun(Path root, String name) throws IOException {
        return firstRun(root, name, p -> true);
    }

    @Test
    void cellJsonRoundTripsByteForByte() throws Exception {
        for (Path run : List.of(firstRun(QUICKSTART, RunFiles.CELL), firstRun(FACTORIAL, RunFiles.CELL))) {
            CellRecord cell = CellRecord.read(CellRecord.file(run), "cell.json");
            Path out = Files.createDirectories(tmp.resolve("cell-" + run.getFileName()));
            cell.write(out);
            assertArrayEquals(Files.readAllBytes(CellRecord.file(run)), Files.readAllBytes(CellRecord.file(out)),
                    run.toString());
        }
        Path factorial = firstRun(FACTORIAL, RunFiles.CELL);
        CellRecord cell = CellRecord.read(CellRecord.file(factorial), "cell.json");
        assertEquals("factorial", cell.design());
        assertEquals(List.of("value-clip", "reward-scale", "ortho-init", "lr-anneal", "policy-lr"),
                List.copyOf(cell.factors().keySet()), "factors keep the file's order");
        assertNull(cell.reusedFrom());
    }

    @Test
    void aCopiedRunsCellJsonKeepsItsDonor() throws Exception {
        Path run = firstRun(TRUST_REGION, RunFiles.CELL, p -> {
            try {
                return Files.readString(CellRecord.file(p)).contains(CellRecord.REUSED_FROM);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        CellRecord cell = CellRecord.read(CellRecord.file(run), "cell.json");
        assertTrue(cell.reusedFrom().startsWith("paper-table2/"), cell.reusedFrom());
        cell.write(tmp);
        assertArrayEquals(Files.readAllBytes(CellRecord.file(run)), Files.readAllBytes(CellRecord.file(tmp)));
        assertEquals(cell, cell.reusedFrom(null).reusedFrom(cell.reusedFrom()));
        assertFalse(cell.reusedFrom(null).json().containsKey(CellRecord.REUSED_FROM), "a trained run names no donor");
    }

    @Test
    void configAndProvenanceRoundTripByteForByte() throws Exception {
        Path run = firstRun(QUICKSTART, RunFiles.CONFIG);
        ConfigFile.write(tmp, ConfigFile.stored(run));
        assertArrayEquals(Files.readAllBytes(ConfigFile.file(run)), Files.readAllBytes(ConfigFile.file(tmp)));
        ProvenanceFile.write(tmp, ProvenanceFile.stored(run));
        assertArrayEquals(Files.readAllBytes(ProvenanceFile.file(run)), Files.readAllBytes(ProvenanceFile.file(tmp)));

        ConfigFile config = ConfigFile.read(run, "run");
        assertEquals("Pendulum-v1", config.env());
        assertEquals(RunDirs.seedOf(run), config.seed());
        assertEquals(CsvTable.read(RunCsv.METRICS.file(run), "m", List.of()).rows(), config.iterations());
        ProvenanceFile provenance = ProvenanceFile.read(run, "run");
        assertEquals(RunStatus.DONE, provenance.status());
        assertEquals(config.iterations() * ((Number) config.values().get("rollout-steps")).longValue(),
                provenance.envSteps(), "whole iterations are trained");
        assertTrue(ProvenanceFile.read(tmp.resolve("none"), "none").values().isEmpty(), "no file reads as empty");
    }

    @Test
    void committedCsvFilesHaveTheSchemasHeaders() throws Exception {
        for (RunCsv csv : List.of(RunCsv.METRICS, RunCsv.EPISODES, RunCsv.TRUST_REGION, RunCsv.TIMING)) {
            // run directories only (a config.json beside): reports/cleanrl-hopper-equivalence/peer holds
            // CleanRL's own episode logs, in CleanRL's columns
            Path run = firstRun(Path.of("reports"), csv.name(), p -> Files.exists(ConfigFile.file(p)));
            String first = Files.readAllLines(csv.file(run)).get(0);
            assertEquals(String.join(",", csv.header()), first, csv.name());
            CsvTable table = csv.read(run, "run", csv.header().toArray(String[]::new));
            assertEquals(csv.header(), table.header());
        }
    }

    @Test
    void runCsvWritesWhatItReadsBack() throws Exception {
        try (CsvLog log = RunCsv.EPISODES.create(tmp)) {
            log.append(RunCsv.episodeRow(-1234.5, 200, 200));
            log.append(RunCsv.episodeRow(Double.NaN, 3, 203));
        }
        assertEquals("return,length,env_steps\n-1234.5,200,200\nNaN,3,203\n",
                Files.readString(RunCsv.EPISODES.file(tmp)));
        CsvTable t = RunCsv.EPISODES.read(tmp, "run", RunCsv.RETURN);
        assertEquals(-1234.5, t.column(RunCsv.RETURN)[0]);
        assertTrue(Double.isNaN(t.column(RunCsv.RETURN)[1]));
        assertEquals("iteration,sample_seconds,update_seconds,total_seconds\n3,0.25,0.5,0.75\n",
                RunCsv.TIMING.text(List.of(RunCsv.timingRow(3, 0.25, 0.75))));
        assertEquals(List.of("7", "1.5", "0.01", "2", "0.02"), RunCsv.trustRegionRow(7, 1.5, 0.01, 2, 0.02));
        assertEquals("episode,return,length\n0,-3.25,200\n", RunCsv.EVAL.text(List.of(RunCsv.evalRow(0, -3.25, 200))));
    }

    @Test
    void adaptiveJsonRoundTripsByteForByte() throws Exception {
        for (Path specDir : List.of(TOPUP, GAP)) {
            Path file = AdaptiveRecord.file(specDir);
            byte[] committed = Files.readAllBytes(file);
            assertArrayEquals(committed, AdaptiveRecord.read(file).bytes(), file + " as a record");
            assertArrayEquals(committed, RuleFile.bytes(RuleFile.read(file)), file + " through the rule");
        }
        AdaptiveRecord topup = AdaptiveRecord.read(AdaptiveRecord.file(TOPUP));
        assertEquals(List.of("paper:trpo+ vs paper:trpo"), topup.decided());
        assertNull(topup.ciHalfWidth());
        assertEquals(List.of(10, 15, 20, 25, 30, 35, 40), topup.looks());
    }

    @Test
    void specRecordWritesWhatItReads() throws Exception {
        SpecRecord record = new SpecRecord("ablations/x.yaml", "/home/u/ablations/x.yaml",
                SpecRecord.sha256(new byte[] {1, 2}), List.of(new SpecRecord.CellRef("3f2a00000000", "ppo")),
                List.of("Pendulum-v1"), List.of(0L, 1L));
        record.write(tmp, new byte[] {1, 2});
        assertArrayEquals(new byte[] {1, 2}, Files.readAllBytes(tmp.resolve(SpecRecord.COPY)));
        SpecRecord back = SpecRecord.read(tmp);
        assertEquals(record, back);
        assertArrayEquals(Files.readAllBytes(tmp.resolve(SpecRecord.NAME)), back.bytes());
        assertTrue(back.plans("3f2a00000000", "Pendulum-v1", 1));
        assertNull(SpecRecord.read(tmp.resolve("none")));
    }

    @Test
    void failureJsonWritesWhatItReads() throws Exception {
        FailureRecord diverged = new FailureRecord(RunStatus.DIVERGED, 7, 14336L, "non-finite policy loss");
        diverged.write(tmp);
        assertEquals("{\n  \"status\" : \"diverged\",\n  \"iteration\" : 7,\n  \"env_steps\" : 14336,\n"
                + "  \"error\" : \"non-finite policy loss\"\n}", Files.readString(FailureRecord.file(tmp)));
        assertEquals(diverged, FailureRecord.read(tmp));
        assertTrue(FailureRecord.read(tmp).diverged());
        assertNull(FailureRecord.read(tmp.resolve("none")));
    }

    @Test
    void aDamagedFileGivesOneErrorNamingIt() throws Exception {
        Path run = Files.createDirectories(tmp.resolve("run"));
        Files.writeString(CellRecord.file(run), "{\"spec\": \"x\", \"cell\": ");
        CorruptFileException cell = assertThrows(CorruptFileException.class,
                () -> CellRecord.read(CellRecord.file(run), "root/run/cell.json"));
        assertTrue(cell.getMessage().startsWith("root/run/cell.json line 1: "), cell.getMessage());
        assertFalse(cell.getMessage().contains("\n"), cell.getMessage());

        Files.writeString(RunCsv.METRICS.file(run), String.join(",", RunCsv.METRICS.header()) + "\n0,2048,-1\n");
        CorruptFileException metrics = assertThrows(CorruptFileException.class,
                () -> RunCsv.METRICS.read(run, "root/run", RunCsv.MEAN_RETURN));
        assertEquals("root/run/metrics.csv line 2: expected 15 fields, found 3 (truncated or corrupt file)",
                metrics.getMessage());

        Path rule = tmp.resolve(AdaptiveRecord.NAME);
        Files.writeString(rule, "{\"spec\": \"x\", \"seeds\": 5}");
        IllegalArgumentException adaptive = assertThrows(IllegalArgumentException.class, () -> AdaptiveRecord.read(rule));
        assertTrue(adaptive.getMessage().startsWith(rule + " is not an adaptive rule file"), adaptive.getMessage());

        Files.writeString(FailureRecord.file(run), "{\"status\": ");
        assertEquals(new FailureRecord(RunStatus.FAILED, null, null, "unreadable failure.json"), FailureRecord.read(run));
        Map<String, Object> none = Map.of();
        assertEquals(new CellRecord(null, null, null, null, null, Map.of(), List.of(), null), CellRecord.of(none));
    }
}
