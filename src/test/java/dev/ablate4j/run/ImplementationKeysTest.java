package dev.ablate4j.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ablate4j.algo.Algorithms;
import dev.ablate4j.algo.StepBounds;
import dev.ablate4j.algo.ppo.JointPpoUpdate;
import dev.ablate4j.config.Key;
import dev.ablate4j.config.Keys;
import dev.ablate4j.config.Preset;
import dev.ablate4j.config.TrainConfig;
import dev.ablate4j.matrix.CellId;
import dev.ablate4j.nn.Activation;
import dev.ablate4j.nn.Adam;
import dev.ablate4j.nn.GaussianPolicy;
import dev.ablate4j.nn.GradClip;
import dev.ablate4j.nn.ValueNet;
import dev.ablate4j.results.Checkpoint;
import dev.ablate4j.rl.RolloutBuffer;
import dev.ablate4j.rl.ValueTrainer;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The implementation keys one by one: at their defaults nothing of an existing run changes (config.json
 * leaves them out, cell ids ignore them), where set they are written and read back, and each has its
 * effect: {@code vf-coef} and {@code value-loss-half} scale the value gradient (joint and separate),
 * {@code grad-clip-scope joint} clips one norm over both networks where {@code both} clips each,
 * {@code optimizer} selects the joint step, {@code steps-rounding} the iteration count; a run with the
 * rms statistics resumes from a checkpoint to the same bits.
 */
class ImplementationKeysTest {

    @TempDir
    Path tmp;

    private static TrainConfig ppo(Map<String, Object> overrides) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("env", "Pendulum-v1");
        o.put("rollout-steps", 16);
        o.put("minibatches", 1);
        o.put("epochs", 1);
        o.put("steps", 16);
        o.putAll(overrides);
        return TrainConfig.resolve(Preset.PPO, o);
    }

    @Test
    void atTheirDefaultsTheKeysLeaveConfigJsonAndCellIdsAsTheyWere() {
        TrainConfig plain = TinyRuns.config(Preset.PPO, Map.of());
        String canonical = CellId.canonical(plain);
        for (Key<?> key : Keys.implementationKeys()) {
            assertFalse(plain.toJson().containsKey(key.name()), key.name() + " must not be in a default config.json");
            assertFalse(canonical.contains(key.name() + "="), key.name() + " must not enter a default cell id");
        }
        assertEquals("both", plain.toJson().get("grad-clip-scope"));
        TrainConfig joint = TinyRuns.config(Preset.PPO, Map.of("optimizer", "joint", "vf-coef", 0.5));
        assertEquals("joint", joint.toJson().get("optimizer"));
        assertEquals(0.5, joint.toJson().get("vf-coef"));
        assertNotEquals(CellId.of(plain), CellId.of(joint));
        assertTrue(joint.matches(joint.toJson()));
        assertFalse(plain.matches(joint.toJson()));
        // under an implementation preset a key set back to its legacy value is written, so it reads back
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("env", "Pendulum-v1");
        o.put("action-clip", false);
        TrainConfig cleanrl = TrainConfig.resolve("cleanrl:ppo", o, "");
        assertEquals(false, cleanrl.toJson().get("action-clip"));
        assertEquals(cleanrl, TrainConfig.fromJson(cleanrl.toJson(), ""));
        assertNotEquals(CellId.of(cleanrl), CellId.of(TrainConfig.resolve("cleanrl:ppo", Map.of("env", "Pendulum-v1"), "")));
    }

    @Test
    void stepsRoundingChoosesFloorOrCeilingIterations() {
        assertEquals(3, TinyRuns.config(Preset.PPO, Map.of("steps", 700)).iterations());
        assertEquals(2, TinyRuns.config(Preset.PPO, Map.of("steps", 700, "steps-rounding", "down")).iterations());
        assertEquals(488, TrainConfig.resolve("cleanrl:ppo", Map.of("steps", 1_000_000), "").iterations());
        assertEquals(489, TrainConfig.resolve("sb3:ppo", Map.of("steps", 1_000_000), "").iterations());
    }

    @Test
    void optimizerSelectsTheJointStep() {
        Nets n = new Nets(ppo(Map.of()));
        assertNull(Algorithms.jointUpdate(n.config, n.policy, n.policyAdam, n.value, n.valueAdam));
        Nets j = new Nets(ppo(Map.of("optimizer", "joint")));
        assertNotNull(Algorithms.jointUpdate(j.config, j.policy, j.policyAdam, j.value, j.valueAdam));
    }

    @Test
    void vfCoefAndTheHalfFactorScaleTheValueGradientOfTheJointStep() {
        double[] plain = jointValueGrad(Map.of("optimizer", "joint"), null);
        double[] loss = new double[1];
        double[] weighted = jointValueGrad(Map.of("optimizer", "joint", "vf-coef", 0.25), null);
        double[] halved = jointValueGrad(Map.of("optimizer", "joint", "value-loss-half", true), loss);
        double[] plainLoss = new double[1];
        jointValueGrad(Map.of("optimizer", "joint"), plainLoss);
        double max = 0;
        for (int k = 0; k < plain.length; k++) {
            assertEquals(0.25 * plain[k], weighted[k], 1e-15 * Math.abs(plain[k]) + 1e-300, "vf-coef, element " + k);
            assertEquals(0.5 * plain[k], halved[k], 1e-15 * Math.abs(plain[k]) + 1e-300, "value-loss-half, element " + k);
            max = Math.max(max, Math.abs(plain[k]));
        }
        assertTrue(max > 1e-3, "the value gradient must not vanish");
        assertEquals(0.5 * plainLoss[0], loss[0], 1e-15 * plainLoss[0], "value-loss-half halves the reported loss");
    }

    @Test
    void vfCoefReachesTheSeparateValueStep() {
        double[] a = separateValueParams(1.0);
        double[] b = separateValueParams(1e-6); // below Adam's eps, the step shrinks
        double diff = 0;
        for (int k = 0; k < a.length; k++) {
            diff = Math.max(diff, Math.abs(a[k] - b[k]));
        }
        assertTrue(diff > 1e-5, "vf-coef must change the separate value step, max difference " + diff);
    }

    @Test
    void jointClipScopeBoundsOneNormOverBothNetworks() {
        Map<String, Object> base = new LinkedHashMap<>(Map.of("optimizer", "joint", "grad-clip", true,
                "grad-clip-norm", 0.05));
        Map<String, Object> joint = new LinkedHashMap<>(base);
        joint.put("grad-clip-scope", "joint");
        Nets j = jointStep(joint);
        double pj = GradClip.norm(j.policy.grads());
        double vj = GradClip.norm(j.value.grads());
        assertTrue(j.stats.jointGradNorm() > 0.05, "clipping must act: norm " + j.stats.jointGradNorm());
        assertEquals(0.05, Math.sqrt(pj * pj + vj * vj), 1e-6, "joint: one norm over both networks at the bound");

        Nets e = jointStep(base); // scope both: each network its own norm
        double pe = GradClip.norm(e.policy.grads());
        double ve = GradClip.norm(e.value.grads());
        assertTrue(pe <= 0.05 + 1e-12 && ve <= 0.05 + 1e-12, pe + " " + ve);
        assertTrue(Math.sqrt(pe * pe + ve * ve) > 0.05 + 1e-3, "per-network clipping leaves the joint norm above the bound");
    }

    @Test
    void aCleanRlRunResumesFromACheckpointToTheSameBits() {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("env", "Pendulum-v1");
        o.put("steps", 768);
        o.put("rollout-steps", 256);
        o.put("minibatches", 4);
        o.put("epochs", 2);
        o.put("hidden", "8,8");
        for (String preset : new String[] {"cleanrl:ppo", "sb3:ppo"}) {
            TrainConfig config = TrainConfig.resolve(preset, o, "");
            Path straight = tmp.resolve(preset.replace(':', '-') + "-straight.bin");
            Path resumed = tmp.resolve(preset.replace(':', '-') + "-resumed.bin");
            Checkpoint middle = new Checkpoint("");
            try (Training a = new Training(config)) {
                a.step();
                a.save(middle);
                while (!a.finished()) {
                    a.step();
                }
                Checkpoint end = new Checkpoint("");
                a.save(end);
                end.write(straight);
            }
            try (Training b = new Training(config)) {
                b.restore(middle);
                while (!b.finished()) {
                    b.step();
                }
                Checkpoint end = new Checkpoint("");
                b.save(end);
                end.write(resumed);
            }
            assertEquals(TinyRuns.sha256(straight), TinyRuns.sha256(resumed), preset + " resumed run differs");
        }
    }

    /** A small pair of networks and a batch with large returns and advantages. */
    private static final class Nets {
        final TrainConfig config;
        final GaussianPolicy policy = new GaussianPolicy(3, 1, new int[] {8}, Activation.TANH);
        final ValueNet value = new ValueNet(3, new int[] {8}, Activation.TANH);
        final Adam policyAdam;
        final Adam valueAdam;
        final RolloutBuffer buf = new RolloutBuffer(16, 3, 1);
        JointPpoUpdate.MinibatchStats stats;

        Nets(TrainConfig config) {
            this.config = config;
            SplittableRandom rng = new SplittableRandom(7);
            policy.initialize(true, rng);
            value.initialize(true, rng);
            policyAdam = new Adam(policy.params().length);
            valueAdam = new Adam(value.params().length);
            for (int i = 0; i < buf.obs.length; i++) {
                buf.obs[i] = rng.nextDouble(-2, 2);
            }
            for (int t = 0; t < buf.size; t++) {
                buf.actions[t] = rng.nextDouble(-1, 1);
                buf.logProbs[t] = -1 + rng.nextDouble(-0.3, 0.3);
                buf.values[t] = rng.nextDouble(-1, 1);
                buf.advantages[t] = rng.nextDouble(-3, 3);
                buf.returns[t] = buf.values[t] + 5 * rng.nextDouble(-1, 1);
            }
        }
    }

    private static Nets jointStep(Map<String, Object> overrides) {
        Nets n = new Nets(ppo(overrides));
        JointPpoUpdate update = Algorithms.jointUpdate(n.config, n.policy, n.policyAdam, n.value, n.valueAdam);
        int[] order = new int[16];
        for (int i = 0; i < 16; i++) {
            order[i] = i;
        }
        n.stats = update.step(n.buf, order, 0, 16, new StepBounds(3e-4, 3e-4, 0.01));
        return n;
    }

    private static double[] jointValueGrad(Map<String, Object> overrides, double[] lossOut) {
        Nets n = jointStep(overrides);
        if (lossOut != null) {
            lossOut[0] = n.stats.valueLoss();
        }
        return n.value.grads().clone();
    }

    private static double[] separateValueParams(double vfCoef) {
        Nets n = new Nets(ppo(Map.of("vf-coef", vfCoef)));
        ValueTrainer trainer = Algorithms.valueTrainer(n.config, n.value, n.valueAdam);
        trainer.train(n.buf, 1, 1, 3e-4, new SplittableRandom(1));
        return n.value.params().clone();
    }
}
