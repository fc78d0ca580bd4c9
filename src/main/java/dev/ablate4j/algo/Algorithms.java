package dev.ablate4j.algo;

import dev.ablate4j.algo.ppo.PpoUpdate;
import dev.ablate4j.algo.trpo.TrpoUpdate;
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
            case "trpo":
                return new TrpoUpdate(policy, new TrpoUpdate.Settings(c.get(Keys.MAX_KL), c.get(Keys.CG_ITERS),
                        c.get(Keys.CG_DAMPING), c.get(Keys.FISHER_FRAC), c.get(Keys.MAX_BACKTRACKS),
                        c.on(Optimization.ADV_NORM)), batch);
            default:
                throw new IllegalArgumentException("algo: unknown algorithm '" + c.get(Keys.ALGO) + "'");
        }
    }
}
