package dev.ablate4j.rl;

/**
 * One iteration's samples, row-major: observations as the policy saw them (filtered), actions,
 * their log-probabilities and policy means at collection time, rewards as the learner sees them
 * (filtered), value estimates, GAE advantages and returns. Preallocated once per run.
 */
public final class RolloutBuffer {

    public final int size;
    public final int obsSize;
    public final int actionSize;
    public final double[] obs;
    public final double[] actions;
    public final double[] logProbs;
    public final double[] means;
    public final double[] rewards;
    public final double[] values;
    /** V(s_{t+1}) as GAE should use it: 0 after a terminal state (or an unbootstrapped truncation). */
    public final double[] nextValues;
    public final boolean[] episodeEnd;
    public final double[] advantages;
    public final double[] returns;

    public RolloutBuffer(int size, int obsSize, int actionSize) {
        this.size = size;
        this.obsSize = obsSize;
        this.actionSize = actionSize;
        obs = new double[size * obsSize];
        actions = new double[size * actionSize];
        logProbs = new double[size];
        means = new double[size * actionSize];
        rewards = new double[size];
        values = new double[size];
        nextValues = new double[size];
        episodeEnd = new boolean[size];
        advantages = new double[size];
        returns = new double[size];
    }

    /** Fills advantages and returns by GAE. */
    public void computeAdvantages(double gamma, double lambda) {
        Gae.compute(rewards, values, nextValues, episodeEnd, gamma, lambda, size, advantages, returns);
    }

    /** 1 - Var(returns - values) / Var(returns): how much of the return the value estimates explain. */
    public double explainedVariance() {
        double varReturns = Moments.variance(returns, size);
        if (varReturns == 0) {
            return Double.NaN;
        }
        double[] residual = new double[size];
        for (int i = 0; i < size; i++) {
            residual[i] = returns[i] - values[i];
        }
        return 1 - Moments.variance(residual, size) / varReturns;
    }
}
