package dev.ablate4j.nn;

import java.util.Arrays;

/**
 * Layer layout and math of a fully connected network; the parameters live in a caller's flat
 * {@code double[]} at an offset, so several networks (or a network and extra parameters such as a
 * log-std vector) can share one array that an optimizer updates as a whole.
 *
 * <p>Layout: for each layer l = 1..L with fan-in n and fan-out m, first the weights as an n x m
 * row-major block (element (i, o) at {@code i*m + o}: input i to output o, i.e. the transpose of the
 * usual m x n weight matrix, so that the inner loops of the forward pass run over contiguous
 * outputs), then the m biases. Hidden layers apply the {@link Activation}; the last layer is
 * linear.
 *
 * <p>All batch arrays are row-major (batch x width). The computations keep their state in an
 * {@link MlpWorkspace}; an {@code Mlp} itself is immutable.
 */
public final class Mlp {

    /** The batch matrix products, chosen once per JVM (scalar or Vector API: the same bits). */
    private static final DoubleKernelSet KERNELS = DoubleKernelChoice.KERNELS;

    private final int[] sizes;
    private final int[] weightOffsets;
    private final int parameterCount;
    private final Activation activation;

    /**
     * @param inputSize input width, at least 1
     * @param hiddenSizes widths of the hidden layers (may be empty for a linear map), each at least 1
     * @param outputSize output width, at least 1
     * @param activation the hidden-layer activation
     */
    public Mlp(int inputSize, int[] hiddenSizes, int outputSize, Activation activation) {
        if (hiddenSizes == null) {
            throw new IllegalArgumentException("Mlp hiddenSizes must not be null (use an empty array for none)");
        }
        if (activation == null) {
            throw new IllegalArgumentException("Mlp activation must not be null; allowed: TANH, RELU");
        }
        sizes = new int[hiddenSizes.length + 2];
        sizes[0] = inputSize;
        System.arraycopy(hiddenSizes, 0, sizes, 1, hiddenSizes.length);
        sizes[sizes.length - 1] = outputSize;
        for (int s : sizes) {
            if (s < 1) {
                throw new IllegalArgumentException(
                        "Mlp layer sizes must all be >= 1, got " + Arrays.toString(sizes));
            }
        }
        weightOffsets = new int[sizes.length - 1];
        int count = 0;
        for (int l = 1; l < sizes.length; l++) {
            weightOffsets[l - 1] = count;
            count += sizes[l - 1] * sizes[l] + sizes[l];
        }
        parameterCount = count;
        this.activation = activation;
    }

    /** Number of doubles this network occupies in a parameter array. */
    public int parameterCount() {
        return parameterCount;
    }

    public int inputSize() {
        return sizes[0];
    }

    public int outputSize() {
        return sizes[sizes.length - 1];
    }

    public Activation activation() {
        return activation;
    }

    /** Widths of all layers: input, hidden..., output (a copy). */
    public int[] layerSizes() {
        return sizes.clone();
    }

    /** Number of weight layers (hidden layers + 1). */
    public int layerCount() {
        return sizes.length - 1;
    }

    /** Offset, relative to the network's block, of the weights of layer {@code layer} (0-based); its biases follow them. */
    public int weightOffset(int layer) {
        return weightOffsets[layer];
    }

    /** A fresh workspace for this network's batch computations. */
    public MlpWorkspace newWorkspace() {
        return new MlpWorkspace(sizes);
    }

    // ---------------------------------------------------------------- computation

    /**
     * Forward pass of {@code batch} inputs (row-major, batch x inputSize). The output is left in
     * {@link MlpWorkspace#output()}; the activations stay cached in {@code ws} for {@link #backward}
     * and {@link #jvp}.
     */
    public void forward(double[] params, int offset, double[] input, int batch, MlpWorkspace ws) {
        checkParams(params, offset);
        checkBatch(batch);
        checkLength("input", input, batch * sizes[0], batch, sizes[0]);
        ws.prepare(batch);
        double[][] in = ws.activations[0];
        for (int b = 0; b < batch; b++) {
            System.arraycopy(input, b * sizes[0], in[b], 0, sizes[0]);
        }
        int last = sizes.length - 1;
        for (int l = 1; l <= last; l++) {
            int n = sizes[l - 1];
            int m = sizes[l];
            int w = offset + weightOffsets[l - 1];
            int bias = w + n * m;
            double[][] x = ws.activations[l - 1];
            double[][] z = ws.activations[l];
            for (int b = 0; b < batch; b++) {
                System.arraycopy(params, bias, z[b], 0, m);
            }
            if (batch == 1) { // acting: no copy of the weights, one row straight from the parameter array
                MatrixKernels.addCombination(x[0], 0, 1, params, w, m, n, z[0], 0, m);
            } else {
                KERNELS.multiplyAccumulate(x, MatrixKernels.weightRows(params, w, n, m, ws.weights(l - 1)), z, batch, n, m); // z += x W
            }
            if (l < last) {
                for (int b = 0; b < batch; b++) {
                    activate(z[b], m, ws.tanhScratch);
                }
            }
        }
        MatrixKernels.flatten(ws.activations[last], batch, outputSize(), ws.output());
    }

    /**
     * Backward pass for the batch of the last {@link #forward} with {@code ws}: accumulates into
     * {@code grads} (same layout, at {@code gradOffset}) the gradient of sum_b sum_k dOutput[b][k] *
     * output[b][k]. {@code params} must be unchanged since that forward pass.
     */
    public void backward(double[] params, int offset, double[] dOutput, MlpWorkspace ws, double[] grads, int gradOffset) {
        checkParams(params, offset);
        checkParams(grads, gradOffset);
        int batch = ws.batch();
        checkForwardDone(batch);
        checkLength("dOutput", dOutput, batch * outputSize(), batch, outputSize());
        for (int b = 0; b < batch; b++) {
            System.arraycopy(dOutput, b * outputSize(), ws.deltaOut[b], 0, outputSize());
        }
        for (int l = sizes.length - 1; l >= 1; l--) {
            int n = sizes[l - 1];
            int m = sizes[l];
            int w = weightOffsets[l - 1];
            int gradW = gradOffset + w;
            int gradB = gradW + n * m;
            double[][] x = ws.activations[l - 1];
            double[][] dz = ws.deltaOut;
            // db += sum_b dz[b], in order of b
            double[] db = ws.biasScratch;
            System.arraycopy(grads, gradB, db, 0, m);
            for (int b = 0; b < batch; b++) {
                MatrixKernels.axpy(1.0, dz[b], 0, db, 0, m);
            }
            System.arraycopy(db, 0, grads, gradB, m);
            // dW += x^T dz (dW[i][:] += sum_b x[b][i] dz[b][:]), in blocks of batch rows that stay in cache
            double[][] dW = MatrixKernels.weightRows(grads, gradW, n, m, ws.weightScratch(l - 1));
            for (int b0 = 0; b0 < batch; b0 += MatrixKernels.BATCH_BLOCK) {
                KERNELS.multiplyAccumulateTransposed(x, b0, dz, dW, n, Math.min(MatrixKernels.BATCH_BLOCK, batch - b0), m);
            }
            for (int i = 0; i < n; i++) {
                System.arraycopy(dW[i], 0, grads, gradW + i * m, m);
            }
            if (l > 1) {
                double[][] t = MatrixKernels.transposedWeightRows(params, offset + w, n, m, ws.transposed(l - 1));
                double[][] dx = ws.deltaIn;
                for (int b = 0; b < batch; b++) {
                    Arrays.fill(dx[b], 0, n, 0.0);
                }
                KERNELS.multiplyAccumulate(dz, t, dx, batch, m, n); // dx = dz W^T
                for (int b = 0; b < batch; b++) {
                    multiplyByDerivative(x[b], dx[b], n);
                }
                ws.swapDeltas();
            }
        }
    }

    /**
     * Forward-mode derivative for the batch of the last {@link #forward} with {@code ws}: the output
     * tangent J v, where J is the Jacobian of the outputs w.r.t. the parameters and v is
     * {@code tangent} at {@code tangentOffset} (same layout as the parameters). The result is left
     * in {@link MlpWorkspace#tangentOutput()}.
     */
    public void jvp(double[] params, int offset, double[] tangent, int tangentOffset, MlpWorkspace ws) {
        checkParams(params, offset);
        checkParams(tangent, tangentOffset);
        int batch = ws.batch();
        checkForwardDone(batch);
        int last = sizes.length - 1;
        for (int l = 1; l <= last; l++) {
            int n = sizes[l - 1];
            int m = sizes[l];
            int w = weightOffsets[l - 1];
            int tangentW = tangentOffset + w;
            int tangentB = tangentW + n * m;
            double[][] x = ws.activations[l - 1];
            double[][] tIn = ws.tangentIn;
            double[][] tOut = ws.tangentOut;
            for (int b = 0; b < batch; b++) {
                System.arraycopy(tangent, tangentB, tOut[b], 0, m);
            }
            KERNELS.multiplyAccumulate(x, MatrixKernels.weightRows(tangent, tangentW, n, m, ws.weightScratch(l - 1)), tOut, batch, n, m);
            if (l > 1) { // + dx W (the network input itself does not depend on the parameters)
                KERNELS.multiplyAccumulate(tIn, MatrixKernels.weightRows(params, offset + w, n, m, ws.weights(l - 1)), tOut, batch, n, m);
            }
            if (l < last) {
                for (int b = 0; b < batch; b++) {
                    multiplyByDerivative(ws.activations[l][b], tOut[b], m);
                }
                ws.swapTangents();
            }
        }
        MatrixKernels.flatten(ws.tangentOut, batch, outputSize(), ws.tangentOutput());
    }

    private void activate(double[] z, int count, double[] tanhScratch) {
        if (activation == Activation.TANH) {
            KERNELS.tanh(z, count, tanhScratch); // Fn.tanh element by element
        } else {
            for (int k = 0; k < count; k++) {
                z[k] = z[k] > 0.0 ? z[k] : 0.0;
            }
        }
    }

    /** d *= f'(z), written in terms of the activation's output a = f(z). */
    private void multiplyByDerivative(double[] a, double[] d, int count) {
        if (activation == Activation.TANH) {
            for (int k = 0; k < count; k++) {
                d[k] *= 1.0 - a[k] * a[k];
            }
        } else {
            for (int k = 0; k < count; k++) {
                d[k] = a[k] > 0.0 ? d[k] : 0.0;
            }
        }
    }

    // ---------------------------------------------------------------- checks

    private void checkParams(double[] params, int offset) {
        if (params == null || offset < 0 || offset + parameterCount > params.length) {
            throw new IllegalArgumentException("Mlp parameter array too short: needs " + parameterCount
                    + " values from offset " + offset + ", has length " + (params == null ? "null" : params.length));
        }
    }

    private static void checkBatch(int batch) {
        if (batch < 1) {
            throw new IllegalArgumentException("batch must be >= 1, got " + batch);
        }
    }

    private static void checkForwardDone(int batch) {
        if (batch < 1) {
            throw new IllegalStateException("no forward pass has been run with this workspace");
        }
    }

    static void checkLength(String name, double[] array, int needed, int batch, int width) {
        if (array == null || array.length < needed) {
            throw new IllegalArgumentException(name + " has " + (array == null ? "no" : array.length)
                    + " values; batch " + batch + " x width " + width + " = " + needed + " needed");
        }
    }
}
