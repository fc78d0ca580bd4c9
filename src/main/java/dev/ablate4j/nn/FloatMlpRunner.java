package dev.ablate4j.nn;

import java.util.Arrays;

/**
 * An {@link Mlp}'s forward, backward and forward-mode passes in float32: the twin of
 * {@link Mlp#forward}, {@link Mlp#backward} and {@link Mlp#jvp} with their {@link MlpWorkspace},
 * with the same layout, the same blocking and the same order of terms, but float buffers and
 * fused multiply-adds ({@link FloatKernels}, or the same products with the Vector API when the
 * JVM has it: {@link FloatKernelChoice}). The {@link MlpRunner} interface is unchanged: its
 * parameter, gradient, tangent and batch arrays stay {@code double[]}, and this runner rounds what
 * it reads to float and writes float values (which a double holds exactly). A network trained in
 * float32 therefore has float-valued parameters, gradients and outputs in those arrays.
 *
 * <p>Order of terms (each a fused multiply-add, one rounding): a layer output is its bias, then
 * the inputs in ascending index; a weight gradient is its previous value, then the samples in
 * ascending order; a bias gradient likewise (plain float additions); an input gradient is 0, then
 * the outputs in ascending index. A one-sample pass is bit-identical to that sample's row in a
 * batch. Hidden tanh is {@link FloatTanh} (within 1 ulp of the exact value, the same bits
 * everywhere); its derivative is fma(-a, a, 1).
 *
 * <p>Buffers grow to the largest batch seen, then nothing is allocated. Not thread-safe.
 */
final class FloatMlpRunner implements MlpRunner {

    /** The matrix products, chosen once per JVM (scalar or Vector API: the same bits). */
    private static final FloatKernelSet KERNELS = FloatKernelChoice.KERNELS;

    private final Mlp mlp;
    private final int[] sizes;
    private final int widest;
    private int capacity;
    private int batch;

    /** activations[l][b]: sample b at layer l; [0] the input, the last the linear output. */
    private float[][][] activations;
    private float[][] deltaOut;
    private float[][] deltaIn;
    private float[][] tangentIn;
    private float[][] tangentOut;
    private double[] output;
    private double[] tangentFlat;
    /** Per layer: the weights rounded to float (rows and transpose, kept while unchanged), a gradient or tangent as rows. */
    private final FloatWeightCache[] weights;
    private final float[][][] weightScratch;
    private final float[] biasScratch;
    private final double[] tanhScratch;

    FloatMlpRunner(Mlp mlp) {
        this.mlp = mlp;
        this.sizes = mlp.layerSizes();
        int w = 0;
        for (int s : sizes) {
            w = Math.max(w, s);
        }
        widest = w;
        int layers = sizes.length - 1;
        weights = new FloatWeightCache[layers];
        weightScratch = new float[layers][][];
        for (int l = 0; l < layers; l++) {
            weights[l] = new FloatWeightCache(sizes[l], sizes[l + 1]);
            weightScratch[l] = new float[sizes[l]][sizes[l + 1]];
        }
        biasScratch = new float[widest];
        tanhScratch = new double[widest];
        activations = new float[sizes.length][][];
        allocate(1);
    }

    @Override
    public void forward(double[] params, int offset, double[] input, int batchSize) {
        checkParams(params, offset);
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch must be >= 1, got " + batchSize);
        }
        Mlp.checkLength("input", input, batchSize * sizes[0], batchSize, sizes[0]);
        prepare(batchSize);
        float[][] in = activations[0];
        for (int b = 0; b < batchSize; b++) {
            toFloat(input, b * sizes[0], in[b], sizes[0]);
        }
        int last = sizes.length - 1;
        for (int l = 1; l <= last; l++) {
            int n = sizes[l - 1];
            int m = sizes[l];
            int w = offset + mlp.weightOffset(l - 1);
            float[][] x = activations[l - 1];
            float[][] z = activations[l];
            toFloat(params, w + n * m, z[0], m);
            for (int b = 1; b < batchSize; b++) {
                System.arraycopy(z[0], 0, z[b], 0, m);
            }
            float[][] wRows = weights[l - 1].rows(params, w);
            if (batchSize == 1) {
                KERNELS.rowTimesRows(x[0], wRows, z[0], n, m);
            } else {
                KERNELS.multiplyAccumulate(x, wRows, z, batchSize, n, m); // z += x W
            }
            if (l < last) {
                for (int b = 0; b < batchSize; b++) {
                    activate(z[b], m);
                }
            }
        }
        flatten(activations[last], batchSize, sizes[last], output);
    }

    @Override
    public int batch() {
        return batch;
    }

    @Override
    public double[] output() {
        return output;
    }

    @Override
    public void backward(double[] params, int offset, double[] dOutput, double[] grads, int gradOffset) {
        checkParams(params, offset);
        checkParams(grads, gradOffset);
        checkForwardDone();
        int out = sizes[sizes.length - 1];
        Mlp.checkLength("dOutput", dOutput, batch * out, batch, out);
        for (int b = 0; b < batch; b++) {
            toFloat(dOutput, b * out, deltaOut[b], out);
        }
        for (int l = sizes.length - 1; l >= 1; l--) {
            int n = sizes[l - 1];
            int m = sizes[l];
            int w = mlp.weightOffset(l - 1);
            int gradW = gradOffset + w;
            int gradB = gradW + n * m;
            float[][] x = activations[l - 1];
            float[][] dz = deltaOut;
            float[] db = biasScratch; // db += sum_b dz[b], in order of b
            toFloat(grads, gradB, db, m);
            for (int b = 0; b < batch; b++) {
                float[] d = dz[b];
                for (int o = 0; o < m; o++) {
                    db[o] += d[o];
                }
            }
            for (int o = 0; o < m; o++) {
                grads[gradB + o] = db[o];
            }
            // dW += x^T dz, in blocks of samples that stay in cache
            float[][] dW = FloatKernels.weightRows(grads, gradW, n, m, weightScratch[l - 1]);
            for (int b0 = 0; b0 < batch; b0 += MatrixKernels.BATCH_BLOCK) {
                KERNELS.multiplyAccumulateTransposed(x, b0, dz, dW, n,
                        Math.min(MatrixKernels.BATCH_BLOCK, batch - b0), m);
            }
            FloatKernels.storeRows(dW, grads, gradW, n, m);
            if (l > 1) {
                float[][] t = weights[l - 1].transposed(params, offset + w);
                float[][] dx = deltaIn;
                for (int b = 0; b < batch; b++) {
                    Arrays.fill(dx[b], 0, n, 0f);
                }
                KERNELS.multiplyAccumulate(dz, t, dx, batch, m, n); // dx = dz W^T
                for (int b = 0; b < batch; b++) {
                    multiplyByDerivative(x[b], dx[b], n);
                }
                float[][] swap = deltaOut;
                deltaOut = deltaIn;
                deltaIn = swap;
            }
        }
    }

    @Override
    public void jvp(double[] params, int offset, double[] tangent, int tangentOffset) {
        checkParams(params, offset);
        checkParams(tangent, tangentOffset);
        checkForwardDone();
        int last = sizes.length - 1;
        for (int l = 1; l <= last; l++) {
            int n = sizes[l - 1];
            int m = sizes[l];
            int w = mlp.weightOffset(l - 1);
            int tangentW = tangentOffset + w;
            float[][] x = activations[l - 1];
            toFloat(tangent, tangentW + n * m, tangentOut[0], m);
            for (int b = 1; b < batch; b++) {
                System.arraycopy(tangentOut[0], 0, tangentOut[b], 0, m);
            }
            KERNELS.multiplyAccumulate(x, FloatKernels.weightRows(tangent, tangentW, n, m, weightScratch[l - 1]),
                    tangentOut, batch, n, m);
            if (l > 1) { // + dx W (the network input does not depend on the parameters)
                KERNELS.multiplyAccumulate(tangentIn, weights[l - 1].rows(params, offset + w), tangentOut, batch, n, m);
            }
            if (l < last) {
                for (int b = 0; b < batch; b++) {
                    multiplyByDerivative(activations[l][b], tangentOut[b], m);
                }
                float[][] swap = tangentOut;
                tangentOut = tangentIn;
                tangentIn = swap;
            }
        }
        flatten(tangentOut, batch, sizes[last], tangentFlat);
    }

    @Override
    public double[] tangentOutput() {
        return tangentFlat;
    }

    private void activate(float[] z, int count) {
        if (mlp.activation() == Activation.TANH) {
            KERNELS.tanh(z, count, tanhScratch);
        } else {
            for (int k = 0; k < count; k++) {
                z[k] = z[k] > 0f ? z[k] : 0f;
            }
        }
    }

    /** d *= f'(z), from the activation's output a = f(z): tanh' = fma(-a, a, 1). */
    private void multiplyByDerivative(float[] a, float[] d, int count) {
        if (mlp.activation() == Activation.TANH) {
            for (int k = 0; k < count; k++) {
                d[k] *= Math.fma(-a[k], a[k], 1f);
            }
        } else {
            for (int k = 0; k < count; k++) {
                d[k] = a[k] > 0f ? d[k] : 0f;
            }
        }
    }

    private static void toFloat(double[] from, int offset, float[] to, int count) {
        for (int i = 0; i < count; i++) {
            to[i] = (float) from[offset + i];
        }
    }

    private static void flatten(float[][] rows, int count, int width, double[] out) {
        for (int b = 0; b < count; b++) {
            float[] row = rows[b];
            int base = b * width;
            for (int k = 0; k < width; k++) {
                out[base + k] = row[k];
            }
        }
    }

    private void prepare(int newBatch) {
        if (newBatch > capacity) {
            allocate(newBatch);
        }
        batch = newBatch;
    }

    private void allocate(int newCapacity) {
        for (int l = 0; l < sizes.length; l++) {
            activations[l] = new float[newCapacity][sizes[l]];
        }
        deltaOut = new float[newCapacity][widest];
        deltaIn = new float[newCapacity][widest];
        tangentIn = new float[newCapacity][widest];
        tangentOut = new float[newCapacity][widest];
        output = new double[newCapacity * sizes[sizes.length - 1]];
        tangentFlat = new double[newCapacity * sizes[sizes.length - 1]];
        capacity = newCapacity;
    }

    private void checkParams(double[] params, int offset) {
        if (params == null || offset < 0 || offset + mlp.parameterCount() > params.length) {
            throw new IllegalArgumentException("Mlp parameter array too short: needs " + mlp.parameterCount()
                    + " values from offset " + offset + ", has length " + (params == null ? "null" : params.length));
        }
    }

    private void checkForwardDone() {
        if (batch < 1) {
            throw new IllegalStateException("no forward pass has been run with this runner");
        }
    }
}
