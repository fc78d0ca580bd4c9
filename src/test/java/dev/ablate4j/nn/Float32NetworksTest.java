package dev.ablate4j.nn;

import static dev.ablate4j.nn.NnTestSupport.dot;
import static dev.ablate4j.nn.NnTestSupport.finiteDifferenceGradient;
import static dev.ablate4j.nn.NnTestSupport.relativeError;
import static dev.ablate4j.nn.NnTestSupport.uniform;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The float32 networks against the float64 ones: the same parameters (rounded to float) give
 * outputs, gradients and Fisher-vector products within float32 rounding of the double results,
 * and the float32 gradients match finite differences of the float64 network (float32 itself is
 * too coarse for finite differences). Tolerances: a 64-64 network sums 64 products per output
 * with one float rounding each (unit roundoff 6e-8), so relative errors of a few 1e-6 are what
 * float32 gives; 1e-4 leaves a margin while a wrong term (or a double-only path) fails by far.
 */
class Float32NetworksTest {

    private static final int OBS = 11;
    private static final int ACT = 3;
    private static final int BATCH = 64;
    private static final int[] HIDDEN = {64, 64};

    private static GaussianPolicy policy(Precision precision, Activation activation, long seed) {
        GaussianPolicy p = new GaussianPolicy(OBS, ACT, HIDDEN, activation, JavaBackend.INSTANCE, precision);
        p.initialize(true, new SplittableRandom(seed));
        SplittableRandom rng = new SplittableRandom(seed + 1);
        double[] params = p.params();
        for (int i = 0; i < params.length; i++) { // larger head and log-std than init, so every part matters
            params[i] = (float) (params[i] + rng.nextDouble(-0.1, 0.1));
        }
        return p;
    }

    private static void copyParams(GaussianPolicy from, GaussianPolicy to) {
        System.arraycopy(from.params(), 0, to.params(), 0, from.params().length);
    }

    @ParameterizedTest
    @EnumSource(Activation.class)
    void float32RunnerIsCloseToTheDoubleKernels(Activation activation) {
        Mlp mlp = new Mlp(OBS, HIDDEN, ACT, activation);
        SplittableRandom rng = new SplittableRandom(3);
        double[] params = new double[mlp.parameterCount()];
        Initialization.orthogonal(mlp, params, 0, Math.sqrt(2), 1.0, rng);
        Precision.FLOAT32.roundAll(params);
        double[] x = uniform(rng, BATCH * OBS, -2, 2);
        Precision.FLOAT32.roundAll(x);
        double[] dOut = uniform(rng, BATCH * ACT, -1, 1);
        Precision.FLOAT32.roundAll(dOut);
        double[] tangent = uniform(rng, params.length, -1, 1);
        Precision.FLOAT32.roundAll(tangent);

        MlpRunner d = JavaBackend.INSTANCE.runner(mlp);
        MlpRunner f = Precision.FLOAT32.runner(mlp, JavaBackend.INSTANCE);
        d.forward(params, 0, x, BATCH);
        f.forward(params, 0, x, BATCH);
        double[] outD = Arrays.copyOf(d.output(), BATCH * ACT);
        double[] outF = Arrays.copyOf(f.output(), BATCH * ACT);
        assertClose(outD, outF, 1e-5, "forward");
        assertNotEquals(Arrays.toString(outD), Arrays.toString(outF), "float32 must actually round");

        double[] gD = new double[params.length];
        double[] gF = new double[params.length];
        d.backward(params, 0, dOut, gD, 0);
        f.backward(params, 0, dOut, gF, 0);
        assertClose(gD, gF, 1e-5, "backward");

        d.jvp(params, 0, tangent, 0);
        f.jvp(params, 0, tangent, 0);
        assertClose(Arrays.copyOf(d.tangentOutput(), BATCH * ACT), Arrays.copyOf(f.tangentOutput(), BATCH * ACT),
                1e-5, "jvp");
    }

    @ParameterizedTest
    @EnumSource(Activation.class)
    void float32PolicyGradientMatchesFiniteDifferencesOfTheFloat64Policy(Activation activation) {
        GaussianPolicy f = policy(Precision.FLOAT32, activation, 11);
        GaussianPolicy d = new GaussianPolicy(OBS, ACT, HIDDEN, activation, JavaBackend.INSTANCE, Precision.FLOAT64);
        copyParams(f, d);
        SplittableRandom rng = new SplittableRandom(12);
        double[] obs = uniform(rng, BATCH * OBS, -2, 2);
        Precision.FLOAT32.roundAll(obs);
        double[] actions = uniform(rng, BATCH * ACT, -2, 2);
        Precision.FLOAT32.roundAll(actions);
        double[] weights = uniform(rng, BATCH, -1, 1);
        double[] logProb = new double[BATCH];

        f.zeroGrads();
        f.logProb(obs, actions, BATCH, logProb);
        f.backwardLogProb(weights);
        double[] analytic = f.grads().clone();
        double[] numeric = finiteDifferenceGradient(() -> {
            d.logProb(obs, actions, BATCH, logProb);
            return dot(logProb, weights);
        }, d.params(), 1e-6);
        double err = relativeError(analytic, numeric);
        assertTrue(err < 1e-4, "relative error " + err);
        assertTrue(err > 0, "float32 gradients should not be the float64 ones to the bit");
        int mlpEnd = f.logStdOffset();
        for (int i = 0; i < mlpEnd; i++) {
            assertEquals((double) (float) analytic[i], analytic[i], "network gradient " + i + " is a float");
        }
    }

    @ParameterizedTest
    @EnumSource(Activation.class)
    void float32ValueGradientMatchesFiniteDifferencesOfTheFloat64Net(Activation activation) {
        ValueNet f = new ValueNet(OBS, HIDDEN, activation, JavaBackend.INSTANCE, Precision.FLOAT32);
        f.initialize(true, new SplittableRandom(13));
        ValueNet d = new ValueNet(OBS, HIDDEN, activation, JavaBackend.INSTANCE, Precision.FLOAT64);
        System.arraycopy(f.params(), 0, d.params(), 0, f.params().length);
        SplittableRandom rng = new SplittableRandom(14);
        double[] obs = uniform(rng, BATCH * OBS, -2, 2);
        Precision.FLOAT32.roundAll(obs);
        double[] dOut = uniform(rng, BATCH, -1, 1);
        Precision.FLOAT32.roundAll(dOut);
        double[] out = new double[BATCH];
        f.predict(obs, BATCH, out);
        f.backward(dOut);
        double[] numeric = finiteDifferenceGradient(() -> {
            d.predict(obs, BATCH, out);
            return dot(out, dOut);
        }, d.params(), 1e-6);
        double err = relativeError(f.grads(), numeric);
        assertTrue(err < 1e-4, "relative error " + err);
    }

    @Test
    void float32FisherVectorProductIsCloseToTheFloat64One() {
        GaussianPolicy f = policy(Precision.FLOAT32, Activation.TANH, 15);
        GaussianPolicy d = new GaussianPolicy(OBS, ACT, HIDDEN, Activation.TANH, JavaBackend.INSTANCE,
                Precision.FLOAT64);
        copyParams(f, d);
        SplittableRandom rng = new SplittableRandom(16);
        double[] obs = uniform(rng, BATCH * OBS, -2, 2);
        Precision.FLOAT32.roundAll(obs);
        double[] v = uniform(rng, f.parameterCount(), -1, 1);
        Precision.FLOAT32.roundAll(v);
        double[] fvF = new double[v.length];
        double[] fvD = new double[v.length];
        f.fisherVectorProduct(obs, BATCH, v, fvF);
        d.fisherVectorProduct(obs, BATCH, v, fvD);
        assertClose(fvD, fvF, 1e-4, "Fisher-vector product");
    }

    @Test
    void float32ActingIsTheBatchRowToTheBitAndItsActionIsAFloat() {
        GaussianPolicy p = policy(Precision.FLOAT32, Activation.TANH, 17);
        SplittableRandom rng = new SplittableRandom(18);
        double[] obs = uniform(rng, BATCH * OBS, -2, 2);
        Precision.FLOAT32.roundAll(obs);
        double[] means = new double[BATCH * ACT];
        p.mean(obs, BATCH, means);
        double[] actions = new double[BATCH * ACT];
        double[] actLogProbs = new double[BATCH];
        SplittableRandom noise = new SplittableRandom(19);
        for (int b = 0; b < BATCH; b++) {
            double[] mean = new double[ACT];
            double[] action = new double[ACT];
            actLogProbs[b] = p.act(Arrays.copyOfRange(obs, b * OBS, (b + 1) * OBS), noise, mean, action);
            for (int j = 0; j < ACT; j++) {
                assertEquals(means[b * ACT + j], mean[j], 0.0, "one-row mean = batch row, sample " + b);
                assertEquals((double) (float) action[j], action[j], "action is a float");
            }
            System.arraycopy(action, 0, actions, b * ACT, ACT);
        }
        double[] logProbs = new double[BATCH];
        p.logProb(obs, actions, BATCH, logProbs);
        assertEquals(Arrays.toString(actLogProbs), Arrays.toString(logProbs), "act's log-probabilities");
    }

    @Test
    void float32InitializationGivesFloatParametersAndFloat64IsUnchanged() {
        GaussianPolicy f = new GaussianPolicy(OBS, ACT, HIDDEN, Activation.TANH, JavaBackend.INSTANCE,
                Precision.FLOAT32);
        GaussianPolicy d = new GaussianPolicy(OBS, ACT, HIDDEN, Activation.TANH);
        f.initialize(true, new SplittableRandom(20));
        d.initialize(true, new SplittableRandom(20));
        boolean someDiffer = false;
        for (int i = 0; i < f.params().length; i++) {
            assertEquals((float) d.params()[i], f.params()[i], 0.0, "parameter " + i);
            someDiffer |= d.params()[i] != f.params()[i];
        }
        assertTrue(someDiffer, "float64 initialization must keep its double values");
    }

    @Test
    void float32RunsOnTheJavaBackendOnly() {
        Mlp mlp = new Mlp(2, new int[] {3}, 1, Activation.TANH);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Precision.FLOAT32.runner(mlp, AutoBackend.INSTANCE));
        assertTrue(e.getMessage().contains("java backend only"), e.getMessage());
        assertEquals(Precision.FLOAT32, Precision.byId("float32"));
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class, () -> Precision.byId("half"));
        assertTrue(bad.getMessage().contains("allowed: float64, float32"), bad.getMessage());
    }

    private static void assertClose(double[] expected, double[] actual, double tolerance, String what) {
        double err = relativeError(expected, actual);
        assertTrue(err < tolerance, what + ": relative error " + err);
    }
}
