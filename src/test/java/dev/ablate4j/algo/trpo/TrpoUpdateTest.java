package dev.ablate4j.algo.trpo;

import dev.ablate4j.algo.StepBounds;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ablate4j.nn.Activation;
import dev.ablate4j.nn.GaussianPolicy;
import dev.ablate4j.rl.RolloutBuffer;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class TrpoUpdateTest {

    private static final int N = 256;

    private static RolloutBuffer batch(GaussianPolicy policy, SplittableRandom rng, boolean zeroAdvantages) {
        RolloutBuffer buf = new RolloutBuffer(N, policy.obsSize(), policy.actionSize());
        double[] obs = new double[policy.obsSize()];
        double[] mean = new double[policy.actionSize()];
        double[] action = new double[policy.actionSize()];
        for (int t = 0; t < N; t++) {
            for (int i = 0; i < obs.length; i++) {
                obs[i] = rng.nextDouble() * 2 - 1;
            }
            buf.logProbs[t] = policy.act(obs, rng, mean, action);
            System.arraycopy(obs, 0, buf.obs, t * obs.length, obs.length);
            System.arraycopy(mean, 0, buf.means, t * mean.length, mean.length);
            System.arraycopy(action, 0, buf.actions, t * action.length, action.length);
            // advantages that favour actions above the mean in the first dimension
            buf.advantages[t] = zeroAdvantages ? 0 : action[0] - mean[0];
        }
        return buf;
    }

    private static double[] logStd(GaussianPolicy p) {
        double[] params = p.params();
        return Arrays.copyOfRange(params, params.length - p.actionSize(), params.length);
    }

    @Test
    void everyAcceptedStepKeepsMeanKlWithinDelta() {
        double delta = 0.01;
        SplittableRandom rng = new SplittableRandom(11);
        GaussianPolicy policy = new GaussianPolicy(3, 2, new int[] {16, 16}, Activation.TANH);
        policy.initialize(true, rng);
        TrpoUpdate update = new TrpoUpdate(policy, new TrpoUpdate.Settings(10, 0.1, 0.5, 10, 0, true), N);
        int accepted = 0;
        for (int iteration = 0; iteration < 5; iteration++) {
            RolloutBuffer buf = batch(policy, rng, false);
            double[] before = policy.params().clone();
            double[] oldLogStd = logStd(policy);
            update.update(buf, new StepBounds(0, 0, delta), rng);
            if (!Arrays.equals(before, policy.params())) {
                accepted++;
                double kl = policy.meanKl(buf.obs, N, buf.means, oldLogStd);
                assertTrue(kl <= delta, "mean KL " + kl + " > delta");
                assertTrue(kl > 0);
            }
        }
        assertTrue(accepted > 0, "no step was accepted");
    }

    @Test
    void aLineSearchThatCannotImproveLeavesParametersBitForBitUnchanged() {
        SplittableRandom rng = new SplittableRandom(12);
        GaussianPolicy policy = new GaussianPolicy(3, 2, new int[] {8}, Activation.TANH);
        policy.initialize(true, rng);
        RolloutBuffer buf = batch(policy, rng, false);
        double[] before = policy.params().clone();
        // a trust region so large that the only step tried overshoots: its mean KL exceeds no bound,
        // but the surrogate collapses, so the line search (no backtracking allowed) must give up
        TrpoUpdate overshoot = new TrpoUpdate(policy, new TrpoUpdate.Settings(10, 0.1, 1.0, 0, 0, false), N);
        overshoot.update(buf, new StepBounds(0, 0, 1e4), rng);
        assertArrayEquals(before, policy.params(), 0.0, "rejected step must restore the parameters exactly");

        TrpoUpdate flat = new TrpoUpdate(policy, new TrpoUpdate.Settings(10, 0.1, 1.0, 10, 0, false), N);
        flat.update(batch(policy, new SplittableRandom(13), true), new StepBounds(0, 0, 0.01), rng);
        assertArrayEquals(before, policy.params(), 0.0, "zero advantages: nothing can improve");
        assertFalse(Arrays.equals(before, new double[before.length]));
    }
}
