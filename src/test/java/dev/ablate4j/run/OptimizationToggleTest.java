package dev.ablate4j.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.ablate4j.config.Preset;
import dev.ablate4j.config.TrainConfig;
import dev.ablate4j.results.MetricsRow;
import dev.ablate4j.results.RunFiles;
import dev.ablate4j.tweak.Optimization;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every optimization's switch reaches the training: flipping it alone changes the results. */
class OptimizationToggleTest {

    @TempDir
    Path tmp;

    @ParameterizedTest
    @EnumSource(Optimization.class)
    void flippingTheToggleAloneChangesMetrics(Optimization o) {
        // bounds that bind on Pendulum and a value LR that moves V by more than the value-clip eps,
        // so each toggle has something to act on
        Map<String, Object> base = Map.of("grad-clip-norm", 0.05, "reward-clip-max", 1.0, "obs-clip-max", 0.5,
                "value-lr", 0.01);
        TrainConfig on = TinyRuns.config(Preset.PPO, base).with(dev.ablate4j.config.Keys.toggle(o), true);
        TrainConfig off = on.with(dev.ablate4j.config.Keys.toggle(o), false);
        RunDriver.run(on, tmp.resolve("on"), null, RunDriver.Progress.NONE);
        RunDriver.run(off, tmp.resolve("off"), null, RunDriver.Progress.NONE);
        assertNotEquals(TinyRuns.sha256(tmp.resolve("on").resolve(RunFiles.METRICS)),
                TinyRuns.sha256(tmp.resolve("off").resolve(RunFiles.METRICS)), o.key() + " had no effect");
    }

    @Test
    void lrAnnealingMultipliesBothRatesByOneMinusKOverK() throws IOException {
        TrainConfig config = TinyRuns.config(Preset.PPO, Map.of("lr-anneal", true));
        RunDriver.run(config, tmp.resolve("anneal"), null, RunDriver.Progress.NONE);
        List<String> rows = Files.readAllLines(tmp.resolve("anneal").resolve(RunFiles.METRICS));
        int policyLr = MetricsRow.HEADER.indexOf("policy_lr");
        int valueLr = MetricsRow.HEADER.indexOf("value_lr");
        int k = 0;
        for (String row : rows.subList(1, rows.size())) {
            String[] cells = row.split(",");
            assertEquals(3e-4 * (1 - k / 4.0), Double.parseDouble(cells[policyLr]), 1e-15);
            assertEquals(1.5e-4 * (1 - k / 4.0), Double.parseDouble(cells[valueLr]), 1e-15);
            k++;
        }
        assertEquals(4, k);
    }

    /** Each of the paper's variants, set alone to its non-default value, changes the results. */
    @ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', value = {
        "ppo  | reward-scale-mode     | rewards",
        "ppo  | grad-clip-scope       | policy",
        "ppo  | grad-clip-scope       | value",
        "ppo  | reset-every-iteration | true",
        "ppo  | rollout-bootstrap     | last-state",
        "ppo  | value-loss-skip-ends  | true",
        "ppo  | entropy-coef          | -0.05",
        "trpo | max-kl-final          | 0.1",
        "trpo | line-search-accept    | 1.5"})
    void eachPaperVariantAloneChangesMetrics(String preset, String key, String value) {
        // gradient clipping on and binding, so its scope matters; rollouts of 256 steps on Pendulum's
        // 200-step episodes, so resets, bootstraps and episode ends all occur
        Map<String, Object> base = Map.of("grad-clip", true, "grad-clip-norm", 0.05, "value-lr", 0.01);
        TrainConfig plain = TinyRuns.config(Preset.byId(preset), base);
        TrainConfig variant = plain.withRaw(dev.ablate4j.config.Keys.byName(key), value);
        RunDriver.run(plain, tmp.resolve("plain"), null, RunDriver.Progress.NONE);
        RunDriver.run(variant, tmp.resolve("variant"), null, RunDriver.Progress.NONE);
        assertNotEquals(TinyRuns.sha256(tmp.resolve("plain").resolve(RunFiles.METRICS)),
                TinyRuns.sha256(tmp.resolve("variant").resolve(RunFiles.METRICS)), key + " " + value + " had no effect");
    }
}
