package dev.ablate4j.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ablate4j.tweak.Optimization;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Enum-valued keys: code holds enum constants, while files, flags and cell ids keep the exact words
 * these keys had when they were strings; bad words are refused in one line naming the key and the
 * allowed words; presets and the paper import set typed values.
 */
class TypedKeysTest {

    /** The wire words of every enum key, in order: these are what existing config.json files and specs hold. */
    private static final Map<Key<?>, List<String>> WORDS = wordsByKey();

    private static Map<Key<?>, List<String>> wordsByKey() {
        Map<Key<?>, List<String>> w = new LinkedHashMap<>();
        w.put(Keys.ALGO, List.of("ppo", "trpo"));
        w.put(Keys.BACKEND, List.of("java", "nd4j", "auto"));
        w.put(Keys.PRECISION, List.of("float64", "float32"));
        w.put(Keys.REWARD_SCALE_MODE, List.of("returns", "rewards"));
        w.put(Keys.GRAD_CLIP_SCOPE, List.of("both", "policy", "value", "joint"));
        w.put(Keys.ROLLOUT_BOOTSTRAP, List.of("next-state", "last-state"));
        w.put(Keys.OPTIMIZER, List.of("separate", "joint"));
        w.put(Keys.OBS_NORM_STATS, List.of("welford", "rms"));
        w.put(Keys.REWARD_SCALE_STATS, List.of("welford", "rms"));
        w.put(Keys.REWARD_SCALE_RESET, List.of("episode", "gymnasium"));
        w.put(Keys.STEPS_ROUNDING, List.of("up", "down"));
        w.put(Keys.CONTACT_FORCES, List.of("observed", "zeroed"));
        return w;
    }

    @Test
    void enumKeysReadAndWriteExactlyTheirWords() throws Exception {
        ObjectMapper json = new ObjectMapper();
        for (Map.Entry<Key<?>, List<String>> e : WORDS.entrySet()) {
            Key<?> key = e.getKey();
            assertEquals(Key.Type.ENUM, key.type(), key.name());
            List<String> words = new ArrayList<>();
            for (Object c : key.choices()) {
                String word = ((Choice) c).word();
                words.add(word);
                assertSame(c, key.parse(word), key + " " + word);
                assertSame(c, key.parse(c), key + ": a typed value passes as it is");
                assertEquals(word, TrainConfig.jsonValue(c), key + ": config.json writes the word");
                assertEquals(word, String.valueOf(c), key + ": text made from the value is the word");
                assertEquals('"' + word + '"', json.writeValueAsString(c), key + ": Jackson writes the word");
            }
            assertEquals(e.getValue(), words, key.name());
            assertTrue(key.choices().contains(key.defaultValue()), key.name());
        }
    }

    @Test
    void theOtherKeysAreNotEnumKeys() {
        for (Key<?> key : Keys.all()) {
            assertEquals(WORDS.containsKey(key), key.type() == Key.Type.ENUM, key.name());
            assertEquals(WORDS.containsKey(key), !key.choices().isEmpty(), key.name());
        }
    }

    @Test
    void backendAndPrecisionWordsAreTheNetworksIds() {
        assertEquals(dev.ablate4j.nn.Backends.IDS, WORDS.get(Keys.BACKEND));
        assertEquals(dev.ablate4j.nn.Precision.IDS, WORDS.get(Keys.PRECISION));
    }

    @Test
    void float32RunsOnTheJavaBackendOnly() {
        TrainConfig f32 = TrainConfig.resolve("ppo", Map.of("precision", "float32"), "");
        assertSame(PrecisionName.FLOAT32, f32.get(Keys.PRECISION));
        assertEquals("float32", f32.toJson().get("precision"));
        assertMessage("precision: float32 runs on backend java only, not auto",
                () -> TrainConfig.resolve("ppo", Map.of("precision", "float32", "backend", "auto"), ""));
        assertMessage("precision: 'float16' is not float64 or float32",
                () -> TrainConfig.resolve("ppo", Map.of("precision", "float16"), ""));
    }

    @Test
    void aWordOutsideTheSetIsOneLineNamingTheKeyAndTheAllowedWords() {
        assertMessage("algo: 'PPO' is not ppo or trpo", () -> Keys.ALGO.parse("PPO"));
        assertMessage("algo: 'sarsa' is not ppo or trpo", () -> Keys.ALGO.parse("sarsa"));
        assertMessage("algo: '1' is not ppo or trpo", () -> Keys.ALGO.parse(1));
        assertMessage("algo: 'true' is not ppo or trpo", () -> Keys.ALGO.parse(true));
        assertMessage("grad-clip-scope: 'all' is not both, policy, value or joint", () -> Keys.GRAD_CLIP_SCOPE.parse("all"));
        assertMessage("rollout-bootstrap: 'last' is not next-state or last-state",
                () -> Keys.ROLLOUT_BOOTSTRAP.parse("last"));
        assertMessage("reward-scale-mode: 'none' is not returns or rewards", () -> Keys.REWARD_SCALE_MODE.parse("none"));
        assertMessage("backend: 'cuda' is not java, nd4j or auto", () -> Keys.BACKEND.parse("cuda"));
        assertMessage("contact-forces: ' zeroed' is not observed or zeroed", () -> Keys.CONTACT_FORCES.parse(" zeroed"));
        assertMessage("grad-clip-scope: 'trpo' is not both, policy, value or joint",
                () -> Keys.GRAD_CLIP_SCOPE.parse(Algorithm.TRPO));
        assertMessage("optimizer: 'adam' is not separate or joint", () -> Keys.OPTIMIZER.parse("adam"));
        assertMessage("obs-norm-stats: 'RMS' is not welford or rms", () -> Keys.OBS_NORM_STATS.parse("RMS"));
        assertMessage("reward-scale-stats: 'numpy' is not welford or rms", () -> Keys.REWARD_SCALE_STATS.parse("numpy"));
        assertMessage("reward-scale-reset: 'never' is not episode or gymnasium", () -> Keys.REWARD_SCALE_RESET.parse("never"));
        assertMessage("steps-rounding: 'nearest' is not up or down", () -> Keys.STEPS_ROUNDING.parse("nearest"));
        assertMessage("optimizer: 'joint' is not separate or joint", () -> Keys.OPTIMIZER.parse(GradClipScope.JOINT));
        assertMessage("x.yaml: steps-rounding: 'sideways' is not up or down",
                () -> TrainConfig.resolve("ppo", Map.of("steps-rounding", "sideways"), "x.yaml: "));
        assertMessage("x.yaml: algo: 'a2c' is not ppo or trpo",
                () -> TrainConfig.resolve("ppo", Map.of("algo", "a2c"), "x.yaml: "));
    }

    @Test
    void configJsonHoldsWordsAndReadsBackAsTheSameTypedConfig() {
        TrainConfig c = TrainConfig.resolve("trpo", Map.of("grad-clip-scope", "value", "rollout-bootstrap", "last-state",
                "reward-scale-mode", "rewards"), "");
        assertSame(Algorithm.TRPO, c.get(Keys.ALGO));
        assertSame(GradClipScope.VALUE, c.get(Keys.GRAD_CLIP_SCOPE));
        assertSame(RolloutBootstrap.LAST_STATE, c.get(Keys.ROLLOUT_BOOTSTRAP));
        assertSame(RewardScaleMode.REWARDS, c.get(Keys.REWARD_SCALE_MODE));
        assertSame(BackendName.JAVA, c.get(Keys.BACKEND));
        Map<String, Object> json = c.toJson();
        assertInstanceOf(String.class, json.get("algo"));
        assertEquals("trpo", json.get("algo"));
        assertEquals("value", json.get("grad-clip-scope"));
        assertEquals("last-state", json.get("rollout-bootstrap"));
        assertEquals("rewards", json.get("reward-scale-mode"));
        assertEquals("java", json.get("backend"));
        TrainConfig back = TrainConfig.fromJson(json, "");
        assertEquals(c, back);
        assertTrue(c.matches(json));
        Map<String, Object> other = new LinkedHashMap<>(json);
        other.put("grad-clip-scope", "both");
        assertFalse(c.matches(other));
    }

    @Test
    void typedWithSetsAnEnumValueAndChecksIt() {
        TrainConfig ppo = TrainConfig.resolve(Preset.PPO, Map.of());
        TrainConfig trpo = ppo.with(Keys.ALGO, Algorithm.TRPO);
        assertSame(Algorithm.TRPO, trpo.get(Keys.ALGO));
        assertSame(Algorithm.PPO, ppo.get(Keys.ALGO), "the original is unchanged");
        assertEquals(trpo, ppo.withRaw(Keys.ALGO, "trpo"), "a raw word and the constant give the same config");
        assertMessage("steps: '0' is not a positive whole number", () -> ppo.with(Keys.STEPS, 0L));
    }

    @Test
    void keyValuesAreTypedAndKeepTheirOrder() {
        KeyValues v = new KeyValues().set(Keys.ALGO, Algorithm.TRPO).set(Keys.MAX_KL, 0.02)
                .set(Keys.GRAD_CLIP_SCOPE, GradClipScope.POLICY).set(Keys.ALGO, Algorithm.PPO);
        assertSame(Algorithm.PPO, v.get(Keys.ALGO));
        assertEquals(0.02, v.get(Keys.MAX_KL));
        assertEquals(null, v.get(Keys.GAMMA));
        assertEquals(List.of("algo", "max-kl", "grad-clip-scope"), List.copyOf(v.byName().keySet()));
        @SuppressWarnings({"unchecked", "rawtypes"})
        Key<Object> untyped = (Key) Keys.ALGO;
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> v.set(untyped, "ppo"),
                "a word is not the enum constant");
        assertTrue(e.getMessage().startsWith("algo: "), e.getMessage());
        @SuppressWarnings({"unchecked", "rawtypes"})
        Key<Object> steps = (Key) Keys.STEPS;
        assertThrows(IllegalArgumentException.class, () -> v.set(steps, 5), "an Integer for a long key");
    }

    @Test
    void presetsSetTypedValues() {
        assertSame(Algorithm.TRPO, Preset.TRPO.changes().get(Keys.ALGO));
        assertSame(Algorithm.TRPO, Preset.TRPO_PLUS.changes().get(Keys.ALGO));
        assertSame(Algorithm.PPO, Preset.PPO_M.changes().get(Keys.ALGO));
        assertEquals(false, Preset.PPO_M.changes().get(Keys.toggle(Optimization.VALUE_CLIP)));
        assertEquals(Double.POSITIVE_INFINITY, Preset.PPO_NOCLIP.changes().get(Keys.CLIP_EPS));
        for (Preset p : Preset.values()) {
            for (Map.Entry<String, Object> e : p.settings().entrySet()) {
                Key<?> key = Keys.byName(e.getKey());
                assertTrue(key.accepts(e.getValue()), p.id() + " " + key + " holds a value of the key's type");
            }
        }
    }

    @Test
    void theImplementationPresetsSetTypedValues() {
        KeyValues cleanrl = ImplementationPreset.CLEANRL_PPO.changes();
        assertSame(PpoOptimizer.JOINT, cleanrl.get(Keys.OPTIMIZER));
        assertSame(NormStats.RMS, cleanrl.get(Keys.OBS_NORM_STATS));
        assertSame(NormStats.RMS, cleanrl.get(Keys.REWARD_SCALE_STATS));
        assertSame(RewardScaleReset.GYMNASIUM, cleanrl.get(Keys.REWARD_SCALE_RESET));
        assertSame(StepsRounding.DOWN, cleanrl.get(Keys.STEPS_ROUNDING));
        KeyValues sb3 = ImplementationPreset.SB3_PPO.changes();
        assertSame(PpoOptimizer.JOINT, sb3.get(Keys.OPTIMIZER));
        assertFalse(sb3.has(Keys.REWARD_SCALE_RESET), "SB3 restarts the return at every episode, the default");
        assertFalse(sb3.has(Keys.STEPS_ROUNDING), "SB3 rounds up, the default");
        for (ImplementationPreset p : ImplementationPreset.values()) {
            for (Map.Entry<String, Object> e : p.settings().entrySet()) {
                Key<?> key = Keys.byName(e.getKey());
                assertTrue(key.accepts(e.getValue()), p.id() + " " + key + " = " + e.getValue());
            }
            TrainConfig c = TrainConfig.resolve(p.id(), Map.of(), "");
            Map<String, Object> json = c.toJson();
            assertEquals("joint", json.get("optimizer"), p.id());
            assertEquals("rms", json.get("obs-norm-stats"), p.id());
            assertEquals("rms", json.get("reward-scale-stats"), p.id());
            assertEquals(c, TrainConfig.fromJson(json, ""), p.id());
        }
        TrainConfig c = TrainConfig.resolve("cleanrl:ppo", Map.of(), "");
        assertEquals("gymnasium", c.toJson().get("reward-scale-reset"));
        assertEquals("down", c.toJson().get("steps-rounding"));
    }

    @Test
    void implementationWordsGiveTheirConstantsAndBehaviour() {
        TrainConfig c = TrainConfig.resolve("ppo", Map.of("optimizer", "joint", "obs-norm-stats", "rms",
                "reward-scale-stats", "welford", "reward-scale-reset", "gymnasium", "steps-rounding", "down",
                "steps", 5000L, "rollout-steps", 2048), "");
        assertSame(PpoOptimizer.JOINT, c.get(Keys.OPTIMIZER));
        assertSame(NormStats.RMS, c.get(Keys.OBS_NORM_STATS));
        assertSame(NormStats.WELFORD, c.get(Keys.REWARD_SCALE_STATS));
        assertSame(RewardScaleReset.GYMNASIUM, c.get(Keys.REWARD_SCALE_RESET));
        assertSame(StepsRounding.DOWN, c.get(Keys.STEPS_ROUNDING));
        assertEquals(2, c.iterations(), "down: floor(5000 / 2048)");
        assertEquals(3, c.with(Keys.STEPS_ROUNDING, StepsRounding.UP).iterations(), "up: ceil(5000 / 2048)");
        assertSame(dev.ablate4j.rl.RunningMeanStd.Formula.PRIOR_COUNT, dev.ablate4j.algo.Algorithms.observationStats(c));
        assertSame(dev.ablate4j.rl.RunningMeanStd.Formula.WELFORD,
                dev.ablate4j.algo.Algorithms.observationStats(c.with(Keys.OBS_NORM_STATS, NormStats.WELFORD)));
        TrainConfig separate = TrainConfig.resolve("ppo", Map.of(), "");
        assertSame(PpoOptimizer.SEPARATE, separate.get(Keys.OPTIMIZER));
        assertSame(StepsRounding.UP, separate.get(Keys.STEPS_ROUNDING));
        assertSame(RewardScaleReset.EPISODE, separate.get(Keys.REWARD_SCALE_RESET));
    }

    @Test
    void thePaperImportSetsTypedValues() {
        Map<String, Object> fixed = PaperConfig.fixedBehaviours();
        assertSame(RolloutBootstrap.LAST_STATE, fixed.get("rollout-bootstrap"));
        assertSame(GradClipScope.POLICY, fixed.get("grad-clip-scope"));
        for (PaperPreset p : PaperPreset.values()) {
            for (String env : PaperPreset.envs()) {
                Map<String, Object> values = p.settings(env);
                for (Map.Entry<String, Object> e : values.entrySet()) {
                    Key<?> key = Keys.byName(e.getKey());
                    assertTrue(key.accepts(e.getValue()), p.id() + " on " + env + ": " + key + " = " + e.getValue());
                }
                Algorithm algo = (Algorithm) values.get("algo");
                assertEquals(p.id().startsWith("paper:trpo") ? Algorithm.TRPO : Algorithm.PPO, algo, p.id());
            }
        }
        assertSame(RewardScaleMode.REWARDS, PaperPreset.PPO_NOCLIP.settings("Hopper-v4").get("reward-scale-mode"));
    }

    private static void assertMessage(String message, org.junit.jupiter.api.function.Executable e) {
        ConfigException ex = assertThrows(ConfigException.class, e);
        assertEquals(message, ex.getMessage());
        assertEquals(1, ex.getMessage().lines().count());
    }
}
