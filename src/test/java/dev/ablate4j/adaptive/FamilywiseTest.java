package dev.ablate4j.adaptive;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ablate4j.adaptive.Decision.Verdict;
import dev.ablate4j.adaptive.Familywise.Reading;
import dev.ablate4j.stats.GroupSequential;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The family-wise (Bonferroni) reading of an adaptive design's verdicts. */
class FamilywiseTest {

    private static final SeedRule RULE = new SeedRule(5, 10, 5, null,
            List.of(Comparison.parse("b vs a"), Comparison.parse("c vs a")));

    /** Results given run by run: cell -> final returns by seed (absent seeds are pending). */
    private static final class Given implements Rounds.Results {
        final Map<String, double[]> values = new HashMap<>();

        @Override
        public Outcome outcome(String cellId, String env, long seed) {
            double[] v = values.get(cellId);
            return v == null || seed >= v.length ? Outcome.PENDING : Outcome.used(v[(int) seed]);
        }

        @Override
        public double halfWidth(String cellId, String env, double[] values) {
            return Double.NaN;
        }
    }

    /** a and c as above, b given. */
    private static Given given(double[] b) {
        Given given = new Given();
        given.values.put("a", A);
        given.values.put("c", C);
        given.values.put("b", b);
        return given;
    }

    private static Setup setup() {
        return new Setup("s", RULE, List.of(new Setup.CellRef("a", "a"), new Setup.CellRef("b", "b"),
                new Setup.CellRef("c", "c")), List.of("Hopper-v4"));
    }

    private static double[] shifted(double[] x, double by, int n) {
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            out[i] = x[i] + by;
        }
        return out;
    }

    private static final double[] A = {0, 1, 2, 3, 4, 0, 1, 2, 3, 4};
    /** c: the same values as a in another order (no effect), so c vs a stays open after look 1. */
    private static final double[] C = {4, 3, 2, 1, 0, 4, 3, 2, 1, 0};

    @Test
    void aFamilyOfOneReadsAsTheDesign() {
        assertArrayEquals(RULE.boundaries(), Familywise.of(RULE, 1).boundaries());
    }

    @Test
    void boundariesAreThoseOfAlphaOverM() {
        Familywise fw = Familywise.of(RULE, 6);
        assertEquals(0.05 / 6, fw.alpha(), 1e-15);
        // the first look in closed form: the α/m spent by then, two-sided
        double first = new NormalDistribution(null, 0, 1).inverseCumulativeProbability(
                1 - GroupSequential.spent(0.05 / 6, 0.5) / 2);
        assertEquals(first, fw.boundaries()[0], 1e-9);
        for (int k = 0; k < fw.boundaries().length; k++) {
            assertTrue(fw.boundaries()[k] > RULE.boundaries()[k], "look " + (k + 1));
        }
        assertEquals(1 - Math.pow(0.95, 6), fw.perTestFamilyError(), 1e-15);
    }

    @Test
    void readsDecidedAtTheFirstCrossingElseOpenOrUndecided() {
        Familywise fw = Familywise.of(RULE, 2);
        double[] b = fw.boundaries();
        assertEquals(new Reading(Verdict.DECIDED, 0, -b[0]), fw.read(new double[] {-b[0]}));
        assertEquals(new Reading(Verdict.DECIDED, 1, b[1] + 1), fw.read(new double[] {b[0] - 0.01, b[1] + 1}));
        assertEquals(new Reading(Verdict.OPEN, 0, 1.0), fw.read(new double[] {1.0}));
        assertEquals(new Reading(Verdict.UNDECIDED, 1, 2.0), fw.read(new double[] {1.0, 2.0}));
        Reading none = fw.read(new double[0]);
        assertEquals(Verdict.OPEN, none.verdict());
        assertEquals(-1, none.look());
        assertEquals("not shown", Familywise.word(fw.read(new double[] {1.0}), Verdict.DECIDED));
        assertEquals("open", Familywise.word(fw.read(new double[] {1.0}), Verdict.OPEN));

        // a complete design adds no runs: a test it stopped at look 1 is over, not open
        Reading stopped = fw.read(new double[] {1.0}, true);
        assertEquals(new Reading(Verdict.UNDECIDED, 0, 1.0), stopped);
        assertTrue(fw.stoppedEarly(stopped));
        assertFalse(fw.stoppedEarly(fw.read(new double[] {1.0, 2.0}, true)));
        assertEquals("not shown", Familywise.word(stopped, Verdict.DECIDED));
        assertEquals(String.format("not shown family-wise over 2 comparisons (Bonferroni: α = 0.05 / 2 = 0.025 each): at"
                + " look 1 of 2 (5 seeds), |z| 1.00 < %.2f (the design, complete, gave it no runs after this look)",
                b[0]), fw.describe(stopped, RULE.looks(), "comparisons"));
        assertEquals(Verdict.OPEN, fw.read(new double[0], true).verdict(), "no look with data at all");
    }

    @Test
    void aDecisionBelowTheFamilyBoundaryIsNotShownUntilMoreRunsCarryIt() {
        Given given = given(shifted(A, 4.6, 5));
        Setup setup = setup();
        Decision d = Rounds.decide(setup, given);
        Decision.ComparisonState bVsA = d.comparisons().get(0);
        Familywise fw = Familywise.of(RULE, 2);
        // the premise: the design decided b vs a at look 1, between its boundary and the family's
        assertEquals(Verdict.DECIDED, bVsA.verdict());
        assertEquals(0, bVsA.look());
        assertTrue(Math.abs(bVsA.z()) >= RULE.boundaries()[0] && Math.abs(bVsA.z()) < fw.boundaries()[0]);

        FamilywiseReadings r = FamilywiseReadings.of(setup, d, given);
        assertTrue(d.complete(), "c vs a ran to the last look");
        assertEquals(new Reading(Verdict.UNDECIDED, 0, bVsA.z()), r.comparisonReadings().get(0),
                "the complete design gave b no runs after look 1");
        assertEquals("not shown", Familywise.word(r.comparisonReadings().get(0), bVsA.verdict()));
        assertEquals(Verdict.UNDECIDED, r.comparisonReadings().get(1).verdict()); // c vs a: no effect, both looks
        assertNull(r.effects());

        // seeds 5-9 of b trained by another design: the family-wise test goes on to look 2
        given.values.put("b", shifted(A, 4.6, 10));
        Reading later = FamilywiseReadings.of(setup, Rounds.decide(setup, given), given).comparisonReadings().get(0);
        assertEquals(Verdict.DECIDED, later.verdict());
        assertEquals(1, later.look());
        assertEquals(GroupSequential.zFromWelch(shifted(A, 4.6, 10), A), later.z(), 0);
        assertTrue(Familywise.of(RULE, 2).describe(later, RULE.looks(), "comparisons")
                .startsWith("decided family-wise over 2 comparisons (Bonferroni: α = 0.05 / 2 = 0.025 each): at look 2 of 2"
                        + " (10 seeds), |z| "));
        // the verdict table names the higher side of a family-wise decision (b's returns are above a's)
        assertTrue(Familywise.of(RULE, 2).describe(later, RULE.looks(), "comparisons", "b", "a")
                .startsWith("decided family-wise, b higher, over 2 comparisons (Bonferroni"));
        assertTrue(Familywise.of(RULE, 2).describe(new Reading(Verdict.DECIDED, 1, -5.0), RULE.looks(), "comparisons",
                "b", "a").startsWith("decided family-wise, a higher, over 2 comparisons"));
    }

    @Test
    void underMultiplicityBonferroniTheDesignItselfTestsAtAlphaOverMAndNeedsNoReading(@TempDir Path dir) {
        SeedRule shared = new SeedRule(5, 10, 5, null, RULE.decided(), false, false, true);
        Setup setup = new Setup("s", shared, setup().cells(), List.of("Hopper-v4"));
        assertEquals(2, setup.tests());
        assertArrayEquals(Familywise.of(RULE, 2).boundaries(), setup.boundaries(), 0);
        Given given = given(shifted(A, 4.6, 5));
        Decision d = Rounds.decide(setup, given);
        assertArrayEquals(setup.boundaries(), d.boundaries(), 0);
        // |z| between the per-test and the shared boundary: open under the shared rule, b gets seeds 5-9
        assertEquals(Verdict.OPEN, d.comparisons().get(0).verdict());
        assertTrue(d.pending().stream().anyMatch(k -> k.cellId().equals("b") && k.seed() == 5));
        FamilywiseReadings r = FamilywiseReadings.of(setup, d, given);
        assertNull(r.comparisons());
        assertTrue(r.comparisonReadings().isEmpty());

        // the rule file records the key only when it is bonferroni, and reads back the same rule
        RuleFile.write(dir.resolve("shared"), setup);
        String text = new String(RuleFile.bytes(setup), StandardCharsets.UTF_8);
        assertTrue(text.replace(" ", "").contains("\"multiplicity\":\"bonferroni\""), text);
        assertEquals(setup, RuleFile.read(dir.resolve("shared").resolve(RuleFile.NAME)));
        assertFalse(new String(RuleFile.bytes(setup()), StandardCharsets.UTF_8).contains("multiplicity"));
    }

    @Test
    void theZsAreTheDesignsAtTheLooksItEvaluated() {
        Given given = given(shifted(A, 1.0, 10));
        Setup setup = setup();
        Decision d = Rounds.decide(setup, given);
        for (Decision.ComparisonState c : d.comparisons()) {
            double[] z = Rounds.comparisonZ(setup, given, c.pair(), c.env());
            assertEquals(2, z.length);
            assertEquals(c.z(), z[c.look()], 0);
        }
    }
}
