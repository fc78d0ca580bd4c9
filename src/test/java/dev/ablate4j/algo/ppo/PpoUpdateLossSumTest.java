package dev.ablate4j.algo.ppo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ablate4j.algo.StepBounds;
import dev.ablate4j.algo.UpdateStats;
import dev.ablate4j.nn.Activation;
import dev.ablate4j.nn.Adam;
import dev.ablate4j.nn.GaussianPolicy;
import dev.ablate4j.nn.GradClip;
import dev.ablate4j.rl.Minibatches;
import dev.ablate4j.rl.Moments;
import dev.ablate4j.rl.RolloutBuffer;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * PpoUpdate's reported policy loss, bit for bit, against the loop it had before {@link PolicyMinibatch}
 * was factored out: {@code lossSum += surrogate; lossSum -= c_ent * H} per minibatch. Summing
 * {@code surrogate - c_ent * H} instead rounds differently, so with a non-zero entropy coefficient (the
 * paper's PPO-NoClip configs: -0.005 on Hopper) the policy_loss column of metrics.csv would change.
 */
class PpoUpdateLossSumTest {

    private static final int OBS = 3;
    private static final int ACT = 2;
    private static final int BATCH = 256;

    @Test
    void lossSumAndParametersMatchThePreRefactorLoopWithAnEntropyTerm() {
        PpoUpdate.Settings s = new PpoUpdate.Settings(0.2, true, true, 0.5, -0.005, 10, 8);
        GaussianPolicy a = policy();
        GaussianPolicy b = policy();
        RolloutBuffer buf = buffer(a);
        Adam adamA = new Adam(a.parameterCount());
        Adam adamB = new Adam(b.parameterCount());
        StepBounds bounds = new StepBounds(3e-4, 3e-4, Double.NaN);

        UpdateStats got = new PpoUpdate(a, adamA, s, BATCH).update(buf, bounds, new SplittableRandom(7));
        double[] expected = preRefactor(b, adamB, s, buf, bounds.policyLr(), new SplittableRandom(7));

        assertArrayEquals(b.params(), a.params(), 0.0);
        assertEquals(Double.doubleToRawLongBits(expected[0]), Double.doubleToRawLongBits(got.policyLoss()),
                "policy loss " + got.policyLoss() + " vs " + expected[0]);
        assertEquals(Double.doubleToRawLongBits(expected[1]), Double.doubleToRawLongBits(got.gradNorm()));
    }

    /** PpoUpdate.update as written before the refactor: {loss sum, grad norm sum}, each over the steps. */
    private static double[] preRefactor(GaussianPolicy policy, Adam adam, PpoUpdate.Settings s, RolloutBuffer buf,
            double lr, SplittableRandom shuffleRng) {
        int m = buf.size / s.minibatches();
        int[] order = new int[buf.size];
        double[] mbObs = new double[m * OBS];
        double[] mbActions = new double[m * ACT];
        double[] mbOldLogProb = new double[m];
        double[] mbAdv = new double[m];
        double[] mbLogProb = new double[m];
        double[] mbGrad = new double[m];
        double lossSum = 0;
        double normSum = 0;
        for (int epoch = 0; epoch < s.epochs(); epoch++) {
            Minibatches.shuffle(order, buf.size, shuffleRng);
            for (int bIdx = 0; bIdx < s.minibatches(); bIdx++) {
                int from = bIdx * m;
                Minibatches.gather(buf.obs, buf.obsSize, order, from, m, mbObs);
                Minibatches.gather(buf.actions, buf.actionSize, order, from, m, mbActions);
                Minibatches.gather(buf.logProbs, 1, order, from, m, mbOldLogProb);
                Minibatches.gather(buf.advantages, 1, order, from, m, mbAdv);
                if (s.advNorm()) {
                    Moments.standardize(mbAdv, m);
                }
                policy.zeroGrads();
                policy.logProb(mbObs, mbActions, m, mbLogProb);
                lossSum += PolicyMinibatch.clippedSurrogate(mbLogProb, mbOldLogProb, mbAdv, m, s.clipEps(), mbGrad);
                policy.backwardLogProb(mbGrad);
                if (s.entropyCoef() != 0) {
                    lossSum -= s.entropyCoef() * policy.entropy();
                    policy.accumulateEntropyGrad(-s.entropyCoef());
                }
                normSum += s.gradClip() ? GradClip.clipGlobalNorm(policy.grads(), s.gradClipNorm())
                        : GradClip.norm(policy.grads());
                adam.step(policy.params(), policy.grads(), lr);
            }
        }
        int steps = s.epochs() * s.minibatches();
        return new double[] {lossSum / steps, normSum / steps};
    }

    private static GaussianPolicy policy() {
        GaussianPolicy p = new GaussianPolicy(OBS, ACT, new int[] {8, 8}, Activation.TANH);
        p.initialize(true, new SplittableRandom(3));
        return p;
    }

    private static RolloutBuffer buffer(GaussianPolicy p) {
        SplittableRandom r = new SplittableRandom(11);
        RolloutBuffer buf = new RolloutBuffer(BATCH, OBS, ACT);
        for (int i = 0; i < BATCH * OBS; i++) {
            buf.obs[i] = r.nextDouble(-2, 2);
        }
        for (int i = 0; i < BATCH * ACT; i++) {
            buf.actions[i] = r.nextDouble(-1, 1);
        }
        p.logProb(buf.obs, buf.actions, BATCH, buf.logProbs);
        for (int i = 0; i < BATCH; i++) {
            buf.logProbs[i] += r.nextDouble(-0.3, 0.3);
            buf.advantages[i] = r.nextDouble(-3, 3);
        }
        return buf;
    }
}
