package dev.ablate4j.rl;

import dev.ablate4j.nn.Adam;
import dev.ablate4j.nn.GradClip;
import dev.ablate4j.nn.ValueNet;
import java.util.SplittableRandom;

/**
 * Value-network training, shared by PPO and TRPO: {@code epochs} passes of shuffled minibatches
 * over the batch, regressing V(s) on the GAE returns R = V_old + A. With value clipping
 * (optimization 1) the loss is mean(max((V-R)^2, (V_old + clip(V - V_old, -eps, eps) - R)^2)),
 * otherwise mean((V-R)^2) — no 0.5 factor, as in the paper's code. With gradient clipping
 * (optimization 9) the gradient's global norm is capped before the Adam step. With
 * {@code skipEpisodeEnds} (the paper's code) the steps that end an episode, time-limit ends
 * included, are left out: the mean runs over the other samples of the minibatch, and a minibatch
 * made only of such steps contributes no loss and no step (the paper's code would take the mean of
 * nothing, NaN). Two weights other implementations have: {@code halfLoss} reports and differentiates
 * 0.5 times the loss (CleanRL's {@code v_loss}), and {@code weight} (vf-coef) multiplies the gradient,
 * as its weight in a summed loss would; with Adam only its epsilon and gradient clipping see the weight.
 */
public final class ValueTrainer {

    /**
     * How the value network is trained.
     *
     * @param valueClip       value clipping (optimization 1) with bound {@code clipEps}
     * @param gradClip        cap the gradient's global norm at {@code gradClipNorm} (optimization 9)
     * @param skipEpisodeEnds leave episode-ending steps out of the loss (the paper's code)
     * @param halfLoss        the loss is 0.5 times the mean (CleanRL)
     * @param weight          the gradient is multiplied by this (vf-coef)
     */
    public record Settings(boolean valueClip, double clipEps, boolean gradClip, double gradClipNorm,
            boolean skipEpisodeEnds, boolean halfLoss, double weight) {

        /** The paper's loss: no 0.5 factor, weight 1. */
        public Settings(boolean valueClip, double clipEps, boolean gradClip, double gradClipNorm,
                boolean skipEpisodeEnds) {
            this(valueClip, clipEps, gradClip, gradClipNorm, skipEpisodeEnds, false, 1.0);
        }

        /** What the reported loss is multiplied by: 0.5 with {@code halfLoss}, else 1. */
        public double lossFactor() {
            return halfLoss ? 0.5 : 1.0;
        }

        /** What dLoss/dV of the plain mean is multiplied by before backpropagation. */
        public double gradientFactor() {
            return lossFactor() * weight;
        }
    }

    private final ValueNet net;
    private final Adam adam;
    private final boolean valueClip;
    private final double clipEps;
    private final boolean gradClip;
    private final double gradClipNorm;
    private final boolean skipEpisodeEnds;
    private final double lossFactor;
    private final double gradientFactor;
    private final int[] order;
    private double[] mbObs = new double[0];
    private double[] mbReturns = new double[0];
    private double[] mbOld = new double[0];
    private double[] mbPred = new double[0];
    private double[] mbGrad = new double[0];
    private boolean[] mbEnd = new boolean[0];

    public ValueTrainer(ValueNet net, Adam adam, Settings settings, int batchSize) {
        this.net = net;
        this.adam = adam;
        this.valueClip = settings.valueClip();
        this.clipEps = settings.clipEps();
        this.gradClip = settings.gradClip();
        this.gradClipNorm = settings.gradClipNorm();
        this.skipEpisodeEnds = settings.skipEpisodeEnds();
        this.lossFactor = settings.lossFactor();
        this.gradientFactor = settings.gradientFactor();
        this.order = new int[batchSize];
    }

    /** Trains on {@code buf}; returns the mean minibatch loss. */
    public double train(RolloutBuffer buf, int epochs, int minibatches, double lr, SplittableRandom shuffleRng) {
        int m = buf.size / minibatches;
        ensureCapacity(m, buf.obsSize);
        double lossSum = 0;
        int steps = 0;
        for (int epoch = 0; epoch < epochs; epoch++) {
            Minibatches.shuffle(order, buf.size, shuffleRng);
            for (int b = 0; b < minibatches; b++) {
                int from = b * m;
                Minibatches.gather(buf.obs, buf.obsSize, order, from, m, mbObs);
                Minibatches.gather(buf.returns, 1, order, from, m, mbReturns);
                Minibatches.gather(buf.values, 1, order, from, m, mbOld);
                if (skipEpisodeEnds && !gatherEnds(buf, from, m)) {
                    continue;
                }
                net.zeroGrads();
                net.predict(mbObs, m, mbPred);
                double loss = lossAndGradient(mbPred, mbOld, mbReturns, skipEpisodeEnds ? mbEnd : null, m, valueClip,
                        clipEps, mbGrad);
                lossSum += lossFactor == 1.0 ? loss : lossFactor * loss;
                scale(mbGrad, m, gradientFactor);
                steps++;
                net.backward(mbGrad);
                if (gradClip) {
                    GradClip.clipGlobalNorm(net.grads(), gradClipNorm);
                }
                adam.step(net.params(), net.grads(), lr);
            }
        }
        return steps == 0 ? Double.NaN : lossSum / steps;
    }

    /** Multiplies x[0..m) by {@code factor} (nothing to do for 1). */
    public static void scale(double[] x, int m, double factor) {
        if (factor != 1.0) {
            for (int i = 0; i < m; i++) {
                x[i] *= factor;
            }
        }
    }

    /** Marks the minibatch's episode-ending steps in {@code mbEnd}; false if every step is one. */
    private boolean gatherEnds(RolloutBuffer buf, int from, int m) {
        boolean anyKept = false;
        for (int i = 0; i < m; i++) {
            mbEnd[i] = buf.episodeEnd[order[from + i]];
            anyKept |= !mbEnd[i];
        }
        return anyKept;
    }

    /**
     * The value loss of a minibatch with predictions {@code v}, old values and returns; writes
     * dLoss/dV into {@code grad}. With clipping, a sample whose clipped term is the larger one
     * gets the clipped term's gradient, which is zero where |V - V_old| exceeds eps. Samples marked
     * in {@code skip} (may be null) are left out of the mean and get a zero gradient; if all are
     * left out the loss is NaN.
     */
    public static double lossAndGradient(double[] v, double[] old, double[] returns, boolean[] skip, int m,
            boolean valueClip, double clipEps, double[] grad) {
        int used = m;
        if (skip != null) {
            for (int i = 0; i < m; i++) {
                used -= skip[i] ? 1 : 0;
            }
            if (used == 0) {
                return Double.NaN;
            }
        }
        double loss = 0;
        for (int i = 0; i < m; i++) {
            if (skip != null && skip[i]) {
                grad[i] = 0;
                continue;
            }
            double r = returns[i];
            double sampleLoss = (v[i] - r) * (v[i] - r);
            double sampleGrad = 2 * (v[i] - r);
            if (valueClip) {
                double diff = v[i] - old[i];
                double vClipped = old[i] + Math.max(-clipEps, Math.min(clipEps, diff));
                double clipped = (vClipped - r) * (vClipped - r);
                if (clipped > sampleLoss) {
                    sampleLoss = clipped;
                    sampleGrad = Math.abs(diff) < clipEps ? 2 * (vClipped - r) : 0;
                }
            }
            loss += sampleLoss;
            grad[i] = sampleGrad / used;
        }
        return loss / used;
    }

    private void ensureCapacity(int m, int obsSize) {
        if (mbReturns.length < m) {
            mbObs = new double[m * obsSize];
            mbReturns = new double[m];
            mbOld = new double[m];
            mbPred = new double[m];
            mbGrad = new double[m];
            mbEnd = new boolean[m];
        }
    }
}
