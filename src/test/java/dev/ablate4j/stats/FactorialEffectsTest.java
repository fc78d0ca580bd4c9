package dev.ablate4j.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class FactorialEffectsTest {

    /** score = 100 + 40·A − 10·B + 0·C + 20·A·B (levels 0/1), plus noise. */
    private static List<FactorialEffects.Observation> design(double noise, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        List<FactorialEffects.Observation> runs = new ArrayList<>();
        for (int cell = 0; cell < 8; cell++) {
            boolean a = (cell & 1) != 0;
            boolean b = (cell & 2) != 0;
            boolean c = (cell & 4) != 0;
            for (int s = 0; s < 5; s++) {
                double score = 100 + (a ? 40 : 0) - (b ? 10 : 0) + (a && b ? 20 : 0) + noise * r.nextGaussian();
                runs.add(new FactorialEffects.Observation("cell" + cell, Map.of("A", a, "B", b, "C", c), score));
            }
        }
        return runs;
    }

    @Test
    void noiselessDesignGivesExactContrasts() {
        List<FactorialEffects.Observation> runs = design(0, 1);
        // Main effect of A pooled over B: (40 + 60) / 2 = 50; of B: (−10 + 10) / 2 = 0.
        assertEquals(50, FactorialEffects.mainEffect(runs, "A"), 1e-9);
        assertEquals(0, FactorialEffects.mainEffect(runs, "B"), 1e-9);
        assertEquals(0, FactorialEffects.mainEffect(runs, "C"), 1e-9);
        // ½[(μ11 − μ01) − (μ10 − μ00)] = ½[(150 − 90) − (140 − 100)] = 10.
        assertEquals(10, FactorialEffects.interaction(runs, "A", "B"), 1e-9);
        assertEquals(0, FactorialEffects.interaction(runs, "A", "C"), 1e-9);
    }

    @Test
    void intervalsCoverTheTrueEffectsAndExcludeZeroForRealOnes() {
        List<FactorialEffects.Observation> runs = design(5, 2);
        FactorialEffects.Result res = FactorialEffects.analyze(
                runs, List.of("A", "B", "C"), Bootstrap.defaults(), new SplittableRandom(9));
        // The fast batch path agrees with the one-effect functions.
        for (FactorialEffects.Effect e : res.mainEffects()) {
            assertEquals(FactorialEffects.mainEffect(runs, e.factor()), e.estimate(), 1e-9);
        }
        for (FactorialEffects.Effect e : res.interactions()) {
            assertEquals(FactorialEffects.interaction(runs, e.factor(), e.secondFactor()), e.estimate(), 1e-9);
        }
        FactorialEffects.Effect a = res.mainEffects().get(0);
        FactorialEffects.Effect c = res.mainEffects().get(2);
        assertEquals("A", a.factor());
        assertTrue(a.ci().contains(50) && !a.ci().contains(0), a.toString());
        assertTrue(c.ci().contains(0), c.toString());
        FactorialEffects.Effect ab = res.interactions().get(0);
        assertEquals("B", ab.secondFactor());
        assertTrue(ab.ci().contains(10) && !ab.ci().contains(0), ab.toString());
        assertEquals(3, res.interactions().size());
    }

    @Test
    void missingCombinationGivesNan() {
        List<FactorialEffects.Observation> runs = List.of(
                new FactorialEffects.Observation("base", Map.of("A", true, "B", true), 1),
                new FactorialEffects.Observation("noA", Map.of("A", false, "B", true), 2),
                new FactorialEffects.Observation("noB", Map.of("A", true, "B", false), 3));
        // A on: {1, 3} → 2, A off: {2} → 2; B on: {1, 2} → 1.5, B off: {3}.
        assertEquals(0, FactorialEffects.mainEffect(runs, "A"), 1e-12);
        assertEquals(-1.5, FactorialEffects.mainEffect(runs, "B"), 1e-12);
        assertTrue(Double.isNaN(FactorialEffects.interaction(runs, "A", "B")));
        FactorialEffects.Result res = FactorialEffects.analyze(runs, List.of("A", "B"), Bootstrap.defaults(), new SplittableRandom(1));
        assertTrue(Double.isNaN(res.interactions().get(0).ci().lo()));
    }
}
