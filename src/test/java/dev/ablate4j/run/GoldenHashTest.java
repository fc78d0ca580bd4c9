package dev.ablate4j.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ablate4j.config.Preset;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Golden hashes of small runs. They hold on every JDK and CPU (checked on OpenJDK 17 and Temurin 25);
 * a change to them is a change of results and must be deliberate: update the hashes and say in the
 * README's "Results changes" section why the numbers moved.
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
}
