package dev.ablate4j.algo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ablate4j.config.Preset;
import dev.ablate4j.config.TrainConfig;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StepBoundsTest {

    @Test
    void deltaMovesLinearlyToMaxKlFinalReachingItAtTheLastIteration() {
        // Walker2d TRPO+'s config: 0.07 -> 0.04 over 488 iterations; the first step already moved once
        assertEquals(0.07 - 0.03 / 488, StepBounds.maxKl(0.07, 0.04, 0, 488), 1e-15);
        assertEquals(0.07 - 0.03 * 244 / 488, StepBounds.maxKl(0.07, 0.04, 243, 488), 1e-15);
        assertEquals(0.04, StepBounds.maxKl(0.07, 0.04, 487, 488), 1e-15);
        assertEquals(0.07, StepBounds.maxKl(0.07, Double.NaN, 300, 488), 0, "none holds max-kl");
    }

    @Test
    void boundsOfAnIterationComeFromTheConfig() {
        TrainConfig c = TrainConfig.resolve(Preset.TRPO_PLUS, Map.of("max-kl", 0.1, "max-kl-final", "0.05",
                "steps", 8192, "rollout-steps", 2048, "policy-lr", 1e-3, "value-lr", 2e-3));
        StepBounds third = Algorithms.bounds(c, 2, c.iterations());
        assertEquals(0.1 - 0.05 * 3 / 4, third.maxKl(), 1e-15);
        assertEquals(1e-3 * (1 - 2 / 4.0), third.policyLr(), 1e-18, "trpo+ anneals the LRs");
        assertEquals(2e-3 * (1 - 2 / 4.0), third.valueLr(), 1e-18);
    }
}
