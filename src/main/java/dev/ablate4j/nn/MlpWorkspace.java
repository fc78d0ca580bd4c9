package dev.ablate4j.nn;

/**
 * Buffers for one {@link Mlp}'s batch computations: the activations a forward pass caches for the
 * backward pass, the gradient and tangent buffers, and copies of the weights in the row layout the
 * kernels use. Created by {@link Mlp#newWorkspace()}; grows to the largest batch it has seen and
 * then never allocates again.
 *
 * <p>Batch data is held as one array per sample (a row), and weights as one array per row of the
 * weight block: loops whose arrays all start at index 0 are the ones the JIT vectorizes (loops
 * over one flat array at different run-time offsets are not vectorized by C2 on JDK 17 or 25).
 *
 * <p>A workspace holds the state of the last {@link Mlp#forward} called with it, so computations
 * that must not disturb each other (e.g. a cached training batch and rollout acting) use separate
 * workspaces. Not thread-safe.
 */
public final class MlpWorkspace {

    private final int[] sizes;
    private final int widest;
    private int capacity;
    private int batch;

    /** activations[l][b]: sample b's values at layer l; [0] is a copy of the input, the last the linear output. */
    double[][][] activations;
    /** Gradient w.r.t. the current layer's pre-activations, and w.r.t. its input (one row per sample, widest). */
    double[][] deltaOut;
    double[][] deltaIn;
    /** Tangents (forward-mode derivatives) of the previous and current layer (one row per sample, widest). */
    double[][] tangentIn;
    double[][] tangentOut;
    /** The output layer flattened (batch x outputSize), and the output tangent likewise. */
    private double[] output;
    private double[] tangentFlat;
    /** Per layer l (0-based), created on first use: the weights as rows, weights[l][i][o] = W(i, o). */
    private final double[][][] weights;
    /** Per layer, created on first use: the weights transposed, transposed[l][o][i] = W(i, o). */
    private final double[][][] transposed;
    /** Per layer, created on first use: a weight gradient or tangent as rows, shaped as {@link #weights}. */
    private final double[][][] weightScratch;
    /** A bias gradient (widest). */
    final double[] biasScratch;
    /** The hidden tanh's scratch space ({@link DoubleKernelSet#tanh}). */
    final double[] tanhScratch = new double[DoubleKernelSet.TANH_SCRATCH];

    MlpWorkspace(int[] sizes) {
        this.sizes = sizes.clone();
        int w = 0;
        for (int s : sizes) {
            w = Math.max(w, s);
        }
        widest = w;
        int layers = sizes.length - 1;
        weights = new double[layers][][];
        transposed = new double[layers][][];
        weightScratch = new double[layers][][];
        biasScratch = new double[widest];
        activations = new double[sizes.length][][];
        allocate(1);
    }

    double[][] weights(int layer) {
        if (weights[layer] == null) {
            weights[layer] = new double[sizes[layer]][sizes[layer + 1]];
        }
        return weights[layer];
    }

    double[][] transposed(int layer) {
        if (transposed[layer] == null) {
            transposed[layer] = new double[sizes[layer + 1]][sizes[layer]];
        }
        return transposed[layer];
    }

    double[][] weightScratch(int layer) {
        if (weightScratch[layer] == null) {
            weightScratch[layer] = new double[sizes[layer]][sizes[layer + 1]];
        }
        return weightScratch[layer];
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
        return output;
    }

    /**
     * The output tangent J v of the last {@link Mlp#jvp} call, row-major batch x outputSize; the
     * array may be longer and is overwritten by the next jvp.
     */
    public double[] tangentOutput() {
        return tangentFlat;
    }

    void prepare(int newBatch) {
        if (newBatch > capacity) {
            allocate(Math.max(newBatch, capacity));
        }
        batch = newBatch;
    }

    private void allocate(int newCapacity) {
        for (int l = 0; l < sizes.length; l++) {
            activations[l] = new double[newCapacity][sizes[l]];
        }
        deltaOut = new double[newCapacity][widest];
        deltaIn = new double[newCapacity][widest];
        tangentIn = new double[newCapacity][widest];
        tangentOut = new double[newCapacity][widest];
        output = new double[newCapacity * sizes[sizes.length - 1]];
        tangentFlat = new double[newCapacity * sizes[sizes.length - 1]];
        capacity = newCapacity;
    }

    void swapDeltas() {
        double[][] t = deltaOut;
        deltaOut = deltaIn;
        deltaIn = t;
    }

    void swapTangents() {
        double[][] t = tangentOut;
        tangentOut = tangentIn;
        tangentIn = t;
    }
}
