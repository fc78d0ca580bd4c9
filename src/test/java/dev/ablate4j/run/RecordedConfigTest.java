package dev.ablate4j.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ablate4j.config.Keys;
import dev.ablate4j.config.Preset;
import dev.ablate4j.config.TrainConfig;
import dev.ablate4j.results.AtomicFiles;
import dev.ablate4j.results.RunFiles;
import dev.ablate4j.run.RecordedConfig.Verdict;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The one "does this run directory hold this config?" check that train, matrix and resume share. */
class RecordedConfigTest {

    @TempDir
    Path dir;

    private static final TrainConfig CONFIG = TrainConfig.resolve(Preset.PPO, Map.of("env", "Pendulum-v1",
            "seed", 3L, "steps", 4096L));

    private void record(Map<String, Object> json) {
        AtomicFiles.writeJson(dir.resolve(RunFiles.CONFIG), json);
    }

    @Test
    void noConfigJsonIsAbsentAndContradictsNothing() throws IOException {
        RecordedConfig r = RecordedConfig.in(dir, CONFIG);
        assertEquals(Verdict.ABSENT, r.verdict());
        assertFalse(r.holds());
        assertTrue(r.compatible());
        Files.createDirectory(dir.resolve(RunFiles.CONFIG));
        assertEquals(Verdict.ABSENT, RecordedConfig.in(dir, CONFIG).verdict(), "a directory is not a config.json");
    }

    @Test
    void theConfigAsTrainWritesItIsHeld() {
        record(CONFIG.toJson());
        RecordedConfig r = RecordedConfig.in(dir, CONFIG);
        assertEquals(Verdict.SAME, r.verdict());
        assertTrue(r.holds());
        assertTrue(r.compatible());
        assertNull(r.recorded());
        assertEquals(dir.resolve(RunFiles.CONFIG), r.file());
    }

    @Test
    void aFileWrittenBeforeAKeyExistedStillHoldsTheConfigWhileTheKeyHasItsLegacyValue() {
        Map<String, Object> old = CONFIG.toJson();
        assertNotNull(old.remove(Keys.RESET_EVERY_ITERATION.name()));
        record(old);
        assertTrue(RecordedConfig.in(dir, CONFIG).holds());
        Object legacy = Keys.RESET_EVERY_ITERATION.legacyValue();
        TrainConfig changed = CONFIG.with(Keys.RESET_EVERY_ITERATION, !(Boolean) legacy);
        assertEquals(Verdict.DIFFERENT, RecordedConfig.in(dir, changed).verdict());
    }

    @Test
    void anotherConfigIsDifferentAndCarriesTheFileForTheMessage() {
        record(CONFIG.with(Keys.SEED, 4L).toJson());
        RecordedConfig r = RecordedConfig.in(dir, CONFIG);
        assertEquals(Verdict.DIFFERENT, r.verdict());
        assertFalse(r.holds());
        assertFalse(r.compatible());
        assertEquals(4, ((Number) r.recorded().get("seed")).intValue());
    }

    @Test
    void aBrokenFileIsUnreadableNotHeld() throws IOException {
        Files.writeString(dir.resolve(RunFiles.CONFIG), "{\"seed\": ");
        RecordedConfig r = RecordedConfig.in(dir, CONFIG);
        assertEquals(Verdict.UNREADABLE, r.verdict());
        assertNotNull(r.unreadable());
        assertFalse(r.holds());
        assertFalse(r.compatible());
    }

    @Test
    void asReadGivesTheValueTypesAFileReadGives() throws Exception {
        record(CONFIG.toJson());
        assertEquals(AtomicFiles.readJson(dir.resolve(RunFiles.CONFIG)), RecordedConfig.asRead(CONFIG));
    }
}
