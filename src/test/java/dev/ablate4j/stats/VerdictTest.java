package dev.ablate4j.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Each verdict rule gives its verdict, names itself, and ranks a shown difference above equivalence. */
class VerdictTest {

    private static final double[] A = {100, 101, 99, 100.5, 99.5, 100.2};
    private static final double[] B = {100.1, 100.9, 99.2, 100.4, 99.6, 100.1};

    @Test
    void fixedDesignDecidesOnHolmPWithDirection() {
        Verdict v = Verdict.fixed("x", "y", -3.0, 0.01, null);
        assertEquals(Verdict.Kind.DECIDED, v.kind());
        assertEquals("y higher", v.direction());
        assertEquals("decided: y higher", v.text(null));
        assertTrue(v.rule().contains("Holm-adjusted Welch p = 0.010, below α = 0.05"), v.rule());
        assertEquals("x higher", Verdict.fixed("x", "y", 3.0, 0.049, null).direction());
    }

    @Test
    void withoutAMarginNoDifferenceIsUndecided() {
        Verdict v = Verdict.fixed("x", "y", 1.0, 0.05, null);
        assertEquals(Verdict.Kind.UNDECIDED, v.kind());
        assertTrue(v.rule().contains("not below α = 0.05"), v.rule());
    }

    @Test
    void withAMarginTostDecidesEquivalence() {
        Verdict eq = Verdict.fixed("x", "y", 0.0, 0.9, Tost.test(A, B, 2.0));
        assertEquals(Verdict.Kind.EQUIVALENT, eq.kind());
        assertEquals("equivalent within ±2", eq.text(2.0));
        assertTrue(eq.rule().contains("TOST (two one-sided Welch t-tests) at ±2"), eq.rule());
        Verdict not = Verdict.fixed("x", "y", 0.0, 0.9, Tost.test(A, B, 0.05));
        assertEquals(Verdict.Kind.NOT_SHOWN_EQUIVALENT, not.kind());
        assertEquals("not shown equivalent within ±0.05", not.text(0.05));
        // a shown difference wins over equivalence
        assertEquals(Verdict.Kind.DECIDED, Verdict.fixed("x", "y", 0.1, 0.001, Tost.test(A, B, 2.0)).kind());
    }

    @Test
    void aSingleComparisonDecidesOnThePlainWelchPAndSaysItIsOutsideTheHolmFamily() {
        Verdict d = Verdict.single("ppo", "CleanRL", -3.0, 0.01, Tost.test(A, B, 2.0));
        assertEquals("decided: CleanRL higher", d.text(2.0));
        assertEquals("Welch p = 0.010 (a single comparison, not in the Holm family), below α = 0.05", d.rule());
        Verdict eq = Verdict.single("ppo", "CleanRL", 0.0, 0.9, Tost.test(A, B, 2.0));
        assertEquals(Verdict.Kind.EQUIVALENT, eq.kind());
        assertTrue(eq.rule().startsWith("Welch p = 0.900 (a single comparison, not in the Holm family), not below α"
                + " = 0.05; TOST (two one-sided Welch t-tests) at ±2"), eq.rule());
        assertEquals(Verdict.Kind.NOT_SHOWN_EQUIVALENT,
                Verdict.single("ppo", "CleanRL", 0.0, 0.9, Tost.test(A, B, 0.05)).kind());
        assertEquals(Verdict.Kind.UNDECIDED, Verdict.single("ppo", "CleanRL", 0.0, 0.9, null).kind());
        assertEquals("Welch test not computable", Verdict.single("ppo", "CleanRL", 0.0, Double.NaN, null).rule());
        // the same verdict as a fixed row given the same p: only the rule's words differ
        for (double p : new double[] {0.001, 0.049, 0.05, 0.3}) {
            assertEquals(Verdict.fixed("x", "y", 1.0, p, Tost.test(A, B, 2.0)).kind(),
                    Verdict.single("x", "y", 1.0, p, Tost.test(A, B, 2.0)).kind());
        }
    }

    @Test
    void groupSequentialUsesTheBoundary() {
        Verdict d = Verdict.sequential("a", "b", true, false, -3.4, "decided at look 1 of 2", null);
        assertEquals("decided: b higher", d.text(null));
        assertTrue(d.rule().startsWith("group-sequential boundary: decided at look 1 of 2"));
        Verdict u = Verdict.sequential("a", "b", false, false, 1.9, "max reached, undecided", null);
        assertEquals(Verdict.Kind.UNDECIDED, u.kind());
        assertEquals(Verdict.Kind.EQUIVALENT, Verdict.sequential("a", "b", false, false, 0.1, "max reached",
                Tost.test(A, B, 2.0)).kind());
        // a design still adding seeds: its verdict is to come
        Verdict o = Verdict.sequential("a", "b", false, true, 1.2, "open after look 1 of 2 (5 seeds)", null);
        assertEquals(Verdict.Kind.OPEN, o.kind());
        assertEquals("open", o.text(null));
        assertEquals("group-sequential boundary not crossed: open after look 1 of 2 (5 seeds)", o.rule());
        assertEquals(Verdict.Kind.EQUIVALENT, Verdict.sequential("a", "b", false, true, 0.1, "open after look 1",
                Tost.test(A, B, 2.0)).kind(), "an equivalence shown on the data so far is still reported");
    }

    @Test
    void intervalOfADifferenceDecidesWhichIsLarger() {
        assertEquals("decided: ACLI larger", Verdict.interval("ACLI", "AAI", new Interval(5, 50), "m").text(null));
        assertEquals("decided: AAI larger", Verdict.interval("ACLI", "AAI", new Interval(-50, -5), "m").text(null));
        Verdict u = Verdict.interval("ACLI", "AAI", new Interval(-246, 468), "95% interval");
        assertEquals(Verdict.Kind.UNDECIDED, u.kind());
        assertTrue(u.rule().contains("holds 0"), u.rule());
    }
}
