package dev.ablate4j.nn;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Diagonal Gaussian policy: mean = {@link Mlp}(obs), with a state-independent log-std vector
 * (initialized to 0) stored after the Mlp parameters in one flat array, so one optimizer updates
 * both.
 *
 * <p>Each kind of computation keeps its cache in its own workspace ({@link MlpRunner}): {@link #act} (batch
 * 1), {@link #logProb} (the cache {@link #backwardLogProb} uses), {@link #mean}/{@link #meanKl},
 * and {@link #fisherVectorProduct}. So calling, say, {@code meanKl} between {@code logProb} and
 * {@code backwardLogProb} is safe; changing {@link #params()} in between is not. After the largest
 * batch has been seen once, no call allocates. Not thread-safe.
 */
public final class GaussianPolicy {

    /** ln(2 pi). */
    static final double LOG_2PI = Fn.log(2.0 * Math.PI);

    private final Mlp mlp;
    private final int obsSize;
    private final int actionSize;
    private final int logStdOffset;
    private final double[] params;
    private final double[] grads;

    private final Backend backend;
    private final Precision precision;
    private final MlpRunner actRunner;
    private final MlpRunner train;
    private final MlpRunner eval;
    private final MlpRunner fisher;
    private final double[] sigma;
    private final double[] inverseVariance;
    private final double[] oldVariance;
    /** Actions of the last logProb batch (batch x actionSize). */
    private double[] cachedActions = new double[0];
    /** Per-output gradient scratch (batch x actionSize). */
    private double[] outputGrad = new double[0];

    /**
     * @param obsSize observation width, at least 1
     * @param actionSize action width, at least 1
     * @param hidden hidden layer widths, e.g. {64, 64}
     * @param activation hidden activation
     */
    public GaussianPolicy(int obsSize, int actionSize, int[] hidden, Activation activation) {
        this(obsSize, actionSize, hidden, activation, JavaBackend.INSTANCE);
    }

    /**
     * A policy whose batch computations ({@link #logProb}, {@link #mean}, {@link #meanKl},
     * {@link #fisherVectorProduct}) run on {@code backend}; batch-1 {@link #act} always runs on the
     * plain-Java kernels, which are the fastest there.
     */
    public GaussianPolicy(int obsSize, int actionSize, int[] hidden, Activation activation, Backend backend) {
        this(obsSize, actionSize, hidden, activation, backend, Precision.FLOAT64);
    }

    /**
     * A policy whose networks compute in {@code precision}: in float32 every pass (acting included)
     * runs on {@link FloatMlpRunner}, and {@link #initialize} rounds the parameters to float; the
     * per-sample Gaussian arithmetic of this class (log-density, KL, the output gradients) stays in
     * double on those float values.
     */
    public GaussianPolicy(int obsSize, int actionSize, int[] hidden, Activation activation, Backend backend,
            Precision precision) {
        this.backend = backend;
        this.precision = precision;
        this.mlp = new Mlp(obsSize, hidden, actionSize, activation);
        this.obsSize = obsSize;
        this.actionSize = actionSize;
        this.logStdOffset = mlp.parameterCount();
        this.params = new double[logStdOffset + actionSize];
        this.grads = new double[params.length];
        // batch-1 acting always on the plain-Java kernels, the fastest there
        this.actRunner = precision.runner(mlp, JavaBackend.INSTANCE);
        this.train = precision.runner(mlp, backend);
        this.eval = precision.runner(mlp, backend);
        this.fisher = precision.runner(mlp, backend);
        this.sigma = new double[actionSize];
        this.inverseVariance = new double[actionSize];
        this.oldVariance = new double[actionSize];
    }

    /** The live parameter array: Mlp weights/biases (see {@link Mlp}), then log-std (actionSize values). */
    public double[] params() {
        return params;
    }

    /** The live gradient array, same layout as {@link #params()}; backward calls add to it. */
    public double[] grads() {
        return grads;
    }

    public void zeroGrads() {
        Arrays.fill(grads, 0.0);
    }

    public int actionSize() {
        return actionSize;
    }

    public int obsSize() {
        return obsSize;
    }

    /** Length of {@link #params()}. */
    public int parameterCount() {
        return params.length;
    }

    /** Index in {@link #params()} of the first log-std value. */
    public int logStdOffset() {
        return logStdOffset;
    }

    /** A copy of the current log-std vector. */
    public double[] logStd() {
        return Arrays.copyOfRange(params, logStdOffset, params.length);
    }

    /** The backend of the batch computations. */
    public Backend backend() {
        return backend;
    }

    /** The precision the networks compute in. */
    public Precision precision() {
        return precision;
    }

    /** The mean network (its parameters are {@code params()[0, logStdOffset())}). */
    public Mlp mlp() {
        return mlp;
    }

    /**
     * Orthogonal init (gain sqrt(2) hidden layers, 0.01 mean head) or Xavier-uniform; biases 0,
     * log-std 0. Gradients are zeroed.
     */
    public void initialize(boolean orthogonal, SplittableRandom rng) {
        Initialization.apply(mlp, params, orthogonal, Initialization.POLICY_HEAD_GAIN, rng);
        Arrays.fill(params, logStdOffset, params.length, 0.0);
        precision.roundAll(params);
        zeroGrads();
    }

    /**
     * Batch-1 acting: writes the mean into {@code meanOut} and a sample mean + std * N(0,1) (one
     * {@link Fn#standardNormal} per action component, in order) into {@code actionOut}; returns
     * log pi(action | obs), bit-identical to what {@link #logProb} gives for the same obs and action.
     * In float32 the action is rounded to float before its log-density is taken.
     */
    public double act(double[] obs, SplittableRandom rng, double[] meanOut, double[] actionOut) {
        Mlp.checkLength("obs", obs, obsSize, 1, obsSize);
        Mlp.checkLength("meanOut", meanOut, actionSize, 1, actionSize);
        Mlp.checkLength("actionOut", actionOut, actionSize, 1, actionSize);
        actRunner.forward(params, 0, obs, 1);
        double[] mu = actRunner.output();
        double logProb = 0.0;
        for (int j = 0; j < actionSize; j++) {
            double logStd = params[logStdOffset + j];
            double std = Fn.exp(logStd);
            double action = precision.round(mu[j] + std * Fn.standardNormal(rng));
            meanOut[j] = mu[j];
            actionOut[j] = action;
            logProb += logDensity(action, mu[j], logStd, std);
        }
        return logProb;
    }

    /** Means for a batch: obs row-major batch x obsSize, meanOut batch x actionSize. */
    public void mean(double[] obs, int batch, double[] meanOut) {
        Mlp.checkLength("meanOut", meanOut, batch * actionSize, batch, actionSize);
        eval.forward(params, 0, obs, batch);
        System.arraycopy(eval.output(), 0, meanOut, 0, batch * actionSize);
    }

    /** log pi(a|s) per sample into {@code logProbOut}; caches what {@link #backwardLogProb} needs. */
    public void logProb(double[] obs, double[] actions, int batch, double[] logProbOut) {
        Mlp.checkLength("actions", actions, batch * actionSize, batch, actionSize);
        Mlp.checkLength("logProbOut", logProbOut, batch, batch, 1);
        train.forward(params, 0, obs, batch);
        if (cachedActions.length < batch * actionSize) {
            cachedActions = new double[batch * actionSize];
        }
        System.arraycopy(actions, 0, cachedActions, 0, batch * actionSize);
        updateSigma();
        double[] mu = train.output();
        for (int b = 0; b < batch; b++) {
            int row = b * actionSize;
            double logProb = 0.0;
            for (int j = 0; j < actionSize; j++) {
                logProb += logDensity(actions[row + j], mu[row + j], params[logStdOffset + j], sigma[j]);
            }
            logProbOut[b] = logProb;
        }
    }

    /**
     * Accumulates into {@link #grads()} the gradient of sum_i dLogProb[i] * log pi(a_i|s_i) for the
     * batch of the last {@link #logProb} call, w.r.t. the Mlp parameters and the log-std.
     */
    public void backwardLogProb(double[] dLogProb) {
        int batch = train.batch();
        if (batch == 0) {
            throw new IllegalStateException("backwardLogProb needs a preceding logProb call");
        }
        Mlp.checkLength("dLogProb", dLogProb, batch, batch, 1);
        updateSigma();
        double[] mu = train.output();
        double[] dMean = outputScratch(batch);
        for (int b = 0; b < batch; b++) {
            int row = b * actionSize;
            double weight = dLogProb[b];
            for (int j = 0; j < actionSize; j++) {
                double diff = cachedActions[row + j] - mu[row + j];
                double z = diff / sigma[j];
                dMean[row + j] = weight * diff * inverseVariance[j]; // d logp / d mean = (a - mu) / sigma^2
                grads[logStdOffset + j] += weight * (z * z - 1.0); // d logp / d logstd = z^2 - 1
            }
        }
        train.backward(params, 0, dMean, grads, 0);
    }

    /** Entropy of the state-independent Gaussian: sum(logstd) + 0.5 * d * (1 + ln 2 pi). */
    public double entropy() {
        double sum = 0.0;
        for (int j = 0; j < actionSize; j++) {
            sum += params[logStdOffset + j];
        }
        return sum + 0.5 * actionSize * (1.0 + LOG_2PI);
    }

    /** Adds coef * d entropy / d logstd (= coef for every component) into {@link #grads()}. */
    public void accumulateEntropyGrad(double coef) {
        for (int j = 0; j < actionSize; j++) {
            grads[logStdOffset + j] += coef;
        }
    }

    /**
     * Mean over the batch of KL(old || new), where old has means {@code oldMeans} (batch x
     * actionSize) and log-std {@code oldLogStd}, and new is the policy at the current parameters:
     * KL = sum_j [ s_new - s_old + (sigma_old^2 + (mu_old - mu_new)^2) / (2 sigma_new^2) - 1/2 ].
     */
    public double meanKl(double[] obs, int batch, double[] oldMeans, double[] oldLogStd) {
        Mlp.checkLength("oldMeans", oldMeans, batch * actionSize, batch, actionSize);
        Mlp.checkLength("oldLogStd", oldLogStd, actionSize, 1, actionSize);
        eval.forward(params, 0, obs, batch);
        updateSigma();
        for (int j = 0; j < actionSize; j++) {
            double oldStd = Fn.exp(oldLogStd[j]);
            oldVariance[j] = oldStd * oldStd;
        }
        double[] mu = eval.output();
        double total = 0.0;
        for (int b = 0; b < batch; b++) {
            int row = b * actionSize;
            for (int j = 0; j < actionSize; j++) {
                double diff = oldMeans[row + j] - mu[row + j];
                total += params[logStdOffset + j] - oldLogStd[j]
                        + (oldVariance[j] + diff * diff) * 0.5 * inverseVariance[j] - 0.5;
            }
        }
        return total / batch;
    }

    /**
     * Fisher-vector product of the mean KL at the current parameters over the given batch:
     * F v = (1/batch) sum_i J_i^T M J_i v, exact (forward-mode J v through the Mlp, backprop of
     * J^T u), where M is the Fisher of the Gaussian in (mean, log-std): 1/sigma^2 for each mean,
     * 2 for each log-std (the two blocks do not interact). This equals the Hessian of
     * {@link #meanKl} with old = current. No damping is added. Writes into {@code out}
     * (length {@link #parameterCount()}), which must not be {@code v}.
     */
    public void fisherVectorProduct(double[] obs, int batch, double[] v, double[] out) {
        Mlp.checkLength("v", v, params.length, 1, params.length);
        Mlp.checkLength("out", out, params.length, 1, params.length);
        if (out == v) {
            throw new IllegalArgumentException("fisherVectorProduct: out must be a different array from v");
        }
        fisher.forward(params, 0, obs, batch);
        fisher.jvp(params, 0, v, 0);
        updateSigma();
        double[] jv = fisher.tangentOutput();
        double[] u = outputScratch(batch);
        for (int b = 0; b < batch; b++) {
            int row = b * actionSize;
            for (int j = 0; j < actionSize; j++) {
                u[row + j] = jv[row + j] * inverseVariance[j] / batch;
            }
        }
        Arrays.fill(out, 0, params.length, 0.0);
        fisher.backward(params, 0, u, out, 0);
        for (int j = 0; j < actionSize; j++) {
            out[logStdOffset + j] = 2.0 * v[logStdOffset + j];
        }
    }

    // ---------------------------------------------------------------- helpers

    /** log N(a; mu, exp(logStd)^2), given std = exp(logStd). */
    private static double logDensity(double a, double mu, double logStd, double std) {
        double z = (a - mu) / std;
        return -0.5 * z * z - logStd - 0.5 * LOG_2PI;
    }

    private void updateSigma() {
        for (int j = 0; j < actionSize; j++) {
            double std = Fn.exp(params[logStdOffset + j]);
            sigma[j] = std;
            inverseVariance[j] = 1.0 / (std * std);
        }
    }

    private double[] outputScratch(int batch) {
        if (outputGrad.length < batch * actionSize) {
            outputGrad = new double[batch * actionSize];
        }
        return outputGrad;
    }
}
