package dev.ablate4j.adaptive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ablate4j.adaptive.Decision.Verdict;
import dev.ablate4j.adaptive.Familywise.Reading;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Edge cases of the family-wise reading: early looks, left-out runs, too few values. */
class FamilywiseEdgeTest {

    /** cell -> outcome by seed (null: pending). */
    private static final class Given implements Rounds.Results {
        final Map<String, Outcome[]> runs = new HashMap<>();

        void values(String cell, double... v) {
            Outcome[] o = new Outcome[v.length];
            for (int i = 0; i < v.length; i++) {
                o[i] = Double.isNaN(v[i]) ? Outcome.LEFT_OUT : Outcome.used(v[i]);
            }
            runs.put(cell, o);
        }

        @Override
        public Outcome outcome(String cellId, String env, long seed) {
            Outcome[] o = runs.get(cellId);
            return o == null || seed >= o.length ? Outcome.PENDING : o[(int) seed];
        }

        @Override
        public double halfWidth(String cellId, String env, double[] values) {
            return Double.NaN;
        }
    }

    private static Setup setup(SeedRule rule) {
        return new Setup("s", rule, List.of(new Setup.CellRef("a", "a"), new Setup.CellRef("b", "b"),
                new Setup.CellRef("c", "c")), List.of("Hopper-v4"));
    }

    /** min 2 of max 20, a family of 3 comparisons: no effect at all must not read "decided". */
    @Test
    void anEarlyLookOfASmallAlphaDoesNotDecideEverything() {
        SeedRule rule = new SeedRule(2, 20, 2, null, List.of(Comparison.parse("b vs a"), Comparison.parse("c vs a"),
                Comparison.parse("c vs b")));
        Familywise fw = Familywise.of(rule, 3);
        for (int k = 0; k < fw.boundaries().length; k++) {
            assertTrue(fw.boundaries()[k] >= rule.boundaries()[k], "look " + (k + 1) + ": " + fw.boundaries()[k]);
        }
        Given g = new Given();
        double[] a = new double[20];
        double[] b = new double[20];
        for (int i = 0; i < 20; i++) {
            a[i] = i % 2 == 0 ? 10 : -10;
            b[i] = i % 2 == 0 ? 11 : -9; // a tiny shift, |z| well below 1
        }
        g.values("a", a);
        g.values("b", b);
        g.values("c", a);
        Setup s = setup(rule);
        FamilywiseReadings r = FamilywiseReadings.of(s, Rounds.decide(s, g), g);
        assertEquals(3, r.comparisons().size());
        for (Reading x : r.comparisonReadings()) {
            assertNotEquals(Verdict.DECIDED, x.verdict(), x.toString());
        }
    }

    /** Left-out (diverged) runs count as finished and add no value; with under two values z is n/a, never decided. */
    @Test
    void leftOutRunsAndTooFewValues() {
        SeedRule rule = new SeedRule(3, 6, 3, null, List.of(Comparison.parse("b vs a"), Comparison.parse("c vs a")));
        Given g = new Given();
        g.values("a", 1, 2, 3, 1, 2, 3);
        g.values("b", Double.NaN, Double.NaN, 100, Double.NaN, Double.NaN, Double.NaN); // one value in all
        g.values("c", 101, 102, Double.NaN, 103, 101, 102);
        Setup s = setup(rule);
        Decision d = Rounds.decide(s, g);
        FamilywiseReadings r = FamilywiseReadings.of(s, d, g);
        Reading bVsA = r.comparisonReadings().get(0);
        assertEquals(Verdict.UNDECIDED, bVsA.verdict(), bVsA.toString());
        assertTrue(Double.isNaN(bVsA.z()));
        assertTrue(r.comparisons().describe(bVsA, rule.looks(), "comparisons").contains("|z| n/a <"));
        // c vs a: seed 2 of c left out, the others used
        double[] z = Rounds.comparisonZ(s, g, s.pairs().get(1), "Hopper-v4");
        assertEquals(2, z.length);
        assertEquals(dev.ablate4j.stats.GroupSequential.zFromWelch(new double[] {101, 102}, new double[] {1, 2, 3}),
                z[0], 0);
        assertEquals(d.comparisons().get(1).z(), z[d.comparisons().get(1).look()], 0);
    }

    /** A look whose runs of one cell are pending ends the reading there, even when a later one is finished. */
    @Test
    void aPendingRunEndsTheReading() {
        SeedRule rule = new SeedRule(2, 6, 2, null, List.of(Comparison.parse("b vs a"), Comparison.parse("c vs a")));
        Given g = new Given();
        g.values("a", 1, 2, 3, 4, 5, 6);
        g.values("b", 1, 2, 3, 4, 5, 6);
        g.runs.get("b")[2] = Outcome.PENDING;
        g.values("c", 1, 2, 3, 4, 5, 6);
        Setup s = setup(rule);
        assertEquals(1, Rounds.comparisonZ(s, g, s.pairs().get(0), "Hopper-v4").length);
        assertEquals(3, Rounds.comparisonZ(s, g, s.pairs().get(1), "Hopper-v4").length);
    }

    /** Comparisons and main effects in one design: two families, each reading aligned with its states. */
    @Test
    void aDesignWithComparisonsAndMainEffects() {
        List<String> factors = List.of("a", "b");
        List<Setup.CellRef> cells = MainEffectsRoundsTest.factorial(factors);
        SeedRule rule = new SeedRule(4, 10, 3, null, List.of(Comparison.parse("cell a1b1 vs cell a0b0"),
                Comparison.parse("cell a1b0 vs cell a0b0")), false, true);
        List<String> envs = List.of("Hopper-v4", "Walker2d-v4");
        Setup s = new Setup("s", rule, cells, envs);
        MainEffectsRoundsTest.Factorial w = new MainEffectsRoundsTest.Factorial(cells).effect("a", 1000).independent();
        for (Setup.CellRef c : cells) {
            for (String env : envs) {
                for (long seed = 0; seed < 10; seed++) {
                    w.finish(new Decision.RunKey(c.id(), env, seed));
                }
            }
        }
        Decision d = Rounds.decide(s, w);
        FamilywiseReadings r = FamilywiseReadings.of(s, d, w);
        assertEquals(4, r.comparisons().size());
        assertEquals(4, r.effects().size());
        assertEquals(d.comparisons().size(), r.comparisonReadings().size());
        assertEquals(d.effects().size(), r.effectReadings().size());
        for (int i = 0; i < d.comparisons().size(); i++) {
            Decision.ComparisonState c = d.comparisons().get(i);
            double[] z = Rounds.comparisonZ(s, w, c.pair(), c.env());
            assertEquals(r.comparisons().read(z), r.comparisonReadings().get(i), c.toString());
            assertEquals(c.z(), z[c.look()], 0);
        }
        for (int i = 0; i < d.effects().size(); i++) {
            Decision.EffectState e = d.effects().get(i);
            double[][] z = Rounds.mainEffectZ(s, w, e.env());
            assertEquals(e.z(), z[e.look()][factors.indexOf(e.factor())], 0, e.toString());
            Reading x = r.effectReadings().get(i);
            if (e.factor().equals("a")) {
                assertEquals(Verdict.DECIDED, x.verdict(), e + " " + x);
            }
        }
    }
}
