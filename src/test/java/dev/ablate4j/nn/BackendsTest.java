package dev.ablate4j.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class BackendsTest {

    @Test
    void namesResolveAndUnknownNamesSayWhatIsAllowed() {
        assertSame(JavaBackend.INSTANCE, Backends.byId("java"));
        assertSame(AutoBackend.INSTANCE, Backends.byId("auto"));
        assertEquals("java", Backends.byId("java").id());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Backends.byId("cuda"));
        assertEquals("backend: unknown backend 'cuda'; allowed: java, nd4j, auto", e.getMessage());
    }

    @Test
    void nd4jWithoutTheProfileSaysHowToBuildIt() {
        if (Backends.nd4jAvailable()) {
            assertEquals("nd4j", Backends.byId("nd4j").id());
        } else {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Backends.byId("nd4j"));
            assertTrue(e.getMessage().contains("-Pnd4j"), e.getMessage());
        }
    }

    @Test
    void autoPicksNd4jOnlyForLargeNetworksAndBatches() {
        Mlp paper = new Mlp(11, new int[] {64, 64}, 3, Activation.TANH);
        Mlp w512 = new Mlp(11, new int[] {512, 512}, 3, Activation.TANH);
        Mlp w1024 = new Mlp(11, new int[] {1024, 1024}, 3, Activation.TANH);
        Mlp w768 = new Mlp(11, new int[] {768, 768}, 3, Activation.TANH);
        for (int batch : new int[] {1, 64, 2048}) {
            assertFalse(AutoBackend.prefersNd4j(paper, batch), "64-64 at batch " + batch);
        }
        assertFalse(AutoBackend.prefersNd4j(w512, 64));
        assertTrue(AutoBackend.prefersNd4j(w512, 2048));
        assertFalse(AutoBackend.prefersNd4j(w768, 64), "a tie goes to Java");
        assertTrue(AutoBackend.prefersNd4j(w768, 2048));
        assertTrue(AutoBackend.prefersNd4j(w1024, 64));
        assertFalse(AutoBackend.prefersNd4j(w1024, 1), "acting stays in Java");
        assertEquals(11 * 64 + 64 * 64 + 64 * 3, AutoBackend.multiplyAddsPerSample(paper));
    }

    @Test
    void autoOnSmallNetworksIsBitIdenticalToJava() {
        Mlp mlp = new Mlp(3, new int[] {16, 16}, 2, Activation.TANH);
        SplittableRandom rng = new SplittableRandom(8);
        double[] params = new double[mlp.parameterCount()];
        Initialization.xavierUniform(mlp, params, 0, rng);
        double[] x = new double[64 * 3];
        for (int i = 0; i < x.length; i++) {
            x[i] = rng.nextDouble(-2, 2);
        }
        MlpRunner auto = AutoBackend.INSTANCE.runner(mlp);
        MlpRunner plain = JavaBackend.INSTANCE.runner(mlp);
        auto.forward(params, 0, x, 64);
        plain.forward(params, 0, x, 64);
        for (int i = 0; i < 64 * 2; i++) {
            assertEquals(plain.output()[i], auto.output()[i], 0.0);
        }
        double[] dOut = new double[64 * 2];
        Arrays.fill(dOut, 0.5);
        double[] ga = new double[params.length];
        double[] gj = new double[params.length];
        auto.backward(params, 0, dOut, ga, 0);
        plain.backward(params, 0, dOut, gj, 0);
        assertEquals(Arrays.toString(gj), Arrays.toString(ga));
    }
}
