package dev.ablate4j.nn;

/**
 * One network's batch computations together with the state they cache: a forward pass, and the
 * backward pass and forward-mode derivative that depend on it. Parameter, gradient and tangent
 * arrays use the {@link Mlp} layout at the given offsets; batch arrays are row-major. Not
 * thread-safe. Created by {@link Backend#runner}.
 */
public interface MlpRunner {

    /** Forward pass of {@code batch} inputs (batch x inputSize); the result is in {@link #output()}. */
    void forward(double[] params, int offset, double[] input, int batch);

    /** The batch size of the last forward pass (0 before the first). */
    int batch();

    /** The output of the last forward pass, batch x outputSize; the array may be longer and is overwritten by the next. */
    double[] output();

    /**
     * Adds to {@code grads} the gradient of sum_b sum_k dOutput[b][k] * output[b][k] for the batch of
     * the last forward pass; {@code params} must be unchanged since then.
     */
    void backward(double[] params, int offset, double[] dOutput, double[] grads, int gradOffset);

    /** The output tangent J v for the batch of the last forward pass, left in {@link #tangentOutput()}. */
    void jvp(double[] params, int offset, double[] tangent, int tangentOffset);

    /** The result of the last {@link #jvp}, batch x outputSize; the array may be longer. */
    double[] tangentOutput();
}
