package dev.ablate4j.algo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.ablate4j.algo.ppo.PpoUpdate;
import dev.ablate4j.algo.trpo.TrpoUpdate;
import dev.ablate4j.config.Algorithm;
import dev.ablate4j.config.GradClipScope;
import dev.ablate4j.config.Keys;
import dev.ablate4j.config.Preset;
import dev.ablate4j.config.RolloutBootstrap;
import dev.ablate4j.config.TrainConfig;
import dev.ablate4j.nn.Activation;
import dev.ablate4j.nn.Adam;
import dev.ablate4j.nn.GaussianPolicy;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The enum-valued switches reach the pieces they configure: algorithm, grad-clip scope, rollout bootstrap. */
class AlgorithmsTest {

    @Test
    void algoChoosesThePolicyStep() {
        GaussianPolicy policy = new GaussianPolicy(3, 1, new int[] {4}, Activation.TANH);
        Adam adam = new Adam(policy.parameterCount());
        TrainConfig ppo = TrainConfig.resolve(Preset.PPO, Map.of());
        assertInstanceOf(PpoUpdate.class, Algorithms.policyUpdate(ppo, policy, adam));
        assertInstanceOf(TrpoUpdate.class, Algorithms.policyUpdate(ppo.with(Keys.ALGO, Algorithm.TRPO), policy, adam));
        assertInstanceOf(TrpoUpdate.class, Algorithms.policyUpdate(TrainConfig.resolve(Preset.TRPO, Map.of()), policy,
                adam));
    }

    @ParameterizedTest
    @CsvSource({"both,true,true,true", "policy,true,true,false", "value,true,false,true",
        "both,false,false,false", "policy,false,false,false", "value,false,false,false"})
    void gradClipScopeSelectsTheNetworks(String scope, boolean gradClip, boolean policy, boolean value) {
        TrainConfig c = TrainConfig.resolve(Preset.PPO, Map.of("grad-clip-scope", scope, "grad-clip", gradClip));
        assertEquals(policy, Algorithms.clipsPolicy(c), scope);
        assertEquals(value, Algorithms.clipsValue(c), scope);
    }

    @Test
    void rolloutBootstrapReachesTheSampler() {
        TrainConfig c = TrainConfig.resolve(Preset.PPO, Map.of());
        assertEquals(false, Algorithms.samplerSettings(c).bootstrapLastState());
        assertEquals(true, Algorithms.samplerSettings(c.with(Keys.ROLLOUT_BOOTSTRAP, RolloutBootstrap.LAST_STATE))
                .bootstrapLastState());
        assertEquals(GradClipScope.BOTH, c.get(Keys.GRAD_CLIP_SCOPE));
    }
}
