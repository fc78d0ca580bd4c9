package dev.ablate4j.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ablate4j.config.Preset;
import dev.ablate4j.results.Checkpoint;
import dev.ablate4j.results.RunFiles;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Golden hashes of small runs. They hold on every JDK and CPU (checked on OpenJDK 17 and Temurin 25);
 * a change to them is a change of results and must be deliberate: update the hashes and say in the
 * "Results changes" section of CHANGELOG.md why the numbers moved.
 */
class GoldenHashTest {

    @TempDir
    Path tmp;

    @ParameterizedTest
    @CsvSource({
        "ppo, cf176d8bdce00f5d9533df61adfaba40d9dcbad7e1a8f8ea8ee1d6cee387ff42",
        "trpo, 4f60c95f5951dd718d9f8bd67800b7351f1148be6f881523da44da299049e592"})
    void tinyRunsReproduceTheirGoldenMetrics(String preset, String expectedSha256) {
        RunDriver.run(TinyRuns.config(Preset.byId(preset), Map.of()), tmp, null, RunDriver.Progress.NONE);
        assertEquals(expectedSha256, TinyRuns.sha256(tmp.resolve(RunFiles.METRICS)), preset + " metrics.csv changed");
    }

    /**
     * The full training state at the end of the same runs, every double at all 64 bits: network
     * parameters, Adam moments, filter statistics, the sampler's and the environment's state. Stricter
     * than the 12-digit metrics (a last-bit change of a parameter that the printed metrics hide shows
     * here). The config text is left out of the hashed checkpoint, so adding a config key leaves it.
     */
    @ParameterizedTest
    @CsvSource({
        "ppo, 246d0543936dadba0cb0c739441b9005c0553f21983a321d7181f7b498dbb40f",
        "trpo, d75edd019e160f23ceef323cda3b4a997f2f70c619a2306ea802a6a68af48d5e"})
    void tinyRunsReproduceTheirGoldenFinalState(String preset, String expectedSha256) {
        try (Training training = new Training(TinyRuns.config(Preset.byId(preset), Map.of()))) {
            while (!training.finished()) {
                training.step();
            }
            Checkpoint state = new Checkpoint("");
            training.save(state);
            Path file = tmp.resolve("state.bin");
            state.write(file);
            assertEquals(expectedSha256, TinyRuns.sha256(file), preset + " final training state changed");
        }
    }
}
