package dev.ablate4j.algo.ppo;

import dev.ablate4j.nn.Fn;
import dev.ablate4j.nn.GaussianPolicy;
import dev.ablate4j.rl.Minibatches;
import dev.ablate4j.rl.Moments;
import dev.ablate4j.rl.RolloutBuffer;

/**
 * The policy half of one PPO minibatch step, shared by the separate ({@link PpoUpdate}) and the joint
 * ({@link JointPpoUpdate}) update: gathers the minibatch's observations, actions, old log-probabilities
 * and advantages, standardizes the advantages when advantage normalization is on, and leaves the
 * gradient of the clipped surrogate minus the entropy term in the policy's gradient array. Owns the
 * minibatch buffers; its gathered observations are read by the joint update's value half.
 */
final class PolicyMinibatch {

    private final GaussianPolicy policy;
    private final PpoUpdate.Settings s;
    final double[] obs;
    private final double[] actions;
    private final double[] oldLogProb;
    private final double[] adv;
    private final double[] logProb;
    private final double[] grad;

    PolicyMinibatch(GaussianPolicy policy, PpoUpdate.Settings settings, int batchSize) {
        this.policy = policy;
        this.s = settings;
        int m = batchSize / settings.minibatches();
        obs = new double[m * policy.obsSize()];
        actions = new double[m * policy.actionSize()];
        oldLogProb = new double[m];
        adv = new double[m];
        logProb = new double[m];
        grad = new double[m];
    }

    /** entropy-coef times the policy's entropy at the last {@link #lossAndGradient}; 0 when entropy-coef is 0. */
    private double entropyTerm;

    /**
     * The clipped surrogate of the samples {@code indices[from .. from+m)}; the gradient of the policy
     * loss (the surrogate minus {@link #entropyTerm()}) left in the (zeroed first) policy gradient array.
     * The entropy term is returned apart, so each caller subtracts it as it always did: PpoUpdate from
     * its running sum ({@code (sum + surrogate) - term} rounds differently from
     * {@code sum + (surrogate - term)}, and the sum is metrics.csv's policy_loss).
     */
    double lossAndGradient(RolloutBuffer buf, int[] indices, int from, int m) {
        Minibatches.gather(buf.obs, buf.obsSize, indices, from, m, obs);
        Minibatches.gather(buf.actions, buf.actionSize, indices, from, m, actions);
        Minibatches.gather(buf.logProbs, 1, indices, from, m, oldLogProb);
        Minibatches.gather(buf.advantages, 1, indices, from, m, adv);
        if (s.advNorm()) {
            Moments.standardize(adv, m);
        }
        policy.zeroGrads();
        policy.logProb(obs, actions, m, logProb);
        double surrogate = clippedSurrogate(logProb, oldLogProb, adv, m, s.clipEps(), grad);
        policy.backwardLogProb(grad);
        entropyTerm = 0;
        if (s.entropyCoef() != 0) {
            entropyTerm = s.entropyCoef() * policy.entropy();
            policy.accumulateEntropyGrad(-s.entropyCoef());
        }
        return surrogate;
    }

    /** entropy-coef times the entropy, of the last {@link #lossAndGradient}: the policy loss is the surrogate minus it. */
    double entropyTerm() {
        return entropyTerm;
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
