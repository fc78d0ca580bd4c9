package dev.ablate4j.run;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ablate4j.config.Preset;
import dev.ablate4j.config.TrainConfig;
import dev.ablate4j.policy.PolicyActor;
import dev.ablate4j.policy.PolicyJson;
import dev.ablate4j.policy.SavedPolicy;
import dev.ablate4j.results.RunFiles;
import dev.ablate4j.results.RunStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** policy.json: what a finished run saves, that it is the trained policy bit for bit, and when it is written. */
class SavedPolicyTest {

    @TempDir
    Path tmp;

    /** ppo: obs norm and clip, tanh; relu: ReLU and no observation filter at all; ppo-m: norm without clip. */
    private static TrainConfig config(String variant) {
        return switch (variant) {
            case "ppo" -> TinyRuns.config(Preset.PPO, Map.of());
            case "relu" -> TinyRuns.config(Preset.PPO, Map.of("tanh", false, "obs-norm", false, "obs-clip", false));
            case "ppo-m" -> TinyRuns.config(Preset.byId("ppo-m"), Map.of());
            case "rms" -> TinyRuns.config(Preset.PPO, Map.of("obs-norm-stats", "rms", "action-clip", true));
            default -> throw new IllegalArgumentException(variant);
        };
    }

    @ParameterizedTest
    @ValueSource(strings = {"ppo", "relu", "ppo-m", "rms"})
    void theSavedPolicyActsExactlyAsTheTrainedOne(String variant) {
        try (Training training = new Training(config(variant))) {
            while (!training.finished()) {
                training.step();
            }
            SavedPolicy saved = PolicyJson.parse(PolicyJson.bytes(training.savedPolicy()));
            assertEquals(variant.equals("relu") ? "RELU" : "TANH", saved.activation().name());
            PolicyActor actor = saved.actor();
            long countBefore = training.observationFilter().stats().count();
            SplittableRandom obsRng = new SplittableRandom(11);
            double[] raw = new double[3];
            double[] filtered = new double[3];
            double[] meanA = new double[1];
            double[] actionA = new double[1];
            double[] meanB = new double[1];
            double[] actionB = new double[1];
            double[] meanC = new double[1];
            for (int i = 0; i < 1000; i++) {
                double scale = i % 5 == 0 ? 100 : 2; // some far outside the clip range
                for (int k = 0; k < 3; k++) {
                    raw[k] = scale * (2 * obsRng.nextDouble() - 1);
                }
                training.observationFilter().apply(raw, false, filtered);
                training.policy().act(filtered, new SplittableRandom(i), meanA, actionA);
                actor.sample(raw, new SplittableRandom(i), meanB, actionB);
                actor.mean(raw, meanC);
                assertArrayEquals(filtered, actor.filter(raw), "filter, observation " + i);
                assertEquals(Double.doubleToRawLongBits(meanA[0]), Double.doubleToRawLongBits(meanB[0]), "mean " + i);
                assertEquals(Double.doubleToRawLongBits(meanA[0]), Double.doubleToRawLongBits(meanC[0]), "mean " + i);
                assertEquals(Double.doubleToRawLongBits(actionA[0]), Double.doubleToRawLongBits(actionB[0]),
                        "sampled action " + i);
            }
            assertEquals(countBefore, training.observationFilter().stats().count(), "the saved policy froze the filter");
            assertArrayEquals(new double[] {-2}, saved.actionLow());
            assertArrayEquals(new double[] {2}, saved.actionHigh());
            assertEquals(variant.equals("rms"), saved.clipActions());
        }
    }

    @Test
    void aFinishedRunWritesItsFinalPolicyBeforeDone() throws Exception {
        TrainConfig config = config("ppo");
        Path dir = tmp.resolve("run");
        assertTrue(RunDriver.run(config, dir, null, RunDriver.Progress.NONE).done());
        byte[] expected;
        try (Training training = new Training(config)) {
            while (!training.finished()) {
                training.step();
            }
            expected = PolicyJson.bytes(training.savedPolicy());
        }
        assertArrayEquals(expected, Files.readAllBytes(dir.resolve(RunFiles.POLICY)));
        assertTrue(Files.getLastModifiedTime(dir.resolve(RunFiles.POLICY)).toMillis()
                <= Files.getLastModifiedTime(dir.resolve(RunFiles.DONE)).toMillis());
        assertFalse(config.toJson().containsKey("policy"), "the policy is no part of the run's identity");
    }

    @Test
    void aResumedRunWritesTheSamePolicyBytesAsAnUninterruptedOne() throws Exception {
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
            // stopped after iteration 5; the checkpoint is after iteration 4
        }
        assertFalse(Files.exists(crashed.resolve(RunFiles.POLICY)), "no policy before the run finishes");
        assertTrue(RunDriver.runOrResume(config, crashed, null, RunDriver.Progress.NONE, 2).done());
        assertArrayEquals(Files.readAllBytes(tmp.resolve("clean").resolve(RunFiles.POLICY)),
                Files.readAllBytes(crashed.resolve(RunFiles.POLICY)));
    }

    @Test
    void aDivergedRunSavesNoPolicyAndATrainingRemovesAnEarlierPolicyAndEvaluation() throws Exception {
        Path dir = tmp.resolve("diverged");
        Files.createDirectories(dir);
        for (String name : new String[] {RunFiles.POLICY, RunFiles.EVAL, RunFiles.EVAL_SETTINGS}) {
            Files.writeString(dir.resolve(name), "from an earlier run\n");
        }
        TrainConfig config = TinyRuns.config(Preset.PPO, Map.of("value-lr", 1e300, "tanh", false));
        assertEquals(RunStatus.DIVERGED, RunDriver.run(config, dir, null, RunDriver.Progress.NONE).status());
        for (String name : new String[] {RunFiles.POLICY, RunFiles.EVAL, RunFiles.EVAL_SETTINGS}) {
            assertFalse(Files.exists(dir.resolve(name)), name + " left from an earlier run");
        }
    }
}
