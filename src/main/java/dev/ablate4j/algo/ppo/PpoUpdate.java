package dev.ablate4j.algo.ppo;

import dev.ablate4j.algo.PolicyUpdate;
import dev.ablate4j.algo.StepBounds;
import dev.ablate4j.algo.UpdateStats;
import dev.ablate4j.nn.Adam;
import dev.ablate4j.nn.Fn;
import dev.ablate4j.nn.GaussianPolicy;
import dev.ablate4j.nn.GradClip;
import dev.ablate4j.rl.Minibatches;
import dev.ablate4j.rl.Moments;
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
    private final double[] mbObs;
    private final double[] mbActions;
    private final double[] mbOldLogProb;
    private final double[] mbAdv;
    private final double[] mbLogProb;
    private final double[] mbGrad;

    public PpoUpdate(GaussianPolicy policy, Adam adam, Settings settings, int batchSize) {
        this.policy = policy;
        this.adam = adam;
        this.s = settings;
        int m = batchSize / settings.minibatches();
        order = new int[batchSize];
        mbObs = new double[m * policy.obsSize()];
        mbActions = new double[m * policy.actionSize()];
        mbOldLogProb = new double[m];
        mbAdv = new double[m];
        mbLogProb = new double[m];
        mbGrad = new double[m];
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
                int from = b * m;
                Minibatches.gather(buf.obs, buf.obsSize, order, from, m, mbObs);
                Minibatches.gather(buf.actions, buf.actionSize, order, from, m, mbActions);
                Minibatches.gather(buf.logProbs, 1, order, from, m, mbOldLogProb);
                Minibatches.gather(buf.advantages, 1, order, from, m, mbAdv);
                if (s.advNorm()) {
                    Moments.standardize(mbAdv, m);
                }
                policy.zeroGrads();
                policy.logProb(mbObs, mbActions, m, mbLogProb);
                lossSum += clippedSurrogate(mbLogProb, mbOldLogProb, mbAdv, m, s.clipEps(), mbGrad);
                policy.backwardLogProb(mbGrad);
                if (s.entropyCoef() != 0) {
                    lossSum -= s.entropyCoef() * policy.entropy();
                    policy.accumulateEntropyGrad(-s.entropyCoef());
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

    /**
     * The minibatch loss mean(-min(rA, clip(r, 1-eps, 1+eps)A)) with r = exp(logp - oldLogp);
     * writes its derivative with respect to each log-probability into {@code grad}: -rA/m where
     * the unclipped term is the minimum, 0 where the clipped one is.
     */
    static double clippedSurrogate(double[] logp, double[] oldLogp, double[] adv, int m, double clipEps,
            double[] grad) {
        double loss = 0;
        for (int i = 0; i < m; i++) {
            double ratio = Fn.exp(logp[i] - oldLogp[i]);
            double unclipped = ratio * adv[i];
            double clipped = Math.max(1 - clipEps, Math.min(1 + clipEps, ratio)) * adv[i];
            if (unclipped <= clipped) {
                loss -= unclipped;
                grad[i] = -unclipped / m;
            } else {
                loss -= clipped;
                grad[i] = 0;
            }
        }
        return loss / m;
    }
}
