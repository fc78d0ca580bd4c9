package dev.ablate4j.nn.nd4j;

import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ablate4j.config.Preset;
import dev.ablate4j.config.TrainConfig;
import dev.ablate4j.nn.Activation;
import dev.ablate4j.nn.AutoBackend;
import dev.ablate4j.nn.Backends;
import dev.ablate4j.nn.JavaBackend;
import dev.ablate4j.nn.Mlp;
import dev.ablate4j.nn.MlpRunner;
import dev.ablate4j.nn.NnTestSupport;
import dev.ablate4j.results.Checkpoint;
import dev.ablate4j.run.Training;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The ND4J backend agrees with the plain-Java one to 1e-9 relative in double precision. */
class Nd4jBackendTest {

    private static final double TOLERANCE = 1e-9;

    @Test
    void isAvailableByName() {
        assertTrue(Backends.nd4jAvailable());
        assertSame(Nd4jBackend.INSTANCE, Backends.byId("nd4j"));
    }

    @ParameterizedTest
    @EnumSource(Activation.class)
    void forwardBackwardAndJvpAgreeWithJava(Activation activation) {
        SplittableRandom rng = new SplittableRandom(31);
        int[][] shapes = {{11, 64, 64, 3}, {3, 5, 4, 2}, {4, 7, 1}, {2, 3}, {17, 256, 1}};
        for (int[] shape : shapes) {
            Mlp mlp = new Mlp(shape[0], Arrays.copyOfRange(shape, 1, shape.length - 1), shape[shape.length - 1],
                    activation);
            MlpRunner java = JavaBackend.INSTANCE.runner(mlp);
            MlpRunner nd4j = Nd4jBackend.INSTANCE.runner(mlp);
            for (int batch : new int[] {1, 7, 64, 300, 64}) {
                int in = shape[0];
                int out = shape[shape.length - 1];
                int offset = 3;
                double[] params = uniform(rng, mlp.parameterCount() + offset, -1, 1);
                double[] x = uniform(rng, batch * in, -2, 2);
                String where = Arrays.toString(shape) + " " + activation + " batch " + batch;

                java.forward(params, offset, x, batch);
                nd4j.forward(params, offset, x, batch);
                assertClose(java.output(), nd4j.output(), batch * out, "forward " + where);

                double[] dOut = uniform(rng, batch * out, -1, 1);
                double[] start = uniform(rng, mlp.parameterCount() + 2, -1, 1);
                double[] gJava = start.clone();
                double[] gNd4j = start.clone();
                java.backward(params, offset, dOut, gJava, 2);
                nd4j.backward(params, offset, dOut, gNd4j, 2);
                assertClose(gJava, gNd4j, gJava.length, "backward " + where);

                double[] v = uniform(rng, mlp.parameterCount() + 1, -1, 1);
                java.jvp(params, offset, v, 1);
                nd4j.jvp(params, offset, v, 1);
                assertClose(java.tangentOutput(), nd4j.tangentOutput(), batch * out, "jvp " + where);
            }
        }
    }

    @Test
    void autoSendsLargeBatchesOfWideNetworksToNd4jAndTheRestToJava() {
        Mlp mlp = new Mlp(11, new int[] {512, 512}, 3, Activation.TANH);
        SplittableRandom rng = new SplittableRandom(9);
        double[] params = uniform(rng, mlp.parameterCount(), -0.05, 0.05);
        MlpRunner auto = AutoBackend.INSTANCE.runner(mlp);
        MlpRunner java = JavaBackend.INSTANCE.runner(mlp);
        for (int batch : new int[] {64, 2048}) {
            double[] x = uniform(rng, batch * 11, -2, 2);
            auto.forward(params, 0, x, batch);
            java.forward(params, 0, x, batch);
            double[] a = Arrays.copyOf(auto.output(), batch * 3);
            double[] j = Arrays.copyOf(java.output(), batch * 3);
            assertClose(j, a, a.length, "batch " + batch);
            // batch 64 ran on the Java kernels (bit-identical), batch 2048 on ND4J (not)
            assertTrue((batch >= 1024) == !Arrays.equals(a, j), "batch " + batch);
        }
    }

    @Test
    void backwardNeedsAForwardPass() {
        MlpRunner runner = Nd4jBackend.INSTANCE.runner(new Mlp(2, new int[] {3}, 1, Activation.TANH));
        assertThrows(IllegalStateException.class, () -> runner.backward(new double[13], 0, new double[1],
                new double[13], 0));
    }

    /** One whole training iteration at the paper's sizes: rollout, PPO's 10 x 32 policy steps, value steps. */
    @ParameterizedTest
    @ValueSource(strings = {"ppo", "trpo"})
    void aFullUpdateAgreesWithJava(String preset) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("env", "Pendulum-v1");
        o.put("steps", 2048);
        o.put("seed", 4);
        TrainConfig config = TrainConfig.resolve(Preset.byId(preset), o);
        double[][] java = paramsAfterOneIteration(config, JavaBackend.INSTANCE);
        double[][] nd4j = paramsAfterOneIteration(config, Nd4jBackend.INSTANCE);
        for (int k = 0; k < java.length; k++) {
            assertClose(java[k], nd4j[k], java[k].length, preset + " array " + k);
            // not bit-identical: the update really ran on ND4J (OpenBLAS sums in another order)
            assertTrue(NnTestSupport.relativeError(java[k], nd4j[k]) > 0, preset + " array " + k + " identical");
        }
    }

    /** Policy and value parameters after one iteration. */
    private static double[][] paramsAfterOneIteration(TrainConfig config, dev.ablate4j.nn.Backend backend) {
        try (Training t = new Training(config, backend)) {
            t.step();
            Checkpoint c = new Checkpoint("{}");
            t.save(c);
            return new double[][] {c.array("policy"), c.array("value")};
        }
    }

    private static void assertClose(double[] expected, double[] actual, int n, String what) {
        double[] e = Arrays.copyOf(expected, n);
        double[] a = Arrays.copyOf(actual, n);
        double err = NnTestSupport.relativeError(e, a);
        assertTrue(err <= TOLERANCE, what + ": relative error " + err);
    }

    private static double[] uniform(SplittableRandom rng, int n, double lo, double hi) {
        double[] a = new double[n];
        for (int i = 0; i < n; i++) {
            a[i] = rng.nextDouble(lo, hi);
        }
        return a;
    }
}
