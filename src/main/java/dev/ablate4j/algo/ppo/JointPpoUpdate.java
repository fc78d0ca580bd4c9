package dev.ablate4j.algo.ppo;

import dev.ablate4j.algo.PolicyUpdate;
import dev.ablate4j.algo.StepBounds;
import dev.ablate4j.algo.UpdateStats;
import dev.ablate4j.nn.Adam;
import dev.ablate4j.nn.GaussianPolicy;
import dev.ablate4j.nn.GradClip;
import dev.ablate4j.nn.ValueNet;
import dev.ablate4j.rl.Minibatches;
import dev.ablate4j.rl.RolloutBuffer;
import dev.ablate4j.rl.ValueTrainer;
import java.util.SplittableRandom;

/**
 * PPO's update as CleanRL and Stable-Baselines3 take it ({@code optimizer joint}): {@code epochs} passes
 * of one shuffled minibatch order, and per minibatch one step of both networks on the summed loss
 * policy loss - c_ent H + vf-coef * value loss. The policy part is {@link PpoUpdate}'s clipped surrogate
 * with per-minibatch advantage normalization, the value part {@link ValueTrainer#lossAndGradient} with
 * its 0.5 factor and weight ({@link ValueTrainer.Settings#gradientFactor()}). Gradient clipping acts
 * on one norm over both networks ({@code grad-clip-scope global}, PyTorch's {@code clip_grad_norm_} over
 * all parameters) or per network as in the separate update. The two Adam instances step together and
 * hold equal step counts, which is one Adam over the concatenated parameters with a learning rate per
 * network (Adam is element-wise).
 */
public final class JointPpoUpdate implements PolicyUpdate {

    /**
     * @param policy      the policy part (its gradClip flag: clip the policy gradient on its own)
     * @param value       the value part (its gradClip flag: clip the value gradient on its own)
     * @param clipJoint   clip one norm over both networks' gradients (then the per-network flags are off)
     */
    public record Settings(PpoUpdate.Settings policy, ValueTrainer.Settings value, boolean clipJoint) {}

    private final GaussianPolicy policy;
    private final Adam policyAdam;
    private final ValueNet valueNet;
    private final Adam valueAdam;
    private final Settings s;
    private final int[] order;
    private final PolicyMinibatch minibatch;
    private final double[] mbReturns;
    private final double[] mbOldValues;
    private final double[] mbPred;
    private final double[] mbValueGrad;
    private final boolean[] mbEnd;
    private double lastValueLoss = Double.NaN;

    public JointPpoUpdate(GaussianPolicy policy, Adam policyAdam, ValueNet valueNet, Adam valueAdam, Settings settings,
            int batchSize) {
        this.policy = policy;
        this.policyAdam = policyAdam;
        this.valueNet = valueNet;
        this.valueAdam = valueAdam;
        this.s = settings;
        int m = batchSize / settings.policy().minibatches();
        order = new int[batchSize];
        minibatch = new PolicyMinibatch(policy, settings.policy(), batchSize);
        mbReturns = new double[m];
        mbOldValues = new double[m];
        mbPred = new double[m];
        mbValueGrad = new double[m];
        mbEnd = new boolean[m];
    }

    /**
     * What one minibatch step computed: the policy loss (with the entropy term), the value loss (with its
     * 0.5 factor, without vf-coef; NaN when every sample was left out), the policy gradient's norm and
     * the norm over both networks' gradients, both before clipping.
     */
    public record MinibatchStats(double policyLoss, double valueLoss, double policyGradNorm, double jointGradNorm) {}

    @Override
    public UpdateStats update(RolloutBuffer buf, StepBounds bounds, SplittableRandom shuffleRng) {
        PpoUpdate.Settings p = s.policy();
        int m = buf.size / p.minibatches();
        double policyLossSum = 0;
        double valueLossSum = 0;
        int valueSteps = 0;
        double normSum = 0;
        for (int epoch = 0; epoch < p.epochs(); epoch++) {
            Minibatches.shuffle(order, buf.size, shuffleRng);
            for (int b = 0; b < p.minibatches(); b++) {
                MinibatchStats stats = step(buf, order, b * m, m, bounds);
                policyLossSum += stats.policyLoss();
                normSum += stats.policyGradNorm();
                if (!Double.isNaN(stats.valueLoss())) {
                    valueLossSum += stats.valueLoss();
                    valueSteps++;
                }
            }
        }
        int steps = p.epochs() * p.minibatches();
        lastValueLoss = valueSteps == 0 ? Double.NaN : valueLossSum / valueSteps;
        return new UpdateStats(policyLossSum / steps, normSum / steps);
    }

    /**
     * One optimizer step on the minibatch of samples {@code indices[from .. from+m)}: the losses, their
     * gradients (clipped as configured; left in the networks' gradient arrays) and both Adam steps at this
     * iteration's learning rates.
     */
    public MinibatchStats step(RolloutBuffer buf, int[] indices, int from, int m, StepBounds bounds) {
        PpoUpdate.Settings p = s.policy();
        ValueTrainer.Settings v = s.value();
        double policyLoss = minibatch.lossAndGradient(buf, indices, from, m);
        if (p.entropyCoef() != 0) {
            policyLoss -= minibatch.entropyTerm();
        }
        Minibatches.gather(buf.returns, 1, indices, from, m, mbReturns);
        Minibatches.gather(buf.values, 1, indices, from, m, mbOldValues);

        valueNet.zeroGrads();
        boolean[] skip = null;
        if (v.skipEpisodeEnds()) {
            skip = mbEnd;
            for (int i = 0; i < m; i++) {
                mbEnd[i] = buf.episodeEnd[indices[from + i]];
            }
        }
        valueNet.predict(minibatch.obs, m, mbPred);
        double valueLoss = ValueTrainer.lossAndGradient(mbPred, mbOldValues, mbReturns, skip, m, v.valueClip(),
                v.clipEps(), mbValueGrad);
        boolean valueStep = !Double.isNaN(valueLoss); // NaN: every sample left out, no value step
        if (valueStep) {
            valueLoss *= v.lossFactor();
            ValueTrainer.scale(mbValueGrad, m, v.gradientFactor());
            valueNet.backward(mbValueGrad);
        }

        double policyNorm = GradClip.norm(policy.grads());
        double valueNorm = GradClip.norm(valueNet.grads());
        double jointNorm = Math.sqrt(policyNorm * policyNorm + valueNorm * valueNorm);
        if (s.clipJoint()) {
            GradClip.clipJointNorm(policy.grads(), valueNet.grads(), p.gradClipNorm());
        } else {
            if (p.gradClip()) {
                GradClip.clipGlobalNorm(policy.grads(), p.gradClipNorm());
            }
            if (v.gradClip() && valueStep) {
                GradClip.clipGlobalNorm(valueNet.grads(), v.gradClipNorm());
            }
        }
        policyAdam.step(policy.params(), policy.grads(), bounds.policyLr());
        if (valueStep) {
            valueAdam.step(valueNet.params(), valueNet.grads(), bounds.valueLr());
        }
        return new MinibatchStats(policyLoss, valueLoss, policyNorm, jointNorm);
    }

    /** The mean minibatch value loss of the last {@link #update} (with its 0.5 factor, without vf-coef). */
    public double lastValueLoss() {
        return lastValueLoss;
    }
}
