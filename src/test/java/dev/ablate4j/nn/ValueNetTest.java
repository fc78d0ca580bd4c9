package dev.ablate4j.nn;

import static dev.ablate4j.nn.NnTestSupport.dot;
import static dev.ablate4j.nn.NnTestSupport.finiteDifferenceGradient;
import static dev.ablate4j.nn.NnTestSupport.relativeError;
import static dev.ablate4j.nn.NnTestSupport.uniform;
import static dev.ablate4j.nn.NnTestSupport.weightMatrix;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ValueNetTest {

    private static final int OBS = 4;
    private static final int BATCH = 9;

    @ParameterizedTest
    @EnumSource(Activation.class)
    void backwardMatchesFiniteDifferences(Activation activation) {
        ValueNet net = new ValueNet(OBS, new int[] {6, 5}, activation);
        SplittableRandom rng = new SplittableRandom(61);
        double[] p = net.params();
        for (int i = 0; i < p.length; i++) {
            p[i] = rng.nextDouble(-1, 1);
        }
        double[] obs = uniform(rng, BATCH * OBS, -2, 2);
        double[] dOut = uniform(rng, BATCH, -1, 1);
        double[] values = new double[BATCH];

        net.zeroGrads();
        net.predict(obs, BATCH, values);
        net.predict(Arrays.copyOf(obs, OBS)); // batch-1 prediction must not disturb the cache
        net.backward(dOut);
        double[] numeric = finiteDifferenceGradient(() -> {
            net.predict(obs, BATCH, values);
            return dot(values, dOut);
        }, p, 1e-6);
        double err = relativeError(net.grads(), numeric);
        assertTrue(err < 1e-6, "relative error " + err);
    }

    @Test
    void singleAndBatchPredictionsAgree() {
        ValueNet net = new ValueNet(OBS, new int[] {8, 8}, Activation.TANH);
        net.initialize(false, new SplittableRandom(3));
        double[] obs = uniform(new SplittableRandom(4), BATCH * OBS, -2, 2);
        double[] values = new double[BATCH];
        net.predict(obs, BATCH, values);
        for (int b = 0; b < BATCH; b++) {
            assertEquals(values[b], net.predict(Arrays.copyOfRange(obs, b * OBS, b * OBS + OBS)), 0.0);
        }
    }

    @Test
    void orthogonalInitHasUnitHeadGain() {
        ValueNet net = new ValueNet(OBS, new int[] {16, 16}, Activation.TANH);
        net.initialize(true, new SplittableRandom(5));
        double[] head = weightMatrix(net.mlp(), net.params(), 0, 2)[0]; // 1 x 16
        assertEquals(1.0, Math.sqrt(dot(head, head)), 1e-12);
        MlpTest.assertGram(MlpTest.rowsGram(weightMatrix(net.mlp(), net.params(), 0, 1)), 2.0);
        assertEquals(0.0, net.params()[net.parameterCount() - 1], 0.0); // head bias
    }
}
