package dev.ablate4j.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Adam in float32: float state and parameters, the documented fused formula, close to float64 Adam. */
class Float32AdamTest {

    @Test
    void float32StepFollowsTheDocumentedFloatFormulaBitForBit() {
        int n = 37;
        SplittableRandom rng = new SplittableRandom(4);
        double[] params = new double[n];
        for (int i = 0; i < n; i++) {
            params[i] = (float) rng.nextDouble(-1, 1);
        }
        Adam adam = new Adam(n, 0.9, 0.999, 1e-5, Precision.FLOAT32);
        float[] p = new float[n];
        float[] m = new float[n];
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            p[i] = (float) params[i];
        }
        for (int t = 1; t <= 5; t++) {
            double[] grads = new double[n];
            for (int i = 0; i < n; i++) {
                grads[i] = rng.nextDouble(-2, 2); // doubles: Adam rounds them
            }
            double lr = 3e-4 * (1.0 - t / 10.0);
            adam.step(params, grads, lr);
            float stepSize = (float) (lr / (1.0 - Math.pow(0.9, t)));
            float sqrtBc2 = (float) Math.sqrt(1.0 - Math.pow(0.999, t));
            for (int i = 0; i < n; i++) {
                float g = (float) grads[i];
                m[i] = Math.fma(0.9f, m[i], (float) (1.0 - 0.9) * g);
                v[i] = Math.fma(0.999f, v[i], (float) (1.0 - 0.999) * g * g);
                float denom = (float) Math.sqrt(v[i]) / sqrtBc2 + 1e-5f;
                p[i] = Math.fma(-stepSize, m[i] / denom, p[i]);
            }
            for (int i = 0; i < n; i++) {
                assertEquals(p[i], params[i], 0.0, "step " + t + " parameter " + i);
                assertEquals(m[i], adam.firstMoment()[i], 0.0, "step " + t + " m " + i);
                assertEquals(v[i], adam.secondMoment()[i], 0.0, "step " + t + " v " + i);
            }
        }
    }

    @Test
    void float32AdamStaysCloseToFloat64Adam() {
        int n = 200;
        SplittableRandom rng = new SplittableRandom(6);
        double[] pf = new double[n];
        for (int i = 0; i < n; i++) {
            pf[i] = (float) rng.nextDouble(-1, 1);
        }
        double[] pd = pf.clone();
        Adam f = new Adam(n, 0.9, 0.999, 1e-5, Precision.FLOAT32);
        Adam d = new Adam(n, 0.9, 0.999, 1e-5);
        double maxDiff = 0;
        for (int t = 0; t < 100; t++) {
            double[] g = new double[n];
            for (int i = 0; i < n; i++) {
                g[i] = (float) (pd[i] - 0.3 + rng.nextDouble(-0.1, 0.1));
            }
            f.step(pf, g, 1e-3);
            d.step(pd, g, 1e-3);
        }
        for (int i = 0; i < n; i++) {
            maxDiff = Math.max(maxDiff, Math.abs(pf[i] - pd[i]));
            assertEquals((double) (float) pf[i], pf[i], "float parameter " + i);
        }
        assertTrue(maxDiff < 1e-5, "largest difference after 100 steps " + maxDiff);
        assertTrue(maxDiff > 0, "float32 Adam must round");
    }
}
