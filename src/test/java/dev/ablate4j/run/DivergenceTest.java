package dev.ablate4j.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.ablate4j.config.Preset;
import dev.ablate4j.config.TrainConfig;
import dev.ablate4j.results.AtomicFiles;
import dev.ablate4j.results.RunFiles;
import dev.ablate4j.results.RunStatus;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DivergenceTest {

    @TempDir
    Path tmp;

    @Test
    void aRunWhoseLossStopsBeingFiniteIsRecordedAsDiverged() {
        // an absurd value learning rate with ReLU overflows the value network in the first update
        TrainConfig config = TinyRuns.config(Preset.PPO, Map.of("value-lr", 1e300, "tanh", false));
        RunOutcome outcome = RunDriver.run(config, tmp, null, RunDriver.Progress.NONE);
        assertEquals(RunStatus.DIVERGED, outcome.status());
        assertEquals(0, outcome.divergedAt());
        Map<String, Object> provenance = AtomicFiles.readJson(tmp.resolve(RunFiles.PROVENANCE));
        assertEquals("diverged", provenance.get("status"));
        assertEquals(0, provenance.get("diverged_at_iteration"));
        assertFalse(RunFiles.isDone(tmp), "no DONE marker for a diverged run");
    }
}
