package dev.ablate4j.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * A float32 policy whose parameters are written in place between passes, in a TRPO-like pattern
 * (acting, log-prob and backward, Fisher-vector products, a line search that steps, measures KL,
 * backtracks and restores), gives at every call the bits a fresh policy with a copy of the
 * parameters gives: none of the four runners' weight caches ever serves stale rows.
 */
class FloatWeightCachePolicyTest {

    private static final int OBS = 3;
    private static final int ACT = 2;
    private static final int[] HIDDEN = {16, 16};
    private static final int BATCH = 7;

    private static GaussianPolicy policy() {
        return new GaussianPolicy(OBS, ACT, HIDDEN, Activation.TANH, JavaBackend.INSTANCE, Precision.FLOAT32);
    }

    private static GaussianPolicy freshCopy(GaussianPolicy p) {
        GaussianPolicy f = policy();
        System.arraycopy(p.params(), 0, f.params(), 0, p.params().length);
        return f;
    }

    private static void same(double[] expected, double[] actual, int n, String what) {
        for (int i = 0; i < n; i++) {
            assertEquals(Double.doubleToRawLongBits(expected[i]), Double.doubleToRawLongBits(actual[i]),
                    what + " [" + i + "]");
        }
    }

    @Test
    void inPlaceWritesBetweenEveryKindOfPassAreSeen() {
        SplittableRandom rng = new SplittableRandom(21);
        GaussianPolicy p = policy();
        p.initialize(true, rng);
        double[] obs = new double[BATCH * OBS];
        double[] actions = new double[BATCH * ACT];
        for (int i = 0; i < obs.length; i++) {
            obs[i] = (float) rng.nextDouble(-2, 2);
        }
        for (int i = 0; i < actions.length; i++) {
            actions[i] = (float) rng.nextDouble(-1, 1);
        }
        double[] dLogProb = new double[BATCH];
        Arrays.fill(dLogProb, 0.3);
        double[] v = new double[p.parameterCount()];
        for (int i = 0; i < v.length; i++) {
            v[i] = rng.nextDouble(-1, 1);
        }
        double[] oldParams = p.params().clone();
        double[] oldMeans = new double[BATCH * ACT];
        p.mean(obs, BATCH, oldMeans);
        double[] oldLogStd = Arrays.copyOfRange(p.params(), p.logStdOffset(), p.params().length);
        for (int iter = 0; iter < 6; iter++) {
            // acting
            double[] mean = new double[ACT];
            double[] act = new double[ACT];
            double lp = p.act(Arrays.copyOf(obs, OBS), new SplittableRandom(iter), mean, act);
            GaussianPolicy f = freshCopy(p);
            double[] fMean = new double[ACT];
            double[] fAct = new double[ACT];
            double fLp = f.act(Arrays.copyOf(obs, OBS), new SplittableRandom(iter), fMean, fAct);
            same(fMean, mean, ACT, "act mean, iter " + iter);
            assertEquals(Double.doubleToRawLongBits(fLp), Double.doubleToRawLongBits(lp), "act logp " + iter);
            // log-prob and backward
            double[] logp = new double[BATCH];
            double[] fLogp = new double[BATCH];
            p.zeroGrads();
            p.logProb(obs, actions, BATCH, logp);
            p.backwardLogProb(dLogProb);
            f.zeroGrads();
            f.logProb(obs, actions, BATCH, fLogp);
            f.backwardLogProb(dLogProb);
            same(fLogp, logp, BATCH, "logProb, iter " + iter);
            same(f.grads(), p.grads(), p.parameterCount(), "grads, iter " + iter);
            double[] grad = p.grads().clone();
            // Fisher-vector products at the current parameters (the CG loop)
            double[] out = new double[p.parameterCount()];
            double[] fOut = new double[p.parameterCount()];
            for (int cg = 0; cg < 2; cg++) {
                p.fisherVectorProduct(obs, BATCH, v, out);
                f.fisherVectorProduct(obs, BATCH, v, fOut);
                same(fOut, out, out.length, "fvp, iter " + iter + " cg " + cg);
                v = out.clone();
                for (int i = 0; i < v.length; i++) {
                    v[i] = v[i] / (1 + Math.abs(v[i]));
                }
            }
            // line search: step in place, measure, backtrack, finally restore or accept
            double[] base = p.params().clone();
            for (int back = 0; back < 3; back++) {
                if (back < 2) {
                    double fraction = Math.pow(0.5, back);
                    for (int i = 0; i < base.length; i++) {
                        p.params()[i] = Precision.FLOAT32.round(base[i] + fraction * 0.05 * grad[i]);
                    }
                } else { // the previous trial's parameters with only the last weight of each layer one float ulp up
                    int[] sizes = p.mlp().layerSizes();
                    for (int l = 0; l + 1 < sizes.length; l++) {
                        int k = p.mlp().weightOffset(l) + sizes[l] * sizes[l + 1] - 1;
                        p.params()[k] = Math.nextUp((float) p.params()[k]);
                    }
                }
                double kl = p.meanKl(obs, BATCH, oldMeans, oldLogStd);
                double fKl = freshCopy(p).meanKl(obs, BATCH, oldMeans, oldLogStd);
                assertEquals(Double.doubleToRawLongBits(fKl), Double.doubleToRawLongBits(kl),
                        "kl, iter " + iter + " backtrack " + back);
            }
            if (iter % 2 == 0) {
                System.arraycopy(base, 0, p.params(), 0, base.length); // rejected: restore
            }
        }
        // back to the very first parameters, in place: the caches must not keep the last ones
        System.arraycopy(oldParams, 0, p.params(), 0, oldParams.length);
        double[] means = new double[BATCH * ACT];
        p.mean(obs, BATCH, means);
        same(oldMeans, means, means.length, "means after restoring the first parameters");
    }
}
