package dev.ablate4j.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ablate4j.tweak.Optimization;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TrainConfigTest {

    @Test
    void presetsMatchTheDesignTable() {
        TrainConfig ppo = TrainConfig.resolve(Preset.PPO, Map.of());
        for (Optimization o : Optimization.values()) {
            assertEquals(o != Optimization.GRAD_CLIP, ppo.on(o), o.key());
        }
        assertEquals(0.2, ppo.get(Keys.CLIP_EPS));
        assertEquals(3e-4, ppo.get(Keys.POLICY_LR));
        assertEquals(1.5e-4, ppo.get(Keys.VALUE_LR));

        TrainConfig minimal = TrainConfig.resolve(Preset.PPO_M, Map.of());
        assertEquals(minimal.optimizations(),
                java.util.EnumSet.of(Optimization.OBS_NORM, Optimization.TANH, Optimization.ADV_NORM));
        assertTrue(Double.isInfinite(TrainConfig.resolve(Preset.PPO_NOCLIP, Map.of()).get(Keys.CLIP_EPS)));
        TrainConfig trpo = TrainConfig.resolve(Preset.TRPO, Map.of());
        assertEquals(Algorithm.TRPO, trpo.get(Keys.ALGO));
        assertEquals(minimal.optimizations(), trpo.optimizations());
        TrainConfig trpoPlus = TrainConfig.resolve(Preset.TRPO_PLUS, Map.of());
        assertEquals(ppo.optimizations(), trpoPlus.optimizations());
        assertEquals(0.01, trpoPlus.get(Keys.MAX_KL));
    }

    @Test
    void overridesAreParsedFromStringsAndYamlValues() {
        TrainConfig c = TrainConfig.resolve(Preset.PPO, Map.of("value-clip", "false", "policy-lr", 1e-3,
                "hidden", "32,16", "clip-eps", "inf", "steps", 4096));
        assertFalse(c.on(Optimization.VALUE_CLIP));
        assertEquals(1e-3, c.get(Keys.POLICY_LR));
        assertEquals(java.util.List.of(32, 16), c.get(Keys.HIDDEN));
        assertTrue(Double.isInfinite(c.get(Keys.CLIP_EPS)));
        assertEquals(4096L, c.get(Keys.STEPS));
        assertEquals(2, c.iterations());
    }

    @Test
    void badValuesNameTheKeyAndWhatIsAllowed() {
        assertMessage("policy-lr: 'NaN' is not a positive finite number", Map.of("policy-lr", "NaN"));
        assertMessage("policy-lr: '-0.1' is not a positive finite number", Map.of("policy-lr", "-0.1"));
        assertMessage("steps: '0' is not a positive whole number", Map.of("steps", "0"));
        assertMessage("steps: '-5' is not a positive whole number", Map.of("steps", "-5"));
        assertMessage("gamma: '1.5' is not a number in [0, 1]", Map.of("gamma", "1.5"));
        ConfigException unknown = assertThrows(ConfigException.class,
                () -> TrainConfig.resolve(Preset.PPO, Map.of("valu-clip", true)));
        assertTrue(unknown.getMessage().contains("did you mean 'value-clip'"), unknown.getMessage());
        ConfigException env = assertThrows(ConfigException.class,
                () -> TrainConfig.resolve(Preset.PPO, Map.of("env", "Nope-v0")));
        assertTrue(env.getMessage().contains("Pendulum-v1"), env.getMessage());
        ConfigException preset = assertThrows(ConfigException.class, () -> Preset.byId("ppo2"));
        assertTrue(preset.getMessage().contains("ppo-m"), preset.getMessage());
    }

    @Test
    void jsonRoundTripGivesTheSameConfig() {
        TrainConfig c = TrainConfig.resolve(Preset.PPO_NOCLIP, Map.of("seed", 7, "tanh", false));
        assertEquals(c, TrainConfig.fromJson(c.toJson(), ""));
    }

    /**
     * Every preset, with each choice of every key config.json may leave out, reads back from its own
     * file as itself: a key left out means its legacy value, not the preset's default (a cleanrl:ppo
     * run at precision float64 once read back as float32 and could not be resumed).
     */
    @Test
    void keysLeftOutOfTheFileReadBackAsTheirLegacyValueForEveryPreset() {
        List<Key<?>> omittable = new ArrayList<>(Keys.implementationKeys());
        omittable.add(Keys.PRECISION);
        int checked = 0;
        for (String preset : TrainConfig.presetIds()) {
            if (preset.equals(TrainConfig.PAPER_CONFIG)) {
                continue; // made from a paper config file, not chosen by name
            }
            for (String env : List.of("Pendulum-v1", "Hopper-v4")) {
                for (Key<?> key : omittable) {
                    for (Object value : key.type() == Key.Type.ENUM ? key.choices() : List.of(true, false)) {
                        if (key.type() != Key.Type.ENUM && key.type() != Key.Type.BOOLEAN) {
                            continue;
                        }
                        TrainConfig c;
                        try {
                            c = TrainConfig.resolve(preset, Map.of("env", env, key.name(), value instanceof Choice ch ? ch.word() : value), "");
                        } catch (ConfigException refused) {
                            continue; // a combination the preset does not allow
                        }
                        assertEquals(c, TrainConfig.fromJson(c.toJson(), ""), preset + " on " + env + " with "
                                + key.name() + " " + value);
                        checked++;
                    }
                }
            }
        }
        assertTrue(checked > 100, "too few combinations checked: " + checked);
    }

    @Test
    void environmentVariantsApplyToHumanoidOnlyAndKeepOlderConfigsAsTheyWere() {
        assertMessage("contact-forces: zeroed applies to Humanoid-v4 only, not to Pendulum-v1 (allowed there: observed)",
                Map.of("contact-forces", "zeroed"));
        assertMessage("contact-cost: true applies to Humanoid-v4 only, not to Pendulum-v1 (allowed there: false)",
                Map.of("contact-cost", true));
        assertMessage("contact-forces: 'none' is not observed or zeroed",
                Map.of("env", "Humanoid-v4", "contact-forces", "none"));
        // Not written for other environments, so their config.json is as before the keys existed.
        assertFalse(TrainConfig.resolve(Preset.PPO, Map.of()).toJson().containsKey("contact-forces"));
        assertFalse(TrainConfig.resolve(Preset.PPO, Map.of("env", "Hopper-v4")).toJson().containsKey("contact-cost"));

        TrainConfig v2 = TrainConfig.resolve(Preset.TRPO, Map.of("env", "Humanoid-v4", "contact-forces", "zeroed",
                "contact-cost", true));
        assertEquals(new dev.ablate4j.env.EnvVariant(true, true), v2.envVariant());
        assertEquals("zeroed", v2.toJson().get("contact-forces"));
        assertEquals(v2, TrainConfig.fromJson(v2.toJson(), ""));

        // A Humanoid config.json written before the keys existed reads as Gymnasium's v4.
        TrainConfig v4 = TrainConfig.resolve(Preset.TRPO, Map.of("env", "Humanoid-v4"));
        Map<String, Object> old = new java.util.LinkedHashMap<>(v4.toJson());
        old.remove("contact-forces");
        old.remove("contact-cost");
        assertTrue(v4.matches(old));
        assertFalse(v2.matches(old));
        assertTrue(v4.envVariant().isV4());
    }

    private static void assertMessage(String expected, Map<String, ?> overrides) {
        ConfigException e = assertThrows(ConfigException.class, () -> TrainConfig.resolve(Preset.PPO, overrides));
        assertEquals(expected, e.getMessage());
    }
}
