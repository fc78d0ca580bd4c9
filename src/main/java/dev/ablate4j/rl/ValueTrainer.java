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
 * (optimization 9) the gradient's global norm is capped before the Adam step.
 */
public final class ValueTrainer {

    private final ValueNet net;
    private final Adam adam;
    private final boolean valueClip;
    private final double clipEps;
    private final boolean gradClip;
    private final double gradClipNorm;
    private final int[] order;
    private double[] mbObs = new double[0];
    private double[] mbReturns = new double[0];
    private double[] mbOld = new double[0];
    private double[] mbPred = new double[0];
    private double[] mbGrad = new double[0];

    public ValueTrainer(ValueNet net, Adam adam, boolean valueClip, double clipEps, boolean gradClip,
            double gradClipNorm, int batchSize) {
        this.net = net;
        this.adam = adam;
        this.valueClip = valueClip;
        this.clipEps = clipEps;
        this.gradClip = gradClip;
        this.gradClipNorm = gradClipNorm;
        this.order = new int[batchSize];
    }

    /** Trains on {@code buf}; returns the mean minibatch loss. */
    public double train(RolloutBuffer buf, int epochs, int minibatches, double lr, SplittableRandom shuffleRng) {
        int m = buf.size / minibatches;
        ensureCapacity(m, buf.obsSize);
        double lossSum = 0;
        for (int epoch = 0; epoch < epochs; epoch++) {
            Minibatches.shuffle(order, buf.size, shuffleRng);
            for (int b = 0; b < minibatches; b++) {
                int from = b * m;
                Minibatches.gather(buf.obs, buf.obsSize, order, from, m, mbObs);
                Minibatches.gather(buf.returns, 1, order, from, m, mbReturns);
                Minibatches.gather(buf.values, 1, order, from, m, mbOld);
                net.zeroGrads();
                net.predict(mbObs, m, mbPred);
                lossSum += lossAndGradient(mbPred, mbOld, mbReturns, m, valueClip, clipEps, mbGrad);
                net.backward(mbGrad);
                if (gradClip) {
                    GradClip.clipGlobalNorm(net.grads(), gradClipNorm);
                }
                adam.step(net.params(), net.grads(), lr);
            }
        }
        return lossSum / (epochs * minibatches);
    }

    /**
     * The value loss of a minibatch with predictions {@code v}, old values and returns; writes
     * dLoss/dV into {@code grad}. With clipping, a sample whose clipped term is the larger one
     * gets the clipped term's gradient, which is zero where |V - V_old| exceeds eps.
     */
    static double lossAndGradient(double[] v, double[] old, double[] returns, int m, boolean valueClip,
            double clipEps, double[] grad) {
        double loss = 0;
        for (int i = 0; i < m; i++) {
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
            grad[i] = sampleGrad / m;
        }
        return loss / m;
    }

    private void ensureCapacity(int m, int obsSize) {
        if (mbReturns.length < m) {
            mbObs = new double[m * obsSize];
            mbReturns = new double[m];
            mbOld = new double[m];
            mbPred = new double[m];
            mbGrad = new double[m];
        }
    }

    public Adam adam() {
        return adam;
    }
}
