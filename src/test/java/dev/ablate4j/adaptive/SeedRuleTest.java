package dev.ablate4j.adaptive;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.ablate4j.stats.GroupSequential;
import java.util.List;
import org.junit.jupiter.api.Test;

class SeedRuleTest {

    private static final List<Comparison> ONE = List.of(Comparison.parse("ppo vs ppo-m"));

    @Test
    void looksRunFromMinInStepsAndEndAtMax() {
        assertArrayEquals(new int[] {5, 10, 15, 20, 25, 30, 35, 40}, new SeedRule(5, 40, 5, 150.0, List.of()).looks());
        assertArrayEquals(new int[] {5, 10, 12}, new SeedRule(5, 12, 5, null, ONE).looks());
        assertArrayEquals(new int[] {3}, new SeedRule(3, 3, 1, null, ONE).looks());
        assertEquals(3, SeedRule.lookCount(5, 12, 5));
        assertEquals(8, SeedRule.lookCount(5, 40, 5));
    }

    @Test
    void boundariesAreTheOBrienFlemingSpendingAtSeedsOverMax() {
        SeedRule rule = new SeedRule(5, 40, 5, null, ONE);
        double[] t = {5 / 40.0, 10 / 40.0, 15 / 40.0, 20 / 40.0, 25 / 40.0, 30 / 40.0, 35 / 40.0, 1};
        assertArrayEquals(GroupSequential.boundaries(SeedRule.ALPHA, t), rule.boundaries(), 0);
        assertEquals(1.959964, new SeedRule(4, 4, 1, null, ONE).boundaries()[0], 1e-6, "one look: the fixed test");
    }

    @Test
    void impossibleRulesAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new SeedRule(1, 5, 1, 10.0, List.of()));
        assertThrows(IllegalArgumentException.class, () -> new SeedRule(5, 4, 1, 10.0, List.of()));
        assertThrows(IllegalArgumentException.class, () -> new SeedRule(5, 10, 0, 10.0, List.of()));
        assertThrows(IllegalArgumentException.class, () -> new SeedRule(2, 1000, 1, 10.0, List.of()));
        assertThrows(IllegalArgumentException.class, () -> new SeedRule(2, 10, 1, null, List.of()));
        assertThrows(IllegalArgumentException.class, () -> new SeedRule(2, 10, 1, -1.0, List.of()));
    }

    @Test
    void comparisonsAreTwoLabelsJoinedByVs() {
        assertEquals(new Comparison("trpo+", "trpo"), Comparison.parse("trpo+ vs trpo"));
        assertEquals(new Comparison("ppo, no value clipping", "ppo"), Comparison.parse("ppo, no value clipping vs ppo"));
        for (String bad : List.of("ppo", "ppo vs", "vs ppo", "ppo vs ppo", "a vs b vs c", "ppo versus trpo")) {
            assertThrows(IllegalArgumentException.class, () -> Comparison.parse(bad), bad);
        }
    }
}
