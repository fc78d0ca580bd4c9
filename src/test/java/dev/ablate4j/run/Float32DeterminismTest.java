package dev.ablate4j.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ablate4j.config.ConfigException;
import dev.ablate4j.config.Preset;
import dev.ablate4j.config.TrainConfig;
import dev.ablate4j.matrix.CellId;
import dev.ablate4j.results.RunFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Runs in {@code precision: float32} are as reproducible as float64 ones: the same seed gives the
 * same bytes, a resumed run the bytes of an uninterrupted one, another JDK the same bytes, and
 * tiny runs keep golden hashes (which hold on every JDK and CPU, as the float64 ones do: float
 * arithmetic and {@code Math.fma} are exactly specified). The key is part of a run's identity
 * only when it is not float64, so every run made before it keeps its config and cell id.
 */
class Float32DeterminismTest {

    private static final Map<String, Object> FLOAT32 = Map.of("precision", "float32");

    @TempDir
    Path tmp;

    @ParameterizedTest
    @CsvSource({
        "ppo, 34f10df1394b3579714b8b33e5e6a651ca95e6b7fa5351807bb4b9af5ac6033c",
        "trpo, eeb34e598aa8ea0197932d8a11d84dbf1be7506d66fe87ca006461e231afea57"})
    void tinyFloat32RunsReproduceTheirGoldenMetrics(String preset, String expectedSha256) {
        RunDriver.run(TinyRuns.config(Preset.byId(preset), FLOAT32), tmp, null, RunDriver.Progress.NONE);
        assertEquals(expectedSha256, TinyRuns.sha256(tmp.resolve(RunFiles.METRICS)), preset + " float32 metrics.csv");
    }

    @Test
    void sameSeedGivesIdenticalFilesAndFloat32DiffersFromFloat64() {
        TrainConfig config = TinyRuns.config(Preset.PPO, FLOAT32);
        assertTrue(RunDriver.run(config, tmp.resolve("a"), null, RunDriver.Progress.NONE).done());
        assertTrue(RunDriver.run(config, tmp.resolve("b"), null, RunDriver.Progress.NONE).done());
        RunDriver.run(TinyRuns.config(Preset.PPO, Map.of()), tmp.resolve("f64"), null, RunDriver.Progress.NONE);
        for (String file : new String[] {RunFiles.METRICS, RunFiles.EPISODES, RunFiles.TRUST_REGION}) {
            assertEquals(TinyRuns.sha256(tmp.resolve("a").resolve(file)),
                    TinyRuns.sha256(tmp.resolve("b").resolve(file)), file);
        }
        assertNotEquals(TinyRuns.sha256(tmp.resolve("a").resolve(RunFiles.METRICS)),
                TinyRuns.sha256(tmp.resolve("f64").resolve(RunFiles.METRICS)), "float32 must compute in float");
    }

    @Test
    void aFloat32RunInterruptedAfterACheckpointResumesToTheSameBytes() {
        TrainConfig config = TinyRuns.config(Preset.PPO, Map.of("steps", 1536, "precision", "float32"));
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
            // stopped after iteration 5 wrote its rows; the last checkpoint is after iteration 4
        }
        assertTrue(RunDriver.runOrResume(config, crashed, null, RunDriver.Progress.NONE, 2).done());
        for (String file : new String[] {RunFiles.METRICS, RunFiles.EPISODES, RunFiles.TRUST_REGION}) {
            assertEquals(TinyRuns.sha256(tmp.resolve("clean").resolve(file)), TinyRuns.sha256(crashed.resolve(file)),
                    file);
        }
    }

    /**
     * The same float32 run in this JVM and in another JDK under /usr/lib/jvm (e.g. Temurin 25 beside
     * OpenJDK 17) gives the same metrics.csv. Skipped, with the reason printed, when there is no
     * other JDK there.
     */
    @Test
    void anotherJdkGivesTheSameBytes() throws IOException, InterruptedException {
        Path otherJava = otherJava();
        String reason = "no JDK under /usr/lib/jvm other than the one running the tests (" + currentJava() + ")";
        if (otherJava == null) {
            System.out.println("Float32DeterminismTest.anotherJdkGivesTheSameBytes skipped: " + reason);
        }
        Assumptions.assumeTrue(otherJava != null, reason);
        TrainConfig config = TinyRuns.config(Preset.PPO, FLOAT32);
        RunDriver.run(config, tmp.resolve("here"), null, RunDriver.Progress.NONE);

        Path there = tmp.resolve("there");
        List<String> cmd = new ArrayList<>(List.of(otherJava.toString(), "-cp", System.getProperty("java.class.path"),
                "dev.ablate4j.cli.Main", "train", "--preset", "ppo", "--env", "Pendulum-v1", "--steps", "1024",
                "--rollout-steps", "256", "--minibatches", "4", "--epochs", "3", "--hidden", "16,16",
                "--tr-log-every", "2", "--seed", "1", "--precision", "float32", "--quiet", "--out", there.toString()));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), otherJava + " failed:\n" + output);
        System.out.println("Float32DeterminismTest: compared " + currentJava() + " with " + otherJava);
        for (String file : new String[] {RunFiles.METRICS, RunFiles.EPISODES, RunFiles.TRUST_REGION}) {
            assertEquals(TinyRuns.sha256(tmp.resolve("here").resolve(file)), TinyRuns.sha256(there.resolve(file)),
                    file + " differs between " + currentJava() + " and " + otherJava);
        }
    }

    private static Path currentJava() {
        try {
            return Path.of(System.getProperty("java.home"), "bin", "java").toRealPath();
        } catch (IOException e) {
            return Path.of(System.getProperty("java.home"), "bin", "java");
        }
    }

    /** A java launcher under /usr/lib/jvm that is not this JVM's (after resolving links), or null. */
    private static Path otherJava() throws IOException {
        Path jvms = Path.of("/usr/lib/jvm");
        if (!Files.isDirectory(jvms)) {
            return null;
        }
        Path current = currentJava();
        try (Stream<Path> dirs = Files.list(jvms)) {
            for (Path dir : dirs.sorted().toList()) {
                Path java = dir.resolve("bin").resolve("java");
                if (Files.isExecutable(java) && !java.toRealPath().equals(current)) {
                    return java.toRealPath();
                }
            }
        }
        return null;
    }

    @Test
    void precisionIsPartOfTheIdentityOnlyWhenItIsNotFloat64() {
        TrainConfig legacy = TinyRuns.config(Preset.PPO, Map.of());
        TrainConfig explicit = TinyRuns.config(Preset.PPO, Map.of("precision", "float64"));
        TrainConfig single = TinyRuns.config(Preset.PPO, FLOAT32);
        assertFalse(legacy.toJson().containsKey("precision"), "float64 stays out of config.json");
        assertEquals(legacy.toJson(), explicit.toJson());
        assertEquals(CellId.of(legacy), CellId.of(explicit));
        assertFalse(CellId.canonical(legacy).contains("precision"));
        assertEquals("float32", single.toJson().get("precision"));
        assertNotEquals(CellId.of(legacy), CellId.of(single));
        assertTrue(CellId.canonical(single).contains("precision=float32\n"), CellId.canonical(single));
    }

    @Test
    void float32NeedsTheJavaBackend() {
        ConfigException e = org.junit.jupiter.api.Assertions.assertThrows(ConfigException.class,
                () -> TinyRuns.config(Preset.PPO, Map.of("precision", "float32", "backend", "auto")));
        assertTrue(e.getMessage().contains("precision: float32 runs on backend java only"), e.getMessage());
    }
}
