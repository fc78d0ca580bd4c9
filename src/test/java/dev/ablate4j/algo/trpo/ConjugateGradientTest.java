package dev.ablate4j.algo.trpo;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ConjugateGradientTest {

    private static double[][] randomSpd(int n, SplittableRandom rng) {
        double[][] m = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                m[i][j] = rng.nextDouble() * 2 - 1;
            }
        }
        double[][] a = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                for (int k = 0; k < n; k++) {
                    a[i][j] += m[k][i] * m[k][j];
                }
            }
            a[i][i] += 0.5;
        }
        return a;
    }

    private static void multiply(double[][] a, double[] x, double[] y, double damping) {
        for (int i = 0; i < a.length; i++) {
            double s = damping * x[i];
            for (int j = 0; j < x.length; j++) {
                s += a[i][j] * x[j];
            }
            y[i] = s;
        }
    }

    private static double residual(double[][] a, double[] x, double[] b, double damping) {
        double[] ax = new double[b.length];
        multiply(a, x, ax, damping);
        double r = 0;
        double nb = 0;
        for (int i = 0; i < b.length; i++) {
            r += (ax[i] - b[i]) * (ax[i] - b[i]);
            nb += b[i] * b[i];
        }
        return Math.sqrt(r / nb);
    }

    @Test
    void solvesARandomSpdSystemWithinNIterations() {
        SplittableRandom rng = new SplittableRandom(5);
        int n = 12;
        double[][] a = randomSpd(n, rng);
        double[] b = new double[n];
        for (int i = 0; i < n; i++) {
            b[i] = rng.nextDouble() - 0.5;
        }
        double[] x = ConjugateGradient.solve((v, out) -> multiply(a, v, out, 0), b, n, 0);
        assertTrue(residual(a, x, b, 0) < 1e-8, "relative residual " + residual(a, x, b, 0));
    }

    @Test
    void withDampingSolvesTheDampedSystem() {
        SplittableRandom rng = new SplittableRandom(6);
        int n = 10;
        double[][] a = randomSpd(n, rng);
        double[] b = new double[n];
        for (int i = 0; i < n; i++) {
            b[i] = rng.nextDouble() - 0.5;
        }
        double damping = 0.1;
        double[] x = ConjugateGradient.solve((v, out) -> multiply(a, v, out, damping), b, n, 0);
        assertTrue(residual(a, x, b, damping) < 1e-8);
        assertTrue(residual(a, x, b, 0) > 1e-3, "the undamped system is a different one");
    }
}
