package dev.ablate4j.algo.trpo;

import dev.ablate4j.algo.PolicyUpdate;
import dev.ablate4j.algo.StepBounds;
import dev.ablate4j.algo.UpdateStats;
import dev.ablate4j.nn.Fn;
import dev.ablate4j.nn.GaussianPolicy;
import dev.ablate4j.nn.GradClip;
import dev.ablate4j.rl.Minibatches;
import dev.ablate4j.rl.Moments;
import dev.ablate4j.rl.RolloutBuffer;
import java.util.SplittableRandom;

/**
 * TRPO's policy step: maximize the surrogate mean(rA) subject to mean KL(old||new) &lt;= delta.
 * The natural-gradient direction s solves (F + damping I) s = g by conjugate gradient on exact
 * Fisher-vector products over a random {@code fisherFrac} of the batch; the step
 * sqrt(2 delta / s'(F + damping I)s) s goes through the {@link LineSearch}; if it accepts no
 * step the policy is left exactly as it was. delta comes with each iteration's
 * {@link StepBounds} (it may follow a schedule). Advantage normalization (optimization 10)
 * standardizes A over the whole batch.
 */
public final class TrpoUpdate implements PolicyUpdate {

    /** The settings of the step. */
    public record Settings(int cgIters, double cgDamping, double fisherFrac, int maxBacktracks,
            double acceptRatio, boolean advNorm) {}

    private final GaussianPolicy policy;
    private final Settings s;
    private final double[] adv;
    private final double[] logProb;
    private final double[] dLogProb;
    private final int[] order;
    private final double[] fisherObs;
    private final double[] fvp;
    private final int fisherSize;

    public TrpoUpdate(GaussianPolicy policy, Settings settings, int batchSize) {
        this.policy = policy;
        this.s = settings;
        adv = new double[batchSize];
        logProb = new double[batchSize];
        dLogProb = new double[batchSize];
        order = new int[batchSize];
        fisherSize = Math.max(1, (int) Math.round(settings.fisherFrac() * batchSize));
        fisherObs = new double[fisherSize * policy.obsSize()];
        fvp = new double[policy.params().length];
    }

    @Override
    public UpdateStats update(RolloutBuffer buf, StepBounds bounds, SplittableRandom shuffleRng) {
        double maxKl = bounds.maxKl();
        int n = buf.size;
        System.arraycopy(buf.advantages, 0, adv, 0, n);
        if (s.advNorm()) {
            Moments.standardize(adv, n);
        }
        double[] params = policy.params();
        double[] oldParams = params.clone();
        double[] oldLogStd = policy.logStd();

        double oldSurrogate = surrogate(buf, true);
        double[] g = policy.grads().clone();
        double gradNorm = GradClip.norm(g);

        Minibatches.shuffle(order, n, shuffleRng);
        Minibatches.gather(buf.obs, buf.obsSize, order, 0, fisherSize, fisherObs);
        ConjugateGradient.Operator fisher = this::dampedFisher;
        double[] direction = ConjugateGradient.solve(fisher, g, s.cgIters(), 1e-10);
        dampedFisher(direction, fvp);
        double sFs = ConjugateGradient.dot(direction, fvp);
        double scale = sFs > 0 ? Math.sqrt(2 * maxKl / sFs) : 0;
        double expectedImprovement = scale * ConjugateGradient.dot(g, direction);

        LineSearch.Result result = LineSearch.run(fraction -> {
            for (int i = 0; i < params.length; i++) {
                params[i] = oldParams[i] + fraction * scale * direction[i];
            }
            return new LineSearch.Trial(surrogate(buf, false), policy.meanKl(buf.obs, n, buf.means, oldLogStd));
        }, scale > 0 ? s.maxBacktracks() : -1, oldSurrogate, maxKl, s.acceptRatio(), expectedImprovement);
        if (result == null) {
            System.arraycopy(oldParams, 0, params, 0, params.length);
            return new UpdateStats(-oldSurrogate, gradNorm);
        }
        return new UpdateStats(-result.surrogate(), gradNorm);
    }

    /**
     * mean(r A) at the current parameters; with {@code gradient} also leaves its gradient in
     * {@code policy.grads()}.
     */
    private double surrogate(RolloutBuffer buf, boolean gradient) {
        int n = buf.size;
        policy.logProb(buf.obs, buf.actions, n, logProb);
        double sum = 0;
        for (int i = 0; i < n; i++) {
            double ratio = Fn.exp(logProb[i] - buf.logProbs[i]);
            sum += ratio * adv[i];
            dLogProb[i] = ratio * adv[i] / n;
        }
        if (gradient) {
            policy.zeroGrads();
            policy.backwardLogProb(dLogProb);
        }
        return sum / n;
    }

    private void dampedFisher(double[] v, double[] out) {
        policy.fisherVectorProduct(fisherObs, fisherSize, v, out);
        for (int i = 0; i < v.length; i++) {
            out[i] += s.cgDamping() * v[i];
        }
    }
}
