package dev.ablate4j.nn;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Value network: an {@link Mlp} with one output. Batch-1 {@link #predict(double[])} and the cached
 * batch {@link #predict(double[], int, double[])} use separate workspaces, so acting between a
 * batch prediction and its {@link #backward} is safe. No allocation after the largest batch has
 * been seen. Not thread-safe.
 */
public final class ValueNet {

    private final Mlp mlp;
    private final double[] params;
    private final double[] grads;
    private final MlpRunner singleRunner;
    private final MlpRunner batchRunner;
    private final Backend backend;
    private final Precision precision;

    public ValueNet(int obsSize, int[] hidden, Activation activation) {
        this(obsSize, hidden, activation, JavaBackend.INSTANCE);
    }

    /** A value network whose batch computations run on {@code backend} (batch-1 prediction always in plain Java). */
    public ValueNet(int obsSize, int[] hidden, Activation activation, Backend backend) {
        this(obsSize, hidden, activation, backend, Precision.FLOAT64);
    }

    /** A value network computing in {@code precision} (float32: {@link FloatMlpRunner}, parameters rounded at init). */
    public ValueNet(int obsSize, int[] hidden, Activation activation, Backend backend, Precision precision) {
        this.backend = backend;
        this.precision = precision;
        this.mlp = new Mlp(obsSize, hidden, 1, activation);
        this.params = new double[mlp.parameterCount()];
        this.grads = new double[params.length];
        this.singleRunner = precision.runner(mlp, JavaBackend.INSTANCE);
        this.batchRunner = precision.runner(mlp, backend);
    }

    /** The live parameter array (layout: see {@link Mlp}). */
    public double[] params() {
        return params;
    }

    /** The live gradient array; {@link #backward} adds to it. */
    public double[] grads() {
        return grads;
    }

    public void zeroGrads() {
        Arrays.fill(grads, 0.0);
    }

    public int obsSize() {
        return mlp.inputSize();
    }

    public int parameterCount() {
        return params.length;
    }

    /** The backend of the batch computations. */
    public Backend backend() {
        return backend;
    }

    /** The precision the network computes in. */
    public Precision precision() {
        return precision;
    }

    public Mlp mlp() {
        return mlp;
    }

    /** Orthogonal init (gain sqrt(2) hidden layers, 1.0 head) or Xavier-uniform; biases 0; gradients zeroed. */
    public void initialize(boolean orthogonal, SplittableRandom rng) {
        Initialization.apply(mlp, params, orthogonal, Initialization.VALUE_HEAD_GAIN, rng);
        precision.roundAll(params);
        zeroGrads();
    }

    /** V(obs) for one observation. */
    public double predict(double[] obs) {
        singleRunner.forward(params, 0, obs, 1);
        return singleRunner.output()[0];
    }

    /** V for a batch (obs row-major batch x obsSize) into {@code out}; caches for {@link #backward}. */
    public void predict(double[] obs, int batch, double[] out) {
        Mlp.checkLength("out", out, batch, batch, 1);
        batchRunner.forward(params, 0, obs, batch);
        System.arraycopy(batchRunner.output(), 0, out, 0, batch);
    }

    /** Accumulates into {@link #grads()} the gradient of sum_i dOut[i] * V_i for the last batch predict. */
    public void backward(double[] dOut) {
        if (batchRunner.batch() == 0) {
            throw new IllegalStateException("ValueNet.backward needs a preceding batch predict");
        }
        batchRunner.backward(params, 0, dOut, grads, 0);
    }
}
