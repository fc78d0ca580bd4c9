package dev.ablate4j.nn;

/**
 * Buffers for one {@link Mlp}'s batch computations: the activations a forward pass caches for the
 * backward pass, the gradient and tangent buffers, and a transposed-weight scratch. Created by
 * {@link Mlp#newWorkspace()}; grows to the largest batch it has seen and then never allocates again.
 *
 * <p>A workspace holds the state of the last {@link Mlp#forward} called with it, so computations
 * that must not disturb each other (e.g. a cached training batch and rollout acting) use separate
 * workspaces. Not thread-safe.
 */
public final class MlpWorkspace {

    private final int[] sizes;
    private int capacity;
    private int batch;

    /** activations[l]: batch x sizes[l]; [0] is a copy of the input, the last is the linear output. */
    double[][] activations;
    /** Gradient w.r.t. the current layer's pre-activations, and w.r.t. its input (batch x widest). */
    double[] deltaOut;
    double[] deltaIn;
    /** Tangents (forward-mode derivatives) of the previous and current layer (batch x widest). */
    double[] tangentIn;
    double[] tangentOut;
    /** One layer's weights transposed (widest fan-in x widest fan-out). */
    final double[] transposed;

    MlpWorkspace(int[] sizes) {
        this.sizes = sizes.clone();
        int widestProduct = 0;
        for (int l = 1; l < sizes.length; l++) {
            widestProduct = Math.max(widestProduct, sizes[l - 1] * sizes[l]);
        }
        this.transposed = new double[widestProduct];
        this.activations = new double[sizes.length][];
        allocate(1);
    }

    /** The batch size of the last forward pass (0 before the first). */
    public int batch() {
        return batch;
    }

    /**
     * The network output of the last forward pass, row-major batch x outputSize. The array may be
     * longer than batch x outputSize; it is overwritten by the next forward pass.
     */
    public double[] output() {
        return activations[sizes.length - 1];
    }

    /**
     * The output tangent J v of the last {@link Mlp#jvp} call, row-major batch x outputSize; the
     * array may be longer and is overwritten by the next jvp.
     */
    public double[] tangentOutput() {
        return tangentOut;
    }

    void prepare(int newBatch) {
        if (newBatch > capacity) {
            allocate(newBatch);
        }
        batch = newBatch;
    }

    private void allocate(int newCapacity) {
        int widest = 0;
        for (int l = 0; l < sizes.length; l++) {
            activations[l] = new double[newCapacity * sizes[l]];
            widest = Math.max(widest, sizes[l]);
        }
        deltaOut = new double[newCapacity * widest];
        deltaIn = new double[newCapacity * widest];
        tangentIn = new double[newCapacity * widest];
        tangentOut = new double[newCapacity * widest];
        capacity = newCapacity;
    }

    void swapDeltas() {
        double[] t = deltaOut;
        deltaOut = deltaIn;
        deltaIn = t;
    }

    void swapTangents() {
        double[] t = tangentOut;
        tangentOut = tangentIn;
        tangentIn = t;
    }
}
