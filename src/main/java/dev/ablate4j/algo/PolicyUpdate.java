package dev.ablate4j.algo;

import dev.ablate4j.rl.RolloutBuffer;
import java.util.SplittableRandom;

/** One algorithm's policy step on a batch with advantages computed. PPO and TRPO each implement it in one method. */
public interface PolicyUpdate {

    /**
     * Updates the policy from {@code buf}.
     *
     * @param bounds     this iteration's step size: PPO reads the learning rate (after annealing), TRPO
     *                   the trust-region size delta (after its schedule)
     * @param shuffleRng the minibatch-order stream of this iteration (also used for subsampling)
     */
    UpdateStats update(RolloutBuffer buf, StepBounds bounds, SplittableRandom shuffleRng);
}
