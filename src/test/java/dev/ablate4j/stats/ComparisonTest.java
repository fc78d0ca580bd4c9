package dev.ablate4j.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ComparisonTest {

    @Test
    void bundlesTheStatisticsAndIsReproducible() {
        double[] x = {5, 6, 7, 8, 9, 10};
        double[] y = {1, 2, 3, 4, 5, 6, 7};
        Comparison a = Comparison.of(x, y, Bootstrap.defaults(), new SplittableRandom(3));
        Comparison b = Comparison.of(x, y, Bootstrap.defaults(), new SplittableRandom(3));
        assertEquals(a, b);
        assertEquals(6, a.nX());
        assertEquals(7.5, a.meanX(), 1e-12);
        assertEquals(WelchTest.test(x, y), a.welch());
        assertEquals(EffectSize.hedgesG(x, y), a.hedgesG(), 0);
        assertTrue(a.ci95DiffMeans().contains(7.5 - 4));
        assertTrue(a.probImprovementCi().contains(a.probImprovement()));
        assertEquals(PowerAnalysis.seedsNeeded(a.hedgesG()), a.seedsNeeded());
    }

    @Test
    void holmKeepsOrderAndIgnoresNan() {
        double[] adj = Holm.adjust(new double[] {0.04, Double.NaN, 0.01});
        assertEquals(0.04, adj[0], 1e-15);
        assertTrue(Double.isNaN(adj[1]));
        assertEquals(0.02, adj[2], 1e-15);
    }
}
