package dev.ablate4j.algo.ppo;

import dev.ablate4j.algo.PolicyUpdate;
import dev.ablate4j.algo.StepBounds;
import dev.ablate4j.algo.UpdateStats;
import dev.ablate4j.nn.Adam;
import dev.ablate4j.nn.GaussianPolicy;
import dev.ablate4j.nn.GradClip;
import dev.ablate4j.rl.Minibatches;
import dev.ablate4j.rl.RolloutBuffer;
import java.util.SplittableRandom;

/**
 * PPO's policy step: {@code epochs} passes of shuffled minibatches, each minimizing the clipped
 * surrogate -min(rA, clip(r, 1-eps, 1+eps)A) - c_ent H with Adam. Advantage normalization
 * (optimization 10) standardizes A per minibatch; gradient clipping (optimization 9, when its
 * scope includes the policy) caps the gradient's global norm. The entropy coefficient may be
 * negative (an entropy penalty, as in some of the paper's configs). {@code clipEps = inf} turns ratio clipping off (the ppo-noclip preset).
 */
public final class PpoUpdate implements PolicyUpdate {

    /** The settings of the step. */
    public record Settings(double clipEps, boolean advNorm, boolean gradClip, double gradClipNorm,
            double entropyCoef, int epochs, int minibatches) {}

    private final GaussianPolicy policy;
    private final Adam adam;
    private final Settings s;
    private final int[] order;
    private final PolicyMinibatch minibatch;

    public PpoUpdate(GaussianPolicy policy, Adam adam, Settings settings, int batchSize) {
        this.policy = policy;
        this.adam = adam;
        this.s = settings;
        order = new int[batchSize];
        minibatch = new PolicyMinibatch(policy, settings, batchSize);
    }

    @Override
    public UpdateStats update(RolloutBuffer buf, StepBounds bounds, SplittableRandom shuffleRng) {
        double lr = bounds.policyLr();
        int m = buf.size / s.minibatches();
        double lossSum = 0;
        double normSum = 0;
        for (int epoch = 0; epoch < s.epochs(); epoch++) {
            Minibatches.shuffle(order, buf.size, shuffleRng);
            for (int b = 0; b < s.minibatches(); b++) {
                lossSum += minibatch.lossAndGradient(buf, order, b * m, m);
                if (s.entropyCoef() != 0) {
                    lossSum -= minibatch.entropyTerm(); // apart from the line above: the sum's rounding as ever
                }
                normSum += s.gradClip()
                        ? GradClip.clipGlobalNorm(policy.grads(), s.gradClipNorm())
                        : GradClip.norm(policy.grads());
                adam.step(policy.params(), policy.grads(), lr);
            }
        }
        int steps = s.epochs() * s.minibatches();
        return new UpdateStats(lossSum / steps, normSum / steps);
    }
}
