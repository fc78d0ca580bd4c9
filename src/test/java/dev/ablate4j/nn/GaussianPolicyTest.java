package dev.ablate4j.nn;

import static dev.ablate4j.nn.NnTestSupport.biases;
import static dev.ablate4j.nn.NnTestSupport.dot;
import static dev.ablate4j.nn.NnTestSupport.finiteDifferenceGradient;
import static dev.ablate4j.nn.NnTestSupport.finiteDifferenceHessianVector;
import static dev.ablate4j.nn.NnTestSupport.relativeError;
import static dev.ablate4j.nn.NnTestSupport.uniform;
import static dev.ablate4j.nn.NnTestSupport.weightMatrix;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class GaussianPolicyTest {

    private static final int OBS = 3;
    private static final int ACT = 2;
    private static final int BATCH = 7;

    /** A random policy (Xavier weights, random biases and log-std) so every parameter matters. */
    private static GaussianPolicy randomPolicy(Activation activation, long seed) {
        GaussianPolicy policy = new GaussianPolicy(OBS, ACT, new int[] {5, 4}, activation);
        SplittableRandom rng = new SplittableRandom(seed);
        policy.initialize(false, rng);
        double[] p = policy.params();
        for (int i = 0; i < p.length; i++) {
            p[i] += rng.nextDouble(-0.3, 0.3);
        }
        return policy;
    }

    /** A policy whose mean is {@code mean} for every observation and whose log-std is {@code logStd}. */
    private static GaussianPolicy constantPolicy(double[] mean, double[] logStd) {
        GaussianPolicy policy = new GaussianPolicy(OBS, mean.length, new int[] {4}, Activation.TANH);
        Mlp mlp = policy.mlp();
        int headBias = mlp.weightOffset(1) + 4 * mean.length;
        System.arraycopy(mean, 0, policy.params(), headBias, mean.length);
        System.arraycopy(logStd, 0, policy.params(), policy.logStdOffset(), logStd.length);
        return policy;
    }

    @ParameterizedTest
    @EnumSource(Activation.class)
    void backwardLogProbMatchesFiniteDifferencesIncludingLogStd(Activation activation) {
        GaussianPolicy policy = randomPolicy(activation, 21);
        SplittableRandom rng = new SplittableRandom(22);
        double[] obs = uniform(rng, BATCH * OBS, -2, 2);
        double[] actions = uniform(rng, BATCH * ACT, -2, 2);
        double[] weights = uniform(rng, BATCH, -1, 1);
        double[] logProb = new double[BATCH];

        policy.zeroGrads();
        policy.logProb(obs, actions, BATCH, logProb);
        policy.backwardLogProb(weights);
        double[] analytic = policy.grads().clone();

        double[] numeric = finiteDifferenceGradient(() -> {
            policy.logProb(obs, actions, BATCH, logProb);
            return dot(logProb, weights);
        }, policy.params(), 1e-6);
        double err = relativeError(analytic, numeric);
        assertTrue(err < 1e-6, "relative error " + err);
        double logStdErr = relativeError(
                Arrays.copyOfRange(analytic, policy.logStdOffset(), analytic.length),
                Arrays.copyOfRange(numeric, policy.logStdOffset(), numeric.length));
        assertTrue(logStdErr < 1e-6, "log-std relative error " + logStdErr);
    }

    @Test
    void backwardLogProbUsesItsOwnCacheWhateverRunsInBetween() {
        GaussianPolicy policy = randomPolicy(Activation.TANH, 23);
        SplittableRandom rng = new SplittableRandom(24);
        double[] obs = uniform(rng, BATCH * OBS, -2, 2);
        double[] actions = uniform(rng, BATCH * ACT, -2, 2);
        double[] weights = uniform(rng, BATCH, -1, 1);
        double[] logProb = new double[BATCH];

        policy.zeroGrads();
        policy.logProb(obs, actions, BATCH, logProb);
        policy.backwardLogProb(weights);
        double[] expected = policy.grads().clone();

        policy.zeroGrads();
        policy.logProb(obs, actions, BATCH, logProb);
        double[] other = uniform(rng, 3 * OBS, -1, 1);
        policy.mean(other, 3, new double[3 * ACT]);
        policy.meanKl(other, 3, new double[3 * ACT], new double[ACT]);
        policy.act(other, rng, new double[ACT], new double[ACT]);
        policy.fisherVectorProduct(other, 3, new double[policy.parameterCount()], new double[policy.parameterCount()]);
        policy.backwardLogProb(weights);
        assertArrayEquals(expected, policy.grads(), 0.0);
    }

    @Test
    void entropyGradientMatchesFiniteDifferences() {
        GaussianPolicy policy = randomPolicy(Activation.TANH, 25);
        policy.zeroGrads();
        policy.accumulateEntropyGrad(0.37);
        double[] numeric = finiteDifferenceGradient(() -> 0.37 * policy.entropy(), policy.params(), 1e-6);
        double err = relativeError(policy.grads(), numeric);
        assertTrue(err < 1e-6, "relative error " + err);
    }

    @Test
    void logProbEntropyAndKlMatchClosedForms() {
        double ln2 = Math.log(2);
        double[] mean = {0.5, -1.0};
        double[] logStd = {ln2, -0.3};
        GaussianPolicy policy = constantPolicy(mean, logStd);
        double[] obs = uniform(new SplittableRandom(1), 3 * OBS, -1, 1);

        // log-density against commons-math3's normal distribution, and hand values
        double[] actions = {0.5, -1.0, 2.5, -1.0, -0.1, 0.7};
        double[] logProb = new double[3];
        policy.logProb(obs, actions, 3, logProb);
        for (int b = 0; b < 3; b++) {
            double expected = 0;
            for (int j = 0; j < 2; j++) {
                expected += new NormalDistribution(mean[j], Math.exp(logStd[j])).logDensity(actions[b * 2 + j]);
            }
            assertEquals(expected, logProb[b], 1e-12, "sample " + b);
        }
        // at the mean: -ln(2) + 0.3 - ln(2 pi); one std (2) off in the first component: 0.5 less
        assertEquals(-ln2 + 0.3 - 1.8378770664093453, logProb[0], 1e-12);
        assertEquals(logProb[0] - 0.5, logProb[1], 1e-12);

        // entropy = sum_j 0.5 ln(2 pi e sigma_j^2)
        assertEquals(ln2 - 0.3 + 2.8378770664093453, policy.entropy(), 1e-12);
        assertEquals(0.5 * Math.log(2 * Math.PI * Math.E * 4) + 0.5 * Math.log(2 * Math.PI * Math.E * Math.exp(-0.6)),
                policy.entropy(), 1e-12);

        // KL(old || new), new = N((1, 0), diag(1, 4)); old log-std 0, old means per sample
        GaussianPolicy current = constantPolicy(new double[] {1.0, 0.0}, new double[] {0.0, ln2});
        double[] oldMeans = {0.0, 0.0, 1.0, 0.0, 2.0, 0.0};
        // dimension 0: (1 + (mu_old - 1)^2) / 2 - 1/2 = 0.5, 0, 0.5; dimension 1: ln 2 + 1/8 - 1/2
        double expectedKl = (0.5 + 0.0 + 0.5) / 3 + (ln2 + 0.125 - 0.5);
        assertEquals(expectedKl, current.meanKl(obs, 3, oldMeans, new double[] {0.0, 0.0}), 1e-12);
        assertEquals(0.0, current.meanKl(obs, 3, new double[] {1, 0, 1, 0, 1, 0}, current.logStd()), 0.0);
    }

    @ParameterizedTest
    @EnumSource(Activation.class)
    void fisherVectorProductIsTheHessianOfMeanKlAtTheOldParameters(Activation activation) {
        GaussianPolicy policy = randomPolicy(activation, 31);
        SplittableRandom rng = new SplittableRandom(32);
        double[] obs = uniform(rng, BATCH * OBS, -2, 2);
        double[] v = uniform(rng, policy.parameterCount(), -1, 1);
        double[] u = uniform(rng, policy.parameterCount(), -1, 1);
        double[] oldMeans = new double[BATCH * ACT];
        policy.mean(obs, BATCH, oldMeans);
        double[] oldLogStd = policy.logStd();

        double[] fv = new double[policy.parameterCount()];
        policy.fisherVectorProduct(obs, BATCH, v, fv);
        double[] numeric = finiteDifferenceHessianVector(
                () -> policy.meanKl(obs, BATCH, oldMeans, oldLogStd), policy.params(), v, 1e-4);
        double err = relativeError(fv, numeric);
        assertTrue(err < 1e-5, "relative error " + err);

        double[] fu = new double[policy.parameterCount()];
        policy.fisherVectorProduct(obs, BATCH, u, fu);
        double uFv = dot(u, fv);
        assertEquals(uFv, dot(v, fu), 1e-12 * Math.abs(uFv), "symmetry u.Fv == v.Fu");
        assertTrue(dot(v, fv) > 0, "positive semi-definite");
    }

    @Test
    void actIsReproducibleAndConsistentWithLogProbAndMean() {
        GaussianPolicy policy = randomPolicy(Activation.TANH, 41);
        double[] obs = {0.3, -1.2, 0.8};
        double[] mean1 = new double[ACT];
        double[] action1 = new double[ACT];
        double[] mean2 = new double[ACT];
        double[] action2 = new double[ACT];
        double logp1 = policy.act(obs, new SplittableRandom(5), mean1, action1);
        double logp2 = policy.act(obs, new SplittableRandom(5), mean2, action2);
        assertArrayEquals(action1, action2, 0.0);
        assertArrayEquals(mean1, mean2, 0.0);
        assertEquals(logp1, logp2, 0.0);
        double[] action3 = new double[ACT];
        policy.act(obs, new SplittableRandom(6), new double[ACT], action3);
        assertFalse(Arrays.equals(action1, action3));

        double[] batchMean = new double[ACT];
        policy.mean(obs, 1, batchMean);
        assertArrayEquals(batchMean, mean1, 0.0);
        double[] logProb = new double[1];
        policy.logProb(obs, action1, 1, logProb);
        assertEquals(logProb[0], logp1, 0.0);
    }

    @Test
    void actSamplesWithTheConfiguredStandardDeviation() {
        double[] logStd = {-0.5, 0.4};
        GaussianPolicy policy = constantPolicy(new double[] {1.0, -2.0}, logStd);
        SplittableRandom rng = new SplittableRandom(8);
        double[] obs = {0.1, 0.2, 0.3};
        double[] mean = new double[ACT];
        double[] action = new double[ACT];
        int n = 20_000;
        double[] sum = new double[ACT];
        double[] sumSq = new double[ACT];
        for (int i = 0; i < n; i++) {
            policy.act(obs, rng, mean, action);
            for (int j = 0; j < ACT; j++) {
                sum[j] += action[j] - mean[j];
                sumSq[j] += (action[j] - mean[j]) * (action[j] - mean[j]);
            }
        }
        for (int j = 0; j < ACT; j++) {
            double std = Math.exp(logStd[j]);
            assertEquals(0.0, sum[j] / n, 0.03 * std);
            assertEquals(std, Math.sqrt(sumSq[j] / n), 0.03 * std);
        }
    }

    @Test
    void initializationSetsHeadGainBiasesAndLogStd() {
        GaussianPolicy policy = new GaussianPolicy(5, 3, new int[] {16, 16}, Activation.TANH);
        Arrays.fill(policy.params(), 7.0);
        policy.initialize(true, new SplittableRandom(1));
        Mlp mlp = policy.mlp();
        double[][] head = weightMatrix(mlp, policy.params(), 0, 2); // 3 x 16: orthogonal rows of norm 0.01
        for (int r = 0; r < 3; r++) {
            assertEquals(0.01, Math.sqrt(dot(head[r], head[r])), 1e-14);
            for (int s = r + 1; s < 3; s++) {
                assertEquals(0.0, dot(head[r], head[s]), 1e-16);
            }
        }
        double[][] hidden = weightMatrix(mlp, policy.params(), 0, 1); // 16 x 16: W^T W = 2 I
        MlpTest.assertGram(MlpTest.columnsGram(hidden), 2.0);
        for (int l = 0; l < 3; l++) {
            for (double b : biases(mlp, policy.params(), 0, l)) {
                assertEquals(0.0, b, 0.0);
            }
        }
        assertArrayEquals(new double[3], policy.logStd(), 0.0);

        policy.initialize(false, new SplittableRandom(1));
        assertArrayEquals(new double[3], policy.logStd(), 0.0);
        double bound = Math.sqrt(6.0 / (16 + 3));
        for (double[] row : weightMatrix(mlp, policy.params(), 0, 2)) {
            for (double w : row) {
                assertTrue(Math.abs(w) <= bound);
            }
        }
    }

    @Test
    void hotPathDoesNotAllocateAfterWarmUp() {
        java.lang.management.ThreadMXBean bean = java.lang.management.ManagementFactory.getThreadMXBean();
        org.junit.jupiter.api.Assumptions.assumeTrue(bean instanceof com.sun.management.ThreadMXBean);
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) bean;
        GaussianPolicy policy = randomPolicy(Activation.TANH, 51);
        ValueNet value = new ValueNet(OBS, new int[] {5, 4}, Activation.TANH);
        value.initialize(true, new SplittableRandom(2));
        SplittableRandom rng = new SplittableRandom(52);
        int batch = 64;
        double[] obs = uniform(rng, batch * OBS, -2, 2);
        double[] actions = uniform(rng, batch * ACT, -2, 2);
        double[] weights = uniform(rng, batch, -1, 1);
        double[] logProb = new double[batch];
        double[] means = new double[batch * ACT];
        double[] values = new double[batch];
        double[] v = uniform(rng, policy.parameterCount(), -1, 1);
        double[] fv = new double[policy.parameterCount()];
        double[] mean = new double[ACT];
        double[] action = new double[ACT];
        Adam adam = new Adam(policy.parameterCount());
        double[] oldLogStd = policy.logStd();
        Runnable work = () -> {
            policy.act(obs, rng, mean, action);
            policy.logProb(obs, actions, batch, logProb);
            policy.backwardLogProb(weights);
            policy.mean(obs, batch, means);
            policy.meanKl(obs, batch, means, oldLogStd);
            policy.fisherVectorProduct(obs, batch, v, fv);
            value.predict(obs);
            value.predict(obs, batch, values);
            value.backward(weights);
            GradClip.clipGlobalNorm(policy.grads(), 0.5);
            adam.step(policy.params(), policy.grads(), 1e-9);
        };
        for (int i = 0; i < 2000; i++) {
            work.run();
        }
        long before = threads.getThreadAllocatedBytes(Thread.currentThread().getId());
        for (int i = 0; i < 200; i++) {
            work.run();
        }
        long allocated = threads.getThreadAllocatedBytes(Thread.currentThread().getId()) - before;
        assertTrue(allocated < 1024, "allocated " + allocated + " bytes in 200 rounds");
    }
}
