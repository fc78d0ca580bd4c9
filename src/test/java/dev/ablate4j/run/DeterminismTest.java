package dev.ablate4j.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ablate4j.config.Preset;
import dev.ablate4j.config.TrainConfig;
import dev.ablate4j.results.RunFiles;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeterminismTest {

    @TempDir
    Path tmp;

    @Test
    void sameSeedGivesIdenticalFilesAndAnotherSeedDifferent() {
        TrainConfig config = TinyRuns.config(Preset.PPO, Map.of());
        assertTrue(RunDriver.run(config, tmp.resolve("a"), null, RunDriver.Progress.NONE).done());
        assertTrue(RunDriver.run(config, tmp.resolve("b"), null, RunDriver.Progress.NONE).done());
        TrainConfig other = TinyRuns.config(Preset.PPO, Map.of("seed", 2));
        assertTrue(RunDriver.run(other, tmp.resolve("c"), null, RunDriver.Progress.NONE).done());
        for (String file : new String[] {RunFiles.METRICS, RunFiles.EPISODES, RunFiles.TRUST_REGION}) {
            assertEquals(TinyRuns.sha256(tmp.resolve("a").resolve(file)),
                    TinyRuns.sha256(tmp.resolve("b").resolve(file)), file);
            assertNotEquals(TinyRuns.sha256(tmp.resolve("a").resolve(file)),
                    TinyRuns.sha256(tmp.resolve("c").resolve(file)), file);
        }
        assertTrue(RunFiles.isDone(tmp.resolve("a")));
    }

    @Test
    void heldoutDiagnosticsDoNotChangeTheMetrics() {
        TrainConfig with = TinyRuns.config(Preset.PPO, Map.of("tr-log-every", 1));
        TrainConfig without = TinyRuns.config(Preset.PPO, Map.of("tr-log-every", 0));
        RunDriver.run(with, tmp.resolve("with"), null, RunDriver.Progress.NONE);
        RunDriver.run(without, tmp.resolve("without"), null, RunDriver.Progress.NONE);
        for (String file : new String[] {RunFiles.METRICS, RunFiles.EPISODES}) {
            assertEquals(TinyRuns.sha256(tmp.resolve("with").resolve(file)),
                    TinyRuns.sha256(tmp.resolve("without").resolve(file)), file);
        }
    }

    @Test
    void aRunInterruptedAfterACheckpointResumesToTheSameBytes() {
        TrainConfig config = TinyRuns.config(Preset.PPO, Map.of("steps", 1536));
        RunDriver.run(config, tmp.resolve("clean"), null, RunDriver.Progress.NONE);

        Path crashed = tmp.resolve("crashed");
        RunDriver.Progress crashAfterFive = (training, result, sps) -> {
            if (training.iteration() == 5) {
                throw new IllegalStateException("simulated crash");
            }
        };
        try {
            RunDriver.runOrResume(config, crashed, null, crashAfterFive, 2);
        } catch (IllegalStateException expected) {
            // the run stopped after iteration 5 wrote its rows; the last checkpoint is after iteration 4
        }
        assertTrue(RunDriver.runOrResume(config, crashed, null, RunDriver.Progress.NONE, 2).done());
        for (String file : new String[] {RunFiles.METRICS, RunFiles.EPISODES, RunFiles.TRUST_REGION}) {
            assertEquals(TinyRuns.sha256(tmp.resolve("clean").resolve(file)), TinyRuns.sha256(crashed.resolve(file)),
                    file);
        }
    }
}
