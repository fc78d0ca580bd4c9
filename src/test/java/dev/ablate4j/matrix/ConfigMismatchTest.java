package dev.ablate4j.matrix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ablate4j.config.Keys;
import dev.ablate4j.config.Preset;
import dev.ablate4j.config.TrainConfig;
import dev.ablate4j.results.AtomicFiles;
import dev.ablate4j.results.RunFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The matrix's message for a run directory written for another config. */
class ConfigMismatchTest {

    @TempDir
    Path dir;

    private static final TrainConfig CONFIG = TrainConfig.resolve(Preset.PPO, Map.of("env", "Pendulum-v1",
            "seed", 1L, "steps", 4096L));

    @Test
    void noFileOrTheSameConfigIsNoMismatch() {
        assertNull(ConfigMismatch.of(dir, CONFIG));
        AtomicFiles.writeJson(dir.resolve(RunFiles.CONFIG), CONFIG.toJson());
        assertNull(ConfigMismatch.of(dir, CONFIG));
        Map<String, Object> old = CONFIG.toJson();
        old.remove(Keys.RESET_EVERY_ITERATION.name());
        AtomicFiles.writeJson(dir.resolve(RunFiles.CONFIG), old);
        assertNull(ConfigMismatch.of(dir, CONFIG), "written before the key existed, same behaviour");
    }

    @Test
    void namesTheFileAndEachDifferingKeyInKeyOrder() {
        AtomicFiles.writeJson(dir.resolve(RunFiles.CONFIG), CONFIG.with(Keys.SEED, 2L).with(Keys.GAMMA, 0.5).toJson());
        String m = ConfigMismatch.of(dir, CONFIG);
        assertEquals(dir.resolve(RunFiles.CONFIG) + " was written for a different config ("
                + String.join(", ", ConfigMismatch.differences(CONFIG.with(Keys.SEED, 2L).with(Keys.GAMMA, 0.5).toJson(),
                        CONFIG.toJson())) + ")", m);
        int seed = Keys.all().indexOf(Keys.SEED);
        int gamma = Keys.all().indexOf(Keys.GAMMA);
        List<String> expected = seed < gamma ? List.of("seed 2 -> 1", "gamma 0.5 -> 0.99")
                : List.of("gamma 0.5 -> 0.99", "seed 2 -> 1");
        assertTrue(m.endsWith("(" + String.join(", ", expected) + ")"), m);
    }

    @Test
    void aChangedPresetComesFirstAndALegacyKeyReadsAsItsLegacyValue() {
        Map<String, Object> a = Map.of(TrainConfig.PRESET_KEY, "ppo", Keys.GAMMA.name(), 0.99);
        Map<String, Object> b = Map.of(TrainConfig.PRESET_KEY, "trpo", Keys.GAMMA.name(), 0.9,
                Keys.RESET_EVERY_ITERATION.name(), Keys.RESET_EVERY_ITERATION.legacyValue());
        assertEquals(List.of("preset ppo -> trpo", "gamma 0.99 -> 0.9"), ConfigMismatch.differences(a, b));
    }

    @Test
    void anUnreadableFileIsNamedWithTheReason() throws IOException {
        Files.writeString(dir.resolve(RunFiles.CONFIG), "{ not json");
        String m = ConfigMismatch.of(dir, CONFIG);
        assertTrue(m.startsWith(dir.resolve(RunFiles.CONFIG) + " is unreadable (UncheckedIOException: "), m);
        assertTrue(!m.contains("\n"), "one line");
    }
}
