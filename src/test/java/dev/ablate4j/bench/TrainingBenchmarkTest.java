package dev.ablate4j.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ablate4j.config.Keys;
import dev.ablate4j.config.Preset;
import dev.ablate4j.config.TrainConfig;
import dev.ablate4j.run.TinyRuns;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TrainingBenchmarkTest {

    @Test
    void standardConfigIsThePaperSettingOnPendulum() {
        TrainConfig c = TrainingBenchmark.standardConfig(100_000, 0, "64,64", "java");
        assertEquals("ppo", c.preset());
        assertEquals("Pendulum-v1", c.get(Keys.ENV));
        assertEquals(2048, c.get(Keys.ROLLOUT_STEPS));
        assertEquals(10, c.get(Keys.EPOCHS));
        assertEquals(32, c.get(Keys.MINIBATCHES));
        assertEquals(List.of(64, 64), c.get(Keys.HIDDEN));
        assertEquals(49, c.iterations());
        assertEquals(dev.ablate4j.config.BackendName.JAVA, c.get(Keys.BACKEND));
    }

    @Test
    void figuresAddUpAndTheTableShowsThem() {
        TrainConfig config = TinyRuns.config(Preset.PPO, Map.of("steps", 2048));
        TrainingBenchmark.Result r = TrainingBenchmark.run(config);
        assertEquals(8, r.iterations());
        assertEquals(2048, r.envSteps());
        assertTrue(r.sampleSeconds() > 0 && r.sampleSeconds() < r.totalSeconds(), r.toString());
        assertTrue(r.updateSeconds() > 0, r.toString());
        assertTrue(r.steadyIterationSeconds() > 0 && r.steadyIterationSeconds() < r.totalSeconds(), r.toString());
        if (r.totalCpuSeconds() >= 0) {
            assertTrue(r.sampleCpuSeconds() <= r.totalCpuSeconds(), r.toString());
        }
        assertTrue(r.peakHeapBytes() > 0 && r.peakHeapBytes() <= r.maxHeapBytes() * 2, r.toString());
        assertTrue(r.liveHeapBytes() > 0, r.toString());
        assertEquals(2048 / r.totalSeconds(), r.stepsPerSecond(), 1e-9);
        String table = r.table(Machine.current());
        assertTrue(table.contains("2048 env steps (8 iterations of 256)"), table);
        assertTrue(table.contains("backend java"), table);
    }

    @Test
    void machineNamesCoresAndLoad() {
        Machine m = Machine.current();
        assertTrue(m.cores() >= 1);
        assertTrue(m.describe().startsWith(m.cores() + " cores, "), m.describe());
        assertTrue(m.describe().contains("load average"), m.describe());
    }
}
