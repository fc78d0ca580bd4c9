package dev.ablate4j.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The paper's 15 configs (MadryLab/implementation-matters 5ee6ecb, as shipped in
 * {@code implementation-matters-configs.json}) imported through the paper presets: every value lands
 * in {@code config.json} under the key with its meaning.
 */
class PaperConfigTest {

    private static final Map<String, String> ENV_OF_PREFIX = Map.of("hopper", "Hopper-v4", "walker", "Walker2d-v4",
            "humanoid", "Humanoid-v4");
    private static final Map<String, String> PRESET_OF_SUFFIX = Map.of("ppo", "paper:ppo", "ppom", "paper:ppo-m",
            "ppo_noclip", "paper:ppo-noclip", "trpo", "paper:trpo", "trpo_plus", "paper:trpo+");

    static List<String> configNames() {
        return List.copyOf(PaperPreset.configs().keySet());
    }

    @Test
    void thereAreFifteenConfigsAndEveryKeyIsAccountedFor() {
        assertEquals(15, configNames().size());
        Set<String> accounted = new HashSet<>(PaperConfig.MAPPED);
        accounted.addAll(PaperConfig.NOT_APPLICABLE.keySet());
        assertEquals(accounted, PaperPreset.base().keySet(), "mapped + not applicable = the paper's keys");
        for (String name : configNames()) {
            assertEquals(PaperPreset.base().keySet(), paper(name).keySet(), name);
        }
    }

    @ParameterizedTest
    @MethodSource("configNames")
    void everyValueOfThePapersConfigLandsInConfigJson(String name) {
        Map<String, Object> p = paper(name);
        String prefix = name.substring(0, name.indexOf('_'));
        String env = ENV_OF_PREFIX.get(prefix);
        TrainConfig config = TrainConfig.resolve(PRESET_OF_SUFFIX.get(name.substring(prefix.length() + 1)),
                Map.of("env", env), "");
        Map<String, Object> json = config.toJson();

        assertEquals(p.get("mode"), json.get("algo"), name);
        assertEquals(env, json.get("env"));
        assertEquals(num(p, "train_steps") * num(p, "t"), ((Number) json.get("steps")).doubleValue());
        assertEquals(num(p, "t"), ((Number) json.get("rollout-steps")).doubleValue());
        assertEquals(num(p, "val_epochs"), ((Number) json.get("epochs")).doubleValue());
        assertEquals(num(p, "num_minibatches"), ((Number) json.get("minibatches")).doubleValue());
        assertEquals(num(p, "ppo_lr_adam"), json.get("policy-lr"), name);
        assertEquals(num(p, "val_lr"), json.get("value-lr"), name);
        assertEquals(num(p, "adam_eps"), json.get("adam-eps"));
        assertEquals(num(p, "gamma"), json.get("gamma"));
        assertEquals(num(p, "lambda"), json.get("gae-lambda"), name);
        assertEquals(num(p, "clip_eps"), json.get("clip-eps"), name);
        assertEquals(num(p, "clip_val_eps"), json.get("value-clip-eps"));
        assertEquals(p.get("value_clipping"), json.get("value-clip"), name);
        assertEquals(p.get("initialization").equals("orthogonal"), json.get("ortho-init"), name);
        assertEquals(p.get("anneal_lr"), json.get("lr-anneal"), name);
        assertEquals(num(p, "entropy_coeff"), json.get("entropy-coef"), name);

        assertEquals(p.get("norm_states"), json.get("obs-norm"));
        boolean obsClip = num(p, "clip_observations") > 0;
        assertEquals(obsClip, json.get("obs-clip"), name);
        if (obsClip) {
            assertEquals(num(p, "clip_observations"), json.get("obs-clip-max"), name);
        }
        String norm = (String) p.get("norm_rewards");
        assertEquals(!norm.equals("none"), json.get("reward-scale"), name);
        if (!norm.equals("none")) {
            assertEquals(norm, json.get("reward-scale-mode"), name);
        }
        boolean rewardClip = !norm.equals("none") && num(p, "clip_rewards") > 0;
        assertEquals(rewardClip, json.get("reward-clip"), name);
        if (rewardClip) {
            assertEquals(num(p, "clip_rewards"), json.get("reward-clip-max"), name);
        }
        boolean gradClip = num(p, "clip_grad_norm") != -1;
        assertEquals(gradClip, json.get("grad-clip"), name);
        if (gradClip) {
            assertEquals(num(p, "clip_grad_norm"), json.get("grad-clip-norm"), name);
        }
        assertEquals("policy", json.get("grad-clip-scope"), "the paper clips only PPO's policy gradient");

        assertEquals(num(p, "max_kl"), json.get("max-kl"), name);
        assertEquals("none", json.get("max-kl-final"), "the paper's code never applies max_kl_final");
        assertEquals(num(p, "cg_steps"), ((Number) json.get("cg-iters")).doubleValue());
        assertEquals(num(p, "damping"), json.get("cg-damping"));
        assertEquals(num(p, "fisher_frac_samples"), json.get("fisher-frac"));
        assertEquals(num(p, "max_backtrack") - 1, ((Number) json.get("max-backtracks")).doubleValue(),
                "max_backtrack counts tries, max-backtracks halvings");
        assertEquals(0.1, json.get("line-search-accept"));

        assertEquals(true, json.get("tanh"));
        assertEquals(true, json.get("adv-norm"));
        assertEquals(List.of(64, 64), json.get("hidden"));
        assertEquals(true, json.get("reset-every-iteration"));
        assertEquals("last-state", json.get("rollout-bootstrap"));
        assertEquals(true, json.get("value-loss-skip-ends"));
        assertEquals(false, json.get("bootstrap-truncated"));
        assertEquals(PRESET_OF_SUFFIX.get(name.substring(prefix.length() + 1)), json.get("preset"));
        assertEquals(config, TrainConfig.fromJson(json, ""), "config.json reads back as the same config");
    }

    @Test
    void theIssuesExamples() {
        Map<String, Object> noclip = TrainConfig.resolve("paper:ppo-noclip", Map.of("env", "Hopper-v4"), "").toJson();
        assertEquals(6e-5, noclip.get("policy-lr"));
        assertEquals(4e-4, noclip.get("value-lr"));
        assertEquals(0.925, noclip.get("gae-lambda"));
        assertEquals("rewards", noclip.get("reward-scale-mode"));
        assertEquals(true, noclip.get("reward-clip"));
        assertEquals(2.5, noclip.get("reward-clip-max"));
        assertEquals(-0.005, noclip.get("entropy-coef"));
        assertEquals(true, noclip.get("grad-clip"));
        assertEquals(4.0, noclip.get("grad-clip-norm"));
        assertEquals("policy", noclip.get("grad-clip-scope"));
        assertEquals(false, noclip.get("value-clip"));

        Map<String, Object> trpoPlus = TrainConfig.resolve("paper:trpo+", Map.of("env", "Walker2d-v4"), "").toJson();
        assertEquals(0.07, trpoPlus.get("max-kl"));
        assertEquals("none", trpoPlus.get("max-kl-final"), "the paper's TRPO holds max_kl (see PaperConfig)");
        assertEquals("policy", trpoPlus.get("grad-clip-scope"), "no value-network gradient clipping");

        ConfigException e = assertThrows(ConfigException.class,
                () -> TrainConfig.resolve("paper:ppo", Map.of("env", "Pendulum-v1"), ""));
        assertEquals("preset paper:ppo: the paper has no config for Pendulum-v1; it has configs for Hopper-v4,"
                + " Walker2d-v4, Humanoid-v4", e.getMessage());
        assertFalse(e.getMessage().contains("\n"));
    }

    @Test
    void explicitValuesOverrideAPaperPreset() {
        TrainConfig c = TrainConfig.resolve("paper:ppo", Map.of("env", "Hopper-v4", "policy-lr", 1e-4, "steps", 4096), "");
        assertEquals(1e-4, c.get(Keys.POLICY_LR));
        assertEquals(4096L, c.get(Keys.STEPS));
        assertEquals(2.5e-4, c.get(Keys.VALUE_LR), "the rest stays the paper's hopper_ppo");
    }

    @Test
    void valuesAblate4jCannotRunAreBadInputNamingTheKey() {
        assertRefused("share_weights", true, "share_weights");
        assertRefused("num_actors", 4, "num_actors");
        assertRefused("ppo_lr", 0.1, "ppo_lr");
        assertRefused("value_calc", "time", "value_calc");
        assertRefused("initialization", "normal", "initialization");
        assertRefused("norm_rewards", "both", "norm_rewards");
        assertRefused("game", "Ant-v2", "game");
        assertRefused("clip_grad_norm", 0, "clip_grad_norm");
        assertRefused("adam_eps", 1e-8, "adam_eps");
        assertRefused("ppo_epochs", 5, "ppo_epochs");
        assertRefused("no_such_key", 1, "no_such_key: not a key of the paper's configs");
    }

    @Test
    void aPaperConfigFileNeedsOnlyTheKeysThatDifferFromMujocoJson() {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("game", "Walker2d-v2");
        params.put("mode", "trpo");
        params.put("max_kl", 0.04);
        params.put("max_kl_final", 0.04);
        TrainConfig c = TrainConfig.fromPaperConfig(params, Map.of("seed", 7), "x.json: ");
        assertEquals("Walker2d-v4", c.get(Keys.ENV));
        assertEquals(Algorithm.TRPO, c.get(Keys.ALGO));
        assertEquals(7L, c.get(Keys.SEED));
        assertEquals(TrainConfig.PAPER_CONFIG, c.preset());
        assertEquals(c, TrainConfig.fromJson(c.toJson(), ""), "reads back from config.json");
        assertTrue(c.get(Keys.RESET_EVERY_ITERATION));
    }

    private static void assertRefused(String key, Object value, String expectedPart) {
        Map<String, Object> p = new LinkedHashMap<>(paper("hopper_ppo"));
        p.put(key, value);
        ConfigException e = assertThrows(ConfigException.class, () -> TrainConfig.fromPaperConfig(p, Map.of(), "f: "));
        assertTrue(e.getMessage().startsWith("f: " + key), e.getMessage());
        assertTrue(e.getMessage().contains(expectedPart), e.getMessage());
        assertFalse(e.getMessage().contains("\n"));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> paper(String name) {
        return (Map<String, Object>) ((Map<String, Object>) PaperPreset.configs().get(name)).get("config");
    }

    private static double num(Map<String, Object> p, String key) {
        return ((Number) p.get(key)).doubleValue();
    }
}
