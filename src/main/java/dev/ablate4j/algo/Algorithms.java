package dev.ablate4j.algo;

import dev.ablate4j.algo.ppo.PpoUpdate;
import dev.ablate4j.config.Keys;
import dev.ablate4j.config.TrainConfig;
import dev.ablate4j.nn.Adam;
import dev.ablate4j.nn.GaussianPolicy;
import dev.ablate4j.tweak.Optimization;

/** Builds the policy step the config's {@code algo} names. */
public final class Algorithms {

    private Algorithms() {}

    public static PolicyUpdate policyUpdate(TrainConfig c, GaussianPolicy policy, Adam policyAdam) {
        int batch = c.get(Keys.ROLLOUT_STEPS);
        switch (c.get(Keys.ALGO)) {
            case "ppo":
                return new PpoUpdate(policy, policyAdam, new PpoUpdate.Settings(c.get(Keys.CLIP_EPS),
                        c.on(Optimization.ADV_NORM), c.on(Optimization.GRAD_CLIP), c.get(Keys.GRAD_CLIP_NORM),
                        c.get(Keys.ENTROPY_COEF), c.get(Keys.EPOCHS), c.get(Keys.MINIBATCHES)), batch);
            default:
                throw new IllegalArgumentException("algo: '" + c.get(Keys.ALGO) + "' is not available yet");
        }
    }
}
