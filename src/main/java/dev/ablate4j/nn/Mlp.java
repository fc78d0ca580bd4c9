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
                addCombination(x[0], 0, 1, params, w, m, n, z[0], 0, m);
            } else {
                multiplyAccumulate(x, weightRows(params, w, n, m, ws.weights(l - 1)), z, batch, n, m); // z += x W
            }
            if (l < last) {
                for (int b = 0; b < batch; b++) {
                    activate(z[b], m);
                }
            }
        }
        flatten(ws.activations[last], batch, outputSize(), ws.output());
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
                axpy(1.0, dz[b], 0, db, 0, m);
            }
            System.arraycopy(db, 0, grads, gradB, m);
            // dW += x^T dz (dW[i][:] += sum_b x[b][i] dz[b][:]), in blocks of batch rows that stay in cache
            double[][] dW = weightRows(grads, gradW, n, m, ws.weightScratch(l - 1));
            for (int b0 = 0; b0 < batch; b0 += BATCH_BLOCK) {
                multiplyAccumulateTransposed(x, b0, dz, dW, n, Math.min(BATCH_BLOCK, batch - b0), m);
            }
            for (int i = 0; i < n; i++) {
                System.arraycopy(dW[i], 0, grads, gradW + i * m, m);
            }
            if (l > 1) {
                double[][] t = transposedWeightRows(params, offset + w, n, m, ws.transposed(l - 1));
                double[][] dx = ws.deltaIn;
                for (int b = 0; b < batch; b++) {
                    java.util.Arrays.fill(dx[b], 0, n, 0.0);
                }
                multiplyAccumulate(dz, t, dx, batch, m, n); // dx = dz W^T
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
            multiplyAccumulate(x, weightRows(tangent, tangentW, n, m, ws.weightScratch(l - 1)), tOut, batch, n, m);
            if (l > 1) { // + dx W (the network input itself does not depend on the parameters)
                multiplyAccumulate(tIn, weightRows(params, offset + w, n, m, ws.weights(l - 1)), tOut, batch, n, m);
            }
            if (l < last) {
                for (int b = 0; b < batch; b++) {
                    multiplyByDerivative(ws.activations[l][b], tOut[b], m);
                }
                ws.swapTangents();
            }
        }
        flatten(ws.tangentOut, batch, outputSize(), ws.tangentOutput());
    }

    // ---------------------------------------------------------------- kernels

    /** Rows of the batch per block in the weight-gradient accumulation (keeps the block in L1). */
    private static final int BATCH_BLOCK = 32;

    /**
     * y[r][o] += sum_k c[r][k] a[k][o] for r {@literal <} rows, k {@literal <} count, o {@literal <} len.
     * Each y[r][o] receives its terms one by one in ascending k, exactly as the plain triple loop
     * would, so results are bit-identical to it; the blocking (two rows of y and two of a per pass,
     * so each element of a loaded serves two rows and each y element is stored once per two terms)
     * changes only how often memory is touched. The inner loops run over contiguous o from index
     * 0 in every array, which C2 vectorizes. y's rows must be distinct from a's and c's.
     */
    static void multiplyAccumulate(double[][] c, double[][] a, double[][] y, int rows, int count, int len) {
        int r = 0;
        for (; r + 2 < rows; r += 3) {
            double[] c0 = c[r];
            double[] c1 = c[r + 1];
            double[] c2 = c[r + 2];
            double[] y0 = y[r];
            double[] y1 = y[r + 1];
            double[] y2 = y[r + 2];
            int k = 0;
            for (; k + 1 < count; k += 2) {
                double p0 = c0[k];
                double p1 = c0[k + 1];
                double q0 = c1[k];
                double q1 = c1[k + 1];
                double s0 = c2[k];
                double s1 = c2[k + 1];
                double[] a0 = a[k];
                double[] a1 = a[k + 1];
                for (int o = 0; o < len; o++) {
                    double w0 = a0[o];
                    double w1 = a1[o];
                    y0[o] = y0[o] + p0 * w0 + p1 * w1;
                    y1[o] = y1[o] + q0 * w0 + q1 * w1;
                    y2[o] = y2[o] + s0 * w0 + s1 * w1;
                }
            }
            if (k < count) {
                double p = c0[k];
                double q = c1[k];
                double s = c2[k];
                double[] ak = a[k];
                for (int o = 0; o < len; o++) {
                    double wk = ak[o];
                    y0[o] += p * wk;
                    y1[o] += q * wk;
                    y2[o] += s * wk;
                }
            }
        }
        for (; r + 1 < rows; r += 2) {
            double[] c0 = c[r];
            double[] c1 = c[r + 1];
            double[] y0 = y[r];
            double[] y1 = y[r + 1];
            int k = 0;
            for (; k + 1 < count; k += 2) {
                double p0 = c0[k];
                double p1 = c0[k + 1];
                double q0 = c1[k];
                double q1 = c1[k + 1];
                double[] a0 = a[k];
                double[] a1 = a[k + 1];
                for (int o = 0; o < len; o++) {
                    double w0 = a0[o];
                    double w1 = a1[o];
                    y0[o] = y0[o] + p0 * w0 + p1 * w1;
                    y1[o] = y1[o] + q0 * w0 + q1 * w1;
                }
            }
            if (k < count) {
                double p = c0[k];
                double q = c1[k];
                double[] ak = a[k];
                for (int o = 0; o < len; o++) {
                    double wk = ak[o];
                    y0[o] += p * wk;
                    y1[o] += q * wk;
                }
            }
        }
        if (r < rows) {
            double[] cr = c[r];
            double[] yr = y[r];
            int k = 0;
            for (; k + 3 < count; k += 4) {
                double p0 = cr[k];
                double p1 = cr[k + 1];
                double p2 = cr[k + 2];
                double p3 = cr[k + 3];
                double[] a0 = a[k];
                double[] a1 = a[k + 1];
                double[] a2 = a[k + 2];
                double[] a3 = a[k + 3];
                for (int o = 0; o < len; o++) {
                    yr[o] = yr[o] + p0 * a0[o] + p1 * a1[o] + p2 * a2[o] + p3 * a3[o];
                }
            }
            for (; k < count; k++) {
                axpy(cr[k], a[k], 0, yr, 0, len);
            }
        }
    }

    /**
     * y[r][o] += sum_k c[k0 + k][r] a[k0 + k][o] for r {@literal <} rows, k {@literal <} count,
     * o {@literal <} len (y += c^T a over a block of c's and a's rows), each y[r][o] receiving its
     * terms in ascending k; blocked as {@link #multiplyAccumulate}.
     */
    static void multiplyAccumulateTransposed(double[][] c, int k0, double[][] a, double[][] y, int rows, int count,
            int len) {
        int end = k0 + count;
        int r = 0;
        for (; r + 2 < rows; r += 3) {
            double[] y0 = y[r];
            double[] y1 = y[r + 1];
            double[] y2 = y[r + 2];
            int k = k0;
            for (; k + 1 < end; k += 2) {
                double[] ck0 = c[k];
                double[] ck1 = c[k + 1];
                double p0 = ck0[r];
                double p1 = ck1[r];
                double q0 = ck0[r + 1];
                double q1 = ck1[r + 1];
                double s0 = ck0[r + 2];
                double s1 = ck1[r + 2];
                double[] a0 = a[k];
                double[] a1 = a[k + 1];
                for (int o = 0; o < len; o++) {
                    double w0 = a0[o];
                    double w1 = a1[o];
                    y0[o] = y0[o] + p0 * w0 + p1 * w1;
                    y1[o] = y1[o] + q0 * w0 + q1 * w1;
                    y2[o] = y2[o] + s0 * w0 + s1 * w1;
                }
            }
            if (k < end) {
                double p = c[k][r];
                double q = c[k][r + 1];
                double s = c[k][r + 2];
                double[] ak = a[k];
                for (int o = 0; o < len; o++) {
                    double wk = ak[o];
                    y0[o] += p * wk;
                    y1[o] += q * wk;
                    y2[o] += s * wk;
                }
            }
        }
        for (; r + 1 < rows; r += 2) {
            double[] y0 = y[r];
            double[] y1 = y[r + 1];
            int k = k0;
            for (; k + 1 < end; k += 2) {
                double[] ck0 = c[k];
                double[] ck1 = c[k + 1];
                double p0 = ck0[r];
                double p1 = ck1[r];
                double q0 = ck0[r + 1];
                double q1 = ck1[r + 1];
                double[] a0 = a[k];
                double[] a1 = a[k + 1];
                for (int o = 0; o < len; o++) {
                    double w0 = a0[o];
                    double w1 = a1[o];
                    y0[o] = y0[o] + p0 * w0 + p1 * w1;
                    y1[o] = y1[o] + q0 * w0 + q1 * w1;
                }
            }
            if (k < end) {
                double p = c[k][r];
                double q = c[k][r + 1];
                double[] ak = a[k];
                for (int o = 0; o < len; o++) {
                    double wk = ak[o];
                    y0[o] += p * wk;
                    y1[o] += q * wk;
                }
            }
        }
        if (r < rows) {
            double[] yr = y[r];
            for (int k = k0; k < end; k++) {
                axpy(c[k][r], a[k], 0, yr, 0, len);
            }
        }
    }

    /**
     * y[yOff + o] += sum_k c[cOff + k*cStride] * a[aOff + k*aStride + o] for o {@literal <} len, k {@literal <} count: a
     * linear combination of {@code count} contiguous rows of {@code a}. The terms are added to each
     * y[o] one by one in order of k, exactly as {@code count} successive {@link #axpy} calls would,
     * but four rows per pass so y is loaded and stored a quarter as often. Used for a single sample
     * straight from the flat parameter array.
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

    /** y[yOff..yOff+n) += a * x[xOff..xOff+n). */
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

    /** Copies the n x m block at {@code w} of a flat array into rows: rows[i][o] = flat[w + i*m + o]. */
    private static double[][] weightRows(double[] flat, int w, int n, int m, double[][] rows) {
        for (int i = 0; i < n; i++) {
            System.arraycopy(flat, w + i * m, rows[i], 0, m);
        }
        return rows;
    }

    /** Side of the tiles the transpose works in, so wide layers do not miss the cache on every element. */
    private static final int TILE = 16;

    /** The transpose of the n x m block at {@code w}: out[o][i] = flat[w + i*m + o], tile by tile. */
    private static double[][] transposedWeightRows(double[] flat, int w, int n, int m, double[][] out) {
        for (int i0 = 0; i0 < n; i0 += TILE) {
            int i1 = Math.min(n, i0 + TILE);
            for (int o0 = 0; o0 < m; o0 += TILE) {
                int o1 = Math.min(m, o0 + TILE);
                for (int o = o0; o < o1; o++) {
                    double[] row = out[o];
                    for (int i = i0; i < i1; i++) {
                        row[i] = flat[w + i * m + o];
                    }
                }
            }
        }
        return out;
    }

    /** Copies the first {@code batch} rows (width {@code width}) into a row-major flat array. */
    private static void flatten(double[][] rows, int batch, int width, double[] out) {
        for (int b = 0; b < batch; b++) {
            System.arraycopy(rows[b], 0, out, b * width, width);
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
