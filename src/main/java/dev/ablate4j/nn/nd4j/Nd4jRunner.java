package dev.ablate4j.nn.nd4j;

import dev.ablate4j.nn.Activation;
import dev.ablate4j.nn.Mlp;
import dev.ablate4j.nn.MlpRunner;
import java.nio.DoubleBuffer;
import java.util.HashMap;
import java.util.Map;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * One network's batch computations on ND4J. Every matrix is column-major and transposed with
 * respect to the Java side (features x batch, fan-out x fan-in), so its memory is exactly the
 * row-major array the Java side uses and copies in and out are plain bulk copies. Arrays for a
 * batch size are created the first time that size is seen and reused afterwards.
 */
final class Nd4jRunner implements MlpRunner {

    private final Mlp mlp;
    private final int[] sizes;
    private final int layers;
    private final boolean tanh;
    private final int[] weightOffsets;
    /** Per layer: W^T (fan-out x fan-in), its bias (fan-out x 1), and the same shapes for gradients and tangents. */
    private final Matrix[] weights;
    private final Matrix[] biases;
    private final Matrix[] weightGrads;
    private final Matrix[] biasGrads;
    private final Matrix[] tangentWeights;
    private final Matrix[] tangentBiases;
    private final Map<Integer, BatchArrays> byBatch = new HashMap<>();
    private BatchArrays current;
    private int batch;
    private double[] output = new double[0];
    private double[] tangentOutput = new double[0];
    private double[] scratch = new double[0];

    Nd4jRunner(Mlp mlp) {
        this.mlp = mlp;
        this.sizes = mlp.layerSizes();
        this.layers = sizes.length - 1;
        this.tanh = mlp.activation() == Activation.TANH;
        weightOffsets = new int[layers];
        weights = new Matrix[layers];
        biases = new Matrix[layers];
        weightGrads = new Matrix[layers];
        biasGrads = new Matrix[layers];
        tangentWeights = new Matrix[layers];
        tangentBiases = new Matrix[layers];
        int widest = 0;
        for (int l = 0; l < layers; l++) {
            int n = sizes[l];
            int m = sizes[l + 1];
            weightOffsets[l] = mlp.weightOffset(l);
            weights[l] = new Matrix(m, n);
            biases[l] = new Matrix(m, 1);
            weightGrads[l] = new Matrix(m, n);
            biasGrads[l] = new Matrix(m, 1);
            tangentWeights[l] = new Matrix(m, n);
            tangentBiases[l] = new Matrix(m, 1);
            widest = Math.max(widest, n * m);
        }
        scratch = new double[widest];
    }

    /** A column-major ND4J matrix with a bulk-copy view of its memory. */
    private static final class Matrix {
        final INDArray array;
        final DoubleBuffer memory;
        final int size;

        Matrix(int rows, int cols) {
            array = Nd4j.create(DataType.DOUBLE, new long[] {rows, cols}, 'f');
            memory = array.data().asNioDouble();
            size = rows * cols;
        }

        void load(double[] from, int offset) {
            memory.put(0, from, offset, size);
        }

        void store(double[] to, int offset) {
            memory.get(0, to, offset, size);
        }
    }

    /** The per-batch-size arrays: activations, deltas, tangents (features x batch), and a column of ones. */
    private final class BatchArrays {
        final Matrix[] activations = new Matrix[layers + 1];
        final Matrix[] deltas = new Matrix[layers + 1];
        final Matrix[] tangents = new Matrix[layers + 1];
        final Matrix[] derivative = new Matrix[layers + 1];
        final Matrix ones;

        BatchArrays(int batch) {
            for (int l = 0; l <= layers; l++) {
                activations[l] = new Matrix(sizes[l], batch);
                if (l > 0) {
                    deltas[l] = new Matrix(sizes[l], batch);
                    tangents[l] = new Matrix(sizes[l], batch);
                    derivative[l] = new Matrix(sizes[l], batch);
                }
            }
            ones = new Matrix(batch, 1);
            ones.array.assign(1.0);
        }
    }

    @Override
    public void forward(double[] params, int offset, double[] input, int batch) {
        if (batch < 1) {
            throw new IllegalArgumentException("batch must be >= 1, got " + batch);
        }
        if (params.length < offset + mlp.parameterCount()) {
            throw new IllegalArgumentException("parameter array too short: needs " + mlp.parameterCount()
                    + " values from offset " + offset + ", has length " + params.length);
        }
        if (input.length < batch * sizes[0]) {
            throw new IllegalArgumentException("input has " + input.length + " values; batch " + batch + " x width "
                    + sizes[0] + " = " + batch * sizes[0] + " needed");
        }
        BatchArrays a = byBatch.computeIfAbsent(batch, BatchArrays::new);
        current = a;
        this.batch = batch;
        a.activations[0].load(input, 0);
        for (int l = 0; l < layers; l++) {
            int w = offset + weightOffsets[l];
            weights[l].load(params, w);
            biases[l].load(params, w + sizes[l] * sizes[l + 1]);
            INDArray z = a.activations[l + 1].array;
            Nd4j.gemm(weights[l].array, a.activations[l].array, z, false, false, 1.0, 0.0);
            z.addiColumnVector(biases[l].array);
            if (l < layers - 1) {
                if (tanh) {
                    Transforms.tanh(z, false);
                } else {
                    Transforms.relu(z, false);
                }
            }
        }
        int outSize = batch * sizes[layers];
        if (output.length < outSize) {
            output = new double[outSize];
        }
        a.activations[layers].store(output, 0);
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
        BatchArrays a = requireForward();
        if (grads.length < gradOffset + mlp.parameterCount()) {
            throw new IllegalArgumentException("gradient array too short: needs " + mlp.parameterCount()
                    + " values from offset " + gradOffset + ", has length " + grads.length);
        }
        a.deltas[layers].load(dOutput, 0);
        for (int l = layers - 1; l >= 0; l--) {
            int n = sizes[l];
            int m = sizes[l + 1];
            INDArray dz = a.deltas[l + 1].array;
            // dW^T = dZ^T X (fan-out x fan-in), db = dZ^T 1, both added into grads
            Nd4j.gemm(dz, a.activations[l].array, weightGrads[l].array, false, true, 1.0, 0.0);
            Nd4j.gemm(dz, a.ones.array, biasGrads[l].array, false, false, 1.0, 0.0);
            int gw = gradOffset + weightOffsets[l];
            addInto(weightGrads[l], grads, gw);
            addInto(biasGrads[l], grads, gw + n * m);
            if (l > 0) {
                INDArray dx = a.deltas[l].array;
                Nd4j.gemm(weights[l].array, dz, dx, true, false, 1.0, 0.0); // dX^T = W dZ^T
                dx.muli(derivative(a, l));
            }
        }
    }

    @Override
    public void jvp(double[] params, int offset, double[] tangent, int tangentOffset) {
        BatchArrays a = requireForward();
        for (int l = 0; l < layers; l++) {
            int tw = tangentOffset + weightOffsets[l];
            tangentWeights[l].load(tangent, tw);
            tangentBiases[l].load(tangent, tw + sizes[l] * sizes[l + 1]);
            INDArray t = a.tangents[l + 1].array;
            Nd4j.gemm(tangentWeights[l].array, a.activations[l].array, t, false, false, 1.0, 0.0);
            t.addiColumnVector(tangentBiases[l].array);
            if (l > 0) {
                Nd4j.gemm(weights[l].array, a.tangents[l].array, t, false, false, 1.0, 1.0);
            }
            if (l < layers - 1) {
                t.muli(derivative(a, l + 1));
            }
        }
        int outSize = batch * sizes[layers];
        if (tangentOutput.length < outSize) {
            tangentOutput = new double[outSize];
        }
        a.tangents[layers].store(tangentOutput, 0);
    }

    @Override
    public double[] tangentOutput() {
        return tangentOutput;
    }

    /** f'(z) at layer l's activations a = f(z): 1 - a^2 for tanh, 1 where a > 0 else 0 for ReLU. */
    private INDArray derivative(BatchArrays a, int l) {
        INDArray act = a.activations[l].array;
        INDArray d = a.derivative[l].array;
        d.assign(act);
        if (tanh) {
            d.muli(act).rsubi(1.0);
        } else {
            Transforms.sign(d, false); // activations are >= 0, so sign is 1 or 0
        }
        return d;
    }

    private void addInto(Matrix m, double[] grads, int offset) {
        m.store(scratch, 0);
        for (int k = 0; k < m.size; k++) {
            grads[offset + k] += scratch[k];
        }
    }

    private BatchArrays requireForward() {
        if (current == null) {
            throw new IllegalStateException("no forward pass has been run with this runner");
        }
        return current;
    }
}
