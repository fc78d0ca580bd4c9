package dev.ablate4j.policy;

import dev.ablate4j.nn.Activation;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Synthetic saved policies for tests: random weights and filter statistics of any shape. */
public final class Policies {

    private Policies() {}

    /**
     * A policy {@code obs → hidden… → act} with N(0, 0.5²) weights, N(0, 0.1²) biases, log-std in
     * [−1, 0.5], filter means N(0, 3²) and stds in [0.05, 5].
     */
    public static SavedPolicy random(String env, int obs, int[] hidden, int act, Activation activation,
            boolean normalize, boolean clip, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        List<PolicyLayer> layers = new ArrayList<>();
        int in = obs;
        for (int l = 0; l <= hidden.length; l++) {
            int out = l < hidden.length ? hidden[l] : act;
            double[] w = new double[in * out];
            double[] b = new double[out];
            for (int i = 0; i < w.length; i++) {
                w[i] = 0.5 * gaussian(rng);
            }
            for (int i = 0; i < b.length; i++) {
                b[i] = 0.1 * gaussian(rng);
            }
            layers.add(new PolicyLayer(in, out, w, b));
            in = out;
        }
        double[] mean = new double[obs];
        double[] std = new double[obs];
        for (int i = 0; i < obs; i++) {
            mean[i] = 3 * gaussian(rng);
            std[i] = 0.05 + 4.95 * rng.nextDouble();
        }
        double[] logStd = new double[act];
        double[] low = new double[act];
        double[] high = new double[act];
        for (int j = 0; j < act; j++) {
            logStd[j] = -1 + 1.5 * rng.nextDouble();
            low[j] = -1;
            high[j] = 1;
        }
        ObservationNormalizer filter = new ObservationNormalizer(normalize, clip, 10.0, 1e-8, 4096, mean, std);
        return new SavedPolicy(env, dev.ablate4j.env.EnvVariant.V4, filter, layers, activation, logStd, low, high, false);
    }

    private static double gaussian(SplittableRandom rng) {
        return dev.ablate4j.nn.Fn.standardNormal(rng);
    }
}
