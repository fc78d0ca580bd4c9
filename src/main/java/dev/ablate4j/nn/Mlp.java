package dev.ablate4j.nn;

import java.util.Arrays;
import java.util.SplittableRandom;

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

    // ---------------------------------------------------------------- initialization

    /**
     * Orthogonal weights (QR of a Gaussian matrix with the sign correction that makes them uniformly distributed),
     * scaled by {@code hiddenGain} for the hidden layers and {@code outputGain} for the last layer;
     * biases 0. For an m x n (out x in) weight matrix the rows are orthonormal times the gain when
     * m {@literal <=} n, otherwise the columns are.
     */
    public void initOrthogonal(double[] params, int offset, double hiddenGain, double outputGain, SplittableRandom rng) {
        checkParams(params, offset);
        for (int l = 1; l < sizes.length; l++) {
            int n = sizes[l - 1];
            int m = sizes[l];
            double gain = l == sizes.length - 1 ? outputGain : hiddenGain;
            double[][] q = Orthogonal.matrix(m, n, gain, rng);
            int w = offset + weightOffsets[l - 1];
            for (int o = 0; o < m; o++) {
                for (int i = 0; i < n; i++) {
                    params[w + i * m + o] = q[o][i];
                }
            }
            Arrays.fill(params, w + n * m, w + n * m + m, 0.0);
        }
    }

    /**
     * Xavier-uniform (Glorot) weights U(-a, a) with a = sqrt(6 / (fanIn + fanOut)), drawn in the
     * order of the usual out x in matrix, row by row; biases 0.
     */
    public void initXavierUniform(double[] params, int offset, SplittableRandom rng) {
        checkParams(params, offset);
        for (int l = 1; l < sizes.length; l++) {
            int n = sizes[l - 1];
            int m = sizes[l];
            double a = Math.sqrt(6.0 / (n + m));
            int w = offset + weightOffsets[l - 1];
            for (int o = 0; o < m; o++) {
                for (int i = 0; i < n; i++) {
                    params[w + i * m + o] = rng.nextDouble(-a, a);
                }
            }
            Arrays.fill(params, w + n * m, w + n * m + m, 0.0);
        }
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
        System.arraycopy(input, 0, ws.activations[0], 0, batch * sizes[0]);
        int last = sizes.length - 1;
        for (int l = 1; l <= last; l++) {
            int n = sizes[l - 1];
            int m = sizes[l];
            int w = offset + weightOffsets[l - 1];
            int bias = w + n * m;
            double[] x = ws.activations[l - 1];
            double[] z = ws.activations[l];
            for (int b = 0; b < batch; b++) {
                int xRow = b * n;
                int zRow = b * m;
                System.arraycopy(params, bias, z, zRow, m);
                addCombination(x, xRow, 1, params, w, m, n, z, zRow, m); // z_b += x_b W
            }
            if (l < last) {
                activate(z, batch * m);
            }
        }
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
        System.arraycopy(dOutput, 0, ws.deltaOut, 0, batch * outputSize());
        for (int l = sizes.length - 1; l >= 1; l--) {
            int n = sizes[l - 1];
            int m = sizes[l];
            int w = weightOffsets[l - 1];
            int gradW = gradOffset + w;
            int gradB = gradW + n * m;
            double[] x = ws.activations[l - 1];
            double[] dz = ws.deltaOut;
            for (int b = 0; b < batch; b++) {
                axpy(1.0, dz, b * m, grads, gradB, m);
            }
            // dW[i][:] += sum_b x[b][i] dz[b][:], in blocks of rows of the batch that stay in cache
            for (int b0 = 0; b0 < batch; b0 += BATCH_BLOCK) {
                int rows = Math.min(BATCH_BLOCK, batch - b0);
                for (int i = 0; i < n; i++) {
                    addCombination(x, b0 * n + i, n, dz, b0 * m, m, rows, grads, gradW + i * m, m);
                }
            }
            if (l > 1) {
                double[] t = transposeWeights(params, offset + w, n, m, ws.transposed);
                double[] dx = ws.deltaIn;
                for (int b = 0; b < batch; b++) {
                    int xRow = b * n;
                    Arrays.fill(dx, xRow, xRow + n, 0.0);
                    addCombination(dz, b * m, 1, t, 0, n, m, dx, xRow, n); // dx_b = dz_b W^T
                }
                multiplyByDerivative(x, dx, batch * n);
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
            double[] x = ws.activations[l - 1];
            double[] tIn = ws.tangentIn;
            double[] tOut = ws.tangentOut;
            for (int b = 0; b < batch; b++) {
                int xRow = b * n;
                int zRow = b * m;
                System.arraycopy(tangent, tangentB, tOut, zRow, m);
                addCombination(x, xRow, 1, tangent, tangentW, m, n, tOut, zRow, m); // x_b dW
                if (l > 1) { // dx_b W (the network input itself does not depend on the parameters)
                    addCombination(tIn, xRow, 1, params, offset + w, m, n, tOut, zRow, m);
                }
            }
            if (l < last) {
                multiplyByDerivative(ws.activations[l], tOut, batch * m);
                ws.swapTangents();
            }
        }
    }

    // ---------------------------------------------------------------- kernels

    /** Rows of the batch per block in the weight-gradient accumulation (keeps the block in L1). */
    private static final int BATCH_BLOCK = 32;

    /**
     * y[yOff + o] += sum_k c[cOff + k*cStride] * a[aOff + k*aStride + o] for o {@literal <} len, k {@literal <} count: a
     * linear combination of {@code count} contiguous rows of {@code a}. The terms are added to each
     * y[o] one by one in order of k, exactly as {@code count} successive {@link #axpy} calls would,
     * but four rows per pass so y is loaded and stored a quarter as often; the inner loops run over
     * contiguous o, which the JIT vectorizes.
     */
    static void addCombination(double[] c, int cOff, int cStride, double[] a, int aOff, int aStride, int count,
            double[] y, int yOff, int len) {
        int k = 0;
        for (; k + 3 < count; k += 4) {
            double c0 = c[cOff + k * cStride];
            double c1 = c[cOff + (k + 1) * cStride];
            double c2 = c[cOff + (k + 2) * cStride];
            double c3 = c[cOff + (k + 3) * cStride];
            int a0 = aOff + k * aStride;
            int a1 = a0 + aStride;
            int a2 = a1 + aStride;
            int a3 = a2 + aStride;
            for (int o = 0; o < len; o++) {
                y[yOff + o] = y[yOff + o] + c0 * a[a0 + o] + c1 * a[a1 + o] + c2 * a[a2 + o] + c3 * a[a3 + o];
            }
        }
        for (; k < count; k++) {
            axpy(c[cOff + k * cStride], a, aOff + k * aStride, y, yOff, len);
        }
    }

    /** y[yOff..yOff+n) += a * x[xOff..xOff+n): a contiguous loop the JIT vectorizes. */
    static void axpy(double a, double[] x, int xOff, double[] y, int yOff, int n) {
        for (int k = 0; k < n; k++) {
            y[yOff + k] += a * x[xOff + k];
        }
    }

    private void activate(double[] z, int count) {
        if (activation == Activation.TANH) {
            for (int k = 0; k < count; k++) {
                z[k] = Fn.tanh(z[k]);
            }
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

    private static double[] transposeWeights(double[] params, int w, int n, int m, double[] out) {
        for (int i = 0; i < n; i++) {
            for (int o = 0; o < m; o++) {
                out[o * n + i] = params[w + i * m + o];
            }
        }
        return out;
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
