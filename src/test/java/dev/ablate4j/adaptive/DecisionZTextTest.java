package dev.ablate4j.adaptive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ablate4j.adaptive.Decision.ComparisonState;
import dev.ablate4j.adaptive.Decision.Verdict;
import dev.ablate4j.stats.GroupSequential;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * How a group-sequential |z| reads in the verdicts: an infinite z (a p-value below what the
 * normal mapping resolves in doubles) as "> 8.29", never "Infinity"; the same text in every locale.
 */
class DecisionZTextTest {

    private static final List<String> ENVS = List.of("Hopper-v4", "Walker2d-v4");

    @Test
    void anInfiniteZReadsAsBeyondTheLargestFiniteValue() {
        assertEquals(Double.POSITIVE_INFINITY, GroupSequential.zFromWelch(new double[] {100, 100.001, 100},
                new double[] {2, 2.001, 2}), "clearly separated groups with almost no spread give an infinite z");
        assertTrue(GroupSequential.zFromWelch(new double[] {100, 100.001, 100}, new double[] {2, 2.001, 2}) > 8.29);

        Setup s = new Setup("s", new SeedRule(3, 9, 3, null, List.of(Comparison.parse("a vs b"))),
                new ArrayList<>(List.of(new Setup.CellRef("a", "a"), new Setup.CellRef("b", "b"))), ENVS);
        RoundsTest.World w = new RoundsTest.World().cell("a", 1000, 1e-9).cell("b", 0, 1e-9);
        Decision d = Rounds.decide(s, w);
        d.pending().forEach(w::finish);
        d = Rounds.decide(s, w);
        for (ComparisonState c : d.comparisons()) {
            assertTrue(Double.isInfinite(c.z()), "z " + c.z());
            assertEquals(Verdict.DECIDED, c.verdict());
            assertEquals("> 8.29", c.absZ());
            assertEquals(String.format(Locale.ROOT, "decided at look 1 of 3 (3 seeds): |z| > 8.29 >= %.2f",
                    c.boundary()), c.describe(3));
            ComparisonState minus = new ComparisonState(c.pair(), c.env(), c.verdict(), c.look(), c.seeds(),
                    Double.NEGATIVE_INFINITY, c.boundary());
            assertEquals("> 8.29", minus.absZ());
            assertFalse(minus.describe(3).contains("Infinity"), minus.describe(3));
        }
        Decision.EffectState e = new Decision.EffectState("Hopper-v4", "value-clip", Verdict.DECIDED, 0, 3, 5.0, 0.0,
                4.0, Double.POSITIVE_INFINITY, 3.47);
        assertEquals("> 8.29", e.absZ());
        assertEquals("decided at look 1 of 3 (3 seeds): |z| > 8.29 >= 3.47", e.describe(3));
    }

    @Test
    void finiteAndMissingValuesReadAsBeforeInEveryLocale() {
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(Locale.GERMANY);
            assertEquals("3.41", Decision.absZ(-3.4123));
            assertEquals("8.29", Decision.absZ(8.292361075813595), "the largest finite value");
            assertEquals("n/a", Decision.absZ(Double.NaN));
            assertEquals("open after look 2 of 8 (10 seeds): |z| 1.25 < 3.36",
                    Decision.sequential(Verdict.OPEN, 1, 8, 10, Decision.absZ(1.25), 3.3614));
            assertEquals("max reached, undecided (40 seeds): |z| n/a < 1.97",
                    Decision.sequential(Verdict.UNDECIDED, 7, 8, 40, Decision.absZ(Double.NaN), 1.9693));
        } finally {
            Locale.setDefault(before);
        }
    }
}
