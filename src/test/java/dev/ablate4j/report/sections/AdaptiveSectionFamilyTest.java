package dev.ablate4j.report.sections;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ablate4j.adaptive.Comparison;
import dev.ablate4j.adaptive.Decision;
import dev.ablate4j.adaptive.FamilywiseReadings;
import dev.ablate4j.adaptive.Outcome;
import dev.ablate4j.adaptive.Rounds;
import dev.ablate4j.adaptive.SeedRule;
import dev.ablate4j.adaptive.Setup;
import dev.ablate4j.report.Block;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How the adaptive section states α: per test with the family-wise reading beside, or shared by Bonferroni. */
class AdaptiveSectionFamilyTest {

    /** Seed s of cell "a" returns s, of "b" s + 1, of "c" s + 2 (seeds 0-9 finished). */
    private static final Rounds.Results RESULTS = new Rounds.Results() {
        @Override
        public Outcome outcome(String cellId, String env, long seed) {
            return seed < 10 ? Outcome.used(seed + (cellId.charAt(0) - 'a')) : Outcome.PENDING;
        }

        @Override
        public double halfWidth(String cellId, String env, double[] values) {
            return Double.NaN;
        }
    };

    private static List<Block> section(boolean bonferroni) {
        SeedRule rule = new SeedRule(5, 10, 5, null, List.of(Comparison.parse("b vs a"), Comparison.parse("c vs a")),
                false, false, bonferroni);
        Setup setup = new Setup("s", rule, List.of(new Setup.CellRef("a", "a"), new Setup.CellRef("b", "b"),
                new Setup.CellRef("c", "c")), List.of("Hopper-v4", "Walker2d-v4"));
        Decision d = Rounds.decide(setup, RESULTS);
        return AdaptiveSection.blocks(setup, d, FamilywiseReadings.of(setup, d, RESULTS));
    }

    private static String rule(List<Block> blocks) {
        return blocks.stream().filter(b -> b instanceof Block.Paragraph).map(b -> ((Block.Paragraph) b).text())
                .filter(t -> t.startsWith("Rule: ")).findFirst().orElseThrow();
    }

    private static List<String> verdictHeader(List<Block> blocks) {
        return blocks.stream().filter(b -> b instanceof Block.TableBlock).map(b -> ((Block.TableBlock) b).table())
                .filter(t -> t.header().contains("comparison")).findFirst().orElseThrow().header();
    }

    @Test
    void perTestDesignsSayItAndShowTheFamilyWiseColumns() {
        List<Block> blocks = section(false);
        String rule = rule(blocks);
        assertTrue(rule.contains("(information fraction = seeds / max; two-sided α = 0.05 per comparison, not corrected"
                + " across comparisons; the family-wise reading is beside each verdict)"), rule);
        assertEquals(List.of("environment", "comparison", "verdict", "|z|", "boundary", "family-wise", "at look",
                "|z| there", "family-wise boundary"), verdictHeader(blocks));
    }

    @Test
    void aBonferroniDesignStatesTheSharedAlphaAndAddsNoReading() {
        List<Block> blocks = section(true);
        String rule = rule(blocks);
        assertTrue(rule.contains("(information fraction = seeds / max; multiplicity: bonferroni: the design's 4 tests"
                + " share two-sided α = 0.05, each at 0.05 / 4 = 0.0125, so these verdicts hold for the design as a"
                + " whole)"), rule);
        assertTrue(rule.contains("until {decided: [b vs a, c vs a]}, multiplicity: bonferroni."), rule);
        assertFalse(rule.contains("two-sidedtwo-sided") || rule.contains("not corrected"), rule);
        assertEquals(List.of("environment", "comparison", "verdict", "|z|", "boundary"), verdictHeader(blocks));
    }
}
