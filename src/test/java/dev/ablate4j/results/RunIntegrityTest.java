package dev.ablate4j.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ablate4j.config.Preset;
import dev.ablate4j.config.TrainConfig;
import dev.ablate4j.run.RunDriver;
import dev.ablate4j.run.TinyRuns;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The finished-run and resumable-run checks, on real tiny runs damaged one way at a time. */
class RunIntegrityTest {

    @TempDir
    Path tmp;

    /** 4 iterations, trust region logged every 2: 4 metrics rows, 2 trust-region rows. */
    private final TrainConfig config = TinyRuns.config(Preset.PPO, Map.of());
    private Path run;

    @BeforeEach
    void train() {
        run = tmp.resolve("run");
        assertTrue(RunDriver.run(config, run, null, RunDriver.Progress.NONE).done());
    }

    private static void keepLines(Path file, int n) throws IOException {
        List<String> lines = Files.readAllLines(file);
        Files.writeString(file, String.join("\n", lines.subList(0, n)) + "\n");
    }

    @Test
    void aRunAsTrainedIsWhole() {
        Integrity i = RunIntegrity.finished(run);
        assertTrue(i.ok(), String.valueOf(i.reason()));
        assertNull(i.reason());
        assertTrue(RunIntegrity.resumable(run).ok());
    }

    @Test
    void aDamagedSavedPolicyIsBrokenAndARunWithoutOneIsWhole() throws IOException {
        Path policy = run.resolve(RunFiles.POLICY);
        assertTrue(Files.exists(policy), "a finished run saves its policy");
        String text = Files.readString(policy);
        Files.writeString(policy, text.substring(0, text.length() / 2));
        Integrity i = RunIntegrity.finished(run);
        assertFalse(i.ok());
        assertTrue(i.reason().startsWith("policy.json is damaged: "), i.reason());

        Files.delete(policy); // as every run made before policies were saved
        assertTrue(RunIntegrity.finished(run).ok());
    }

    @Test
    void aRunThatRoundsItsStepsDownIsWholeAndCountedByItsOwnRounding() throws IOException {
        // 1,100 steps of 256: 5 iterations rounded up, 4 rounded down (CleanRL's total_timesteps // batch)
        for (String rounding : List.of("up", "down")) {
            Path r = tmp.resolve("rounding-" + rounding);
            TrainConfig c = TinyRuns.config(Preset.PPO, Map.of("steps", 1100, "steps-rounding", rounding));
            assertTrue(RunDriver.run(c, r, null, RunDriver.Progress.NONE).done());
            assertEquals(rounding.equals("up") ? 5 : 4, ConfigFile.lenient(r).iterations());
            Integrity i = RunIntegrity.finished(r);
            assertTrue(i.ok(), rounding + ": " + i.reason());
            keepLines(r.resolve(RunFiles.METRICS), rounding.equals("up") ? 5 : 4);
            assertEquals("metrics.csv has " + (rounding.equals("up") ? 4 : 3) + " rows where config.json trains "
                    + (rounding.equals("up") ? 5 : 4) + " iterations: cut short after the run finished",
                    RunIntegrity.finished(r).reason());
        }
    }

    @Test
    void metricsCutToFewerRowsThanTheConfigTrainsIsBroken() throws IOException {
        keepLines(run.resolve(RunFiles.METRICS), 3);
        Integrity i = RunIntegrity.finished(run);
        assertFalse(i.ok());
        assertEquals("metrics.csv has 2 rows where config.json trains 4 iterations: cut short after the run finished",
                i.reason());
    }

    @Test
    void aLastLineCutInHalfIsBroken() throws IOException {
        Path m = run.resolve(RunFiles.METRICS);
        String text = Files.readString(m);
        Files.writeString(m, text.substring(0, text.length() - 10));
        assertEquals("metrics.csv is truncated (its last line is cut off)", RunIntegrity.finished(run).reason());
    }

    @Test
    void aRowWithMissingFieldsIsBroken() throws IOException {
        Path m = run.resolve(RunFiles.METRICS);
        List<String> lines = Files.readAllLines(m);
        lines.set(2, "1,512");
        Files.writeString(m, String.join("\n", lines) + "\n");
        assertTrue(RunIntegrity.finished(run).reason().startsWith("metrics.csv line 3 has 2 fields, not "),
                RunIntegrity.finished(run).reason());
    }

    @Test
    void trustRegionRowsAreCountedToo() throws IOException {
        keepLines(run.resolve(RunFiles.TRUST_REGION), 2);
        assertEquals("trust_region.csv has 1 rows where config.json trains 4 iterations and logs the trust region"
                + " every 2 (2 rows)", RunIntegrity.finished(run).reason());
        Files.delete(run.resolve(RunFiles.TRUST_REGION));
        assertEquals("no trust_region.csv, but config.json logs the trust region every 2 iterations",
                RunIntegrity.finished(run).reason());
    }

    @Test
    void doneBesideAnotherStatusIsBroken() {
        Map<String, Object> p = AtomicFiles.readJson(run.resolve(RunFiles.PROVENANCE));
        p.put(Provenance.STATUS, "running");
        AtomicFiles.writeJson(run.resolve(RunFiles.PROVENANCE), p);
        assertTrue(RunIntegrity.finished(run).reason().startsWith("provenance.json records status running, but DONE"),
                RunIntegrity.finished(run).reason());
    }

    @Test
    void metricsThatEndAtOtherEnvStepsThanProvenanceRecordsAreBroken() throws IOException {
        Map<String, Object> p = AtomicFiles.readJson(run.resolve(RunFiles.PROVENANCE));
        assertEquals(1024, ((Number) p.get(Provenance.ENV_STEPS)).intValue());
        p.put(Provenance.ENV_STEPS, 2048);
        AtomicFiles.writeJson(run.resolve(RunFiles.PROVENANCE), p);
        assertEquals("metrics.csv ends at env step 1024, but provenance.json records 2048 env steps trained",
                RunIntegrity.finished(run).reason());
    }

    @Test
    void aDivergedRunIsCountedUpToTheIterationItDivergedAt() throws IOException {
        Files.delete(run.resolve(RunFiles.DONE));
        Map<String, Object> p = AtomicFiles.readJson(run.resolve(RunFiles.PROVENANCE));
        p.put(Provenance.STATUS, "diverged");
        p.put(Provenance.DIVERGED_AT, 3);
        AtomicFiles.writeJson(run.resolve(RunFiles.PROVENANCE), p);
        keepLines(run.resolve(RunFiles.METRICS), 4);
        assertTrue(RunIntegrity.finished(run).ok(), RunIntegrity.finished(run).reason());
        keepLines(run.resolve(RunFiles.METRICS), 3);
        assertEquals("metrics.csv has 2 rows where provenance.json records divergence at iteration 3:"
                + " cut short after the run finished", RunIntegrity.finished(run).reason());
    }

    @Test
    void anUnfinishedRunIsOnlyCheckedForWholeRows() throws IOException {
        Files.delete(run.resolve(RunFiles.DONE));
        keepLines(run.resolve(RunFiles.METRICS), 2);
        assertTrue(RunIntegrity.finished(run).ok());
    }

    @Test
    void aCheckpointLongerThanItsCsvCannotResume() throws IOException {
        Path crashed = tmp.resolve("crashed");
        RunDriver.Progress crashAfterThree = (training, result, sps) -> {
            if (training.iteration() == 3) {
                throw new IllegalStateException("simulated crash");
            }
        };
        try {
            RunDriver.runOrResume(config, crashed, null, crashAfterThree, 2);
        } catch (IllegalStateException expected) {
            // stopped after iteration 3; the checkpoint is after iteration 2
        }
        assertTrue(Files.exists(crashed.resolve(RunFiles.CHECKPOINT)));
        assertTrue(RunIntegrity.resumable(crashed).ok());
        keepLines(crashed.resolve(RunFiles.METRICS), 2);
        String reason = RunIntegrity.resumable(crashed).reason();
        assertTrue(reason != null && reason.startsWith("metrics.csv is shorter (") && reason.contains(
                "than checkpoint.bin records"), reason);
    }
}
