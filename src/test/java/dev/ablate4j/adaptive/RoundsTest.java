package dev.ablate4j.adaptive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ablate4j.adaptive.Decision.CellState;
import dev.ablate4j.adaptive.Decision.ComparisonState;
import dev.ablate4j.adaptive.Decision.RunKey;
import dev.ablate4j.adaptive.Decision.Verdict;
import dev.ablate4j.stats.Descriptive;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The round logic on synthetic finished results: no training. */
class RoundsTest {

    private static final List<String> ENVS = List.of("Hopper-v4", "Walker2d-v4");

    /** Results where finished runs are recorded one by one; a run's value is mean + sd * noise(seed). */
    static final class World implements Rounds.Results {
        final Map<String, double[]> meanSd = new HashMap<>();
        final Map<String, Outcome> finished = new HashMap<>();
        final Set<String> diverging = new HashSet<>();

        World cell(String id, double mean, double sd) {
            meanSd.put(id, new double[] {mean, sd});
            return this;
        }

        double value(RunKey k) {
            double[] m = meanSd.get(k.cellId());
            // the same noise for every cell at a seed: cells with equal sd differ by their means only
            SplittableRandom r = new SplittableRandom(k.seed() * 7919 + k.env().hashCode());
            double u = r.nextDouble();
            double v = r.nextDouble();
            return m[0] + m[1] * Math.sqrt(-2 * Math.log(1 - u)) * Math.cos(2 * Math.PI * v);
        }

        void finish(RunKey k) {
            finished.put(k.id(), diverging.contains(k.id()) ? Outcome.LEFT_OUT : Outcome.used(value(k)));
        }

        @Override
        public Outcome outcome(String cellId, String env, long seed) {
            return finished.getOrDefault(new RunKey(cellId, env, seed).id(), Outcome.PENDING);
        }

        @Override
        public double halfWidth(String cellId, String env, double[] values) {
            return 2 * Descriptive.std(values) / Math.sqrt(values.length);
        }
    }

    private static Setup setup(SeedRule rule, String... labels) {
        List<Setup.CellRef> cells = new ArrayList<>();
        for (String l : labels) {
            cells.add(new Setup.CellRef(l, l));
        }
        return new Setup("s", rule, cells, ENVS);
    }

    /** Runs rounds to the end, finishing each round's runs all at once; the decisions seen. */
    private static List<Decision> runAll(Setup setup, World w) {
        List<Decision> seen = new ArrayList<>();
        Decision d = Rounds.decide(setup, w);
        seen.add(d);
        while (!d.complete()) {
            d.pending().forEach(w::finish);
            d = Rounds.decide(setup, w);
            seen.add(d);
        }
        return seen;
    }

    private static CellState cell(Decision d, String label, String env) {
        return d.cells().stream().filter(c -> c.cell().label().equals(label) && c.env().equals(env)).findFirst()
                .orElseThrow();
    }

    private static ComparisonState comparison(Decision d, String text, String env) {
        return d.comparisons().stream().filter(c -> c.pair().comparison().text().equals(text) && c.env().equals(env))
                .findFirst().orElseThrow();
    }

    @Test
    void theFirstRoundIsMinSeedsOfEveryCellInPlanOrderAndAPartialRoundStaysTheSameRound() {
        Setup s = setup(new SeedRule(3, 9, 3, 1.0, List.of()), "a", "b");
        World w = new World().cell("a", 0, 1).cell("b", 0, 1);
        Decision d = Rounds.decide(s, w);
        assertEquals(0, d.round());
        assertFalse(d.complete());
        List<String> ids = d.roundRuns().stream().map(RunKey::id).toList();
        assertEquals(List.of("a/Hopper-v4/seed-0", "a/Walker2d-v4/seed-0", "b/Hopper-v4/seed-0", "b/Walker2d-v4/seed-0",
                "a/Hopper-v4/seed-1"), ids.subList(0, 5), "seed-major, cells then envs, as the plan orders runs");
        assertEquals(12, ids.size());
        assertEquals(d.roundRuns(), d.pending());
        assertTrue(d.cells().stream().allMatch(c -> c.seeds() == 3 && c.active()));

        for (int i = 0; i < 12; i += 2) {
            w.finish(d.roundRuns().get(i));
        }
        Decision half = Rounds.decide(s, w);
        assertEquals(0, half.round());
        assertEquals(d.roundRuns(), half.roundRuns(), "the round's runs do not change while it runs (stable shards)");
        assertEquals(6, half.pending().size());
    }

    @Test
    void precisionStopsOnTheWidthAloneNeverOnTheEstimate() {
        // a and b: same spread, very different means; c: a hundred times the spread
        Setup s = setup(new SeedRule(4, 16, 4, 1.5, List.of()), "a", "b", "c");
        List<Decision> rounds = runAll(s, new World().cell("a", 0, 2).cell("b", 5000, 2).cell("c", 0, 200));
        Decision end = rounds.get(rounds.size() - 1);
        for (String env : ENVS) {
            CellState a = cell(end, "a", env);
            CellState b = cell(end, "b", env);
            assertEquals(a.seeds(), b.seeds(), "the mean never matters");
            assertEquals(a.precisionMetAt(), b.precisionMetAt());
            assertTrue(a.seeds() < 16 && a.halfWidth() <= 1.5, a.toString());
            CellState c = cell(end, "c", env);
            assertEquals(16, c.seeds());
            assertNull(c.precisionMetAt(), "max reached, not met");
            assertFalse(c.active());
        }
        assertTrue(end.complete());
    }

    @Test
    void aClearDifferenceIsDecidedEarlyANullOneRunsToMaxAndOtherCellsStopAtMin() {
        SeedRule rule = new SeedRule(5, 40, 5, null,
                List.of(Comparison.parse("ppo vs ppo-m"), Comparison.parse("trpo+ vs trpo")));
        Setup s = setup(rule, "ppo", "ppo-m", "trpo", "trpo+", "other");
        // ppo is 30 sd above ppo-m; trpo and trpo+ draw identical values (z = 0 at every look)
        World w = new World().cell("ppo", 30, 1).cell("ppo-m", 0, 1).cell("trpo", 3, 1).cell("trpo+", 3, 1)
                .cell("other", 0, 50);
        List<Decision> rounds = runAll(s, w);
        Decision end = rounds.get(rounds.size() - 1);
        assertEquals(8, end.round(), "eight looks: 5, 10, ..., 40");
        double[] c = rule.boundaries();
        for (String env : ENVS) {
            ComparisonState clear = comparison(end, "ppo vs ppo-m", env);
            assertEquals(Verdict.DECIDED, clear.verdict());
            assertEquals(0, clear.look(), "decided at the first look");
            assertEquals(c[0], clear.boundary());
            assertTrue(Math.abs(clear.z()) >= c[0]);
            assertEquals(5, cell(end, "ppo", env).seeds());
            assertEquals(5, cell(end, "ppo-m", env).seeds());
            ComparisonState none = comparison(end, "trpo+ vs trpo", env);
            assertEquals(Verdict.UNDECIDED, none.verdict());
            assertEquals(7, none.look());
            assertEquals(40, none.seeds());
            assertTrue(none.describe(8).startsWith("max reached, undecided (40 seeds)"), none.describe(8));
            assertEquals(40, cell(end, "trpo", env).seeds());
            assertEquals(40, cell(end, "trpo+", env).seeds());
            assertEquals(5, cell(end, "other", env).seeds(), "in no comparison, no precision target: min");
        }
        // each later round only adds the seeds of the two open cells on each env
        Decision second = rounds.get(1);
        assertEquals(1, second.round());
        assertEquals(2 * 2 * 5, second.roundRuns().size());
        assertTrue(second.roundRuns().stream().allMatch(k -> k.cellId().startsWith("trpo") && k.seed() >= 5
                && k.seed() < 10));
    }

    @Test
    void withBothRulesACellContinuesWhileEitherIsOpen() {
        SeedRule rule = new SeedRule(4, 12, 4, 0.05, List.of(Comparison.parse("a vs b")));
        Setup s = setup(rule, "a", "b");
        World w = new World().cell("a", 100, 1).cell("b", 0, 1);
        List<Decision> rounds = runAll(s, w);
        Decision end = rounds.get(rounds.size() - 1);
        for (String env : ENVS) {
            assertEquals(Verdict.DECIDED, comparison(end, "a vs b", env).verdict());
            assertEquals(0, comparison(end, "a vs b", env).look());
            assertEquals(12, cell(end, "a", env).seeds(), "decided at 4 seeds, but its precision needs more");
            assertNull(cell(end, "a", env).precisionMetAt());
        }
    }

    @Test
    void leftOutRunsUseTheirSeedAndAddNoValue() {
        Setup s = setup(new SeedRule(3, 6, 3, 0.001, List.of()), "a");
        World w = new World().cell("a", 0, 1);
        w.diverging.add("a/Hopper-v4/seed-1");
        List<Decision> rounds = runAll(s, w);
        Decision end = rounds.get(rounds.size() - 1);
        assertEquals(2, rounds.size() - 1, "the diverged run counts as finished: two rounds ran");
        assertEquals(6, cell(end, "a", "Hopper-v4").seeds());
        assertEquals(5, cell(end, "a", "Hopper-v4").used());
        assertEquals(6, cell(end, "a", "Walker2d-v4").used());
    }

    /**
     * A driver interrupted anywhere (any subset of a round's runs finished when it stops) and
     * restarted sees the same rounds and ends with the same decision as one that never stopped:
     * the decision is a function of the finished results alone.
     */
    @Test
    void interruptedAnywhereTheRoundsAndTheEndAreTheSame() {
        SeedRule rule = new SeedRule(2, 10, 2, 1.2, List.of(Comparison.parse("a vs b"), Comparison.parse("b vs c")));
        Setup s = setup(rule, "a", "b", "c");
        List<Decision> straight = runAll(s, new World().cell("a", 1, 1).cell("b", 0, 1).cell("c", 0.2, 1.5));
        World w = new World().cell("a", 1, 1).cell("b", 0, 1).cell("c", 0.2, 1.5);
        SplittableRandom random = new SplittableRandom(16);
        List<List<RunKey>> rounds = new ArrayList<>();
        Decision d = Rounds.decide(s, w);
        while (!d.complete()) {
            if (rounds.isEmpty() || !rounds.get(rounds.size() - 1).equals(d.roundRuns())) {
                rounds.add(d.roundRuns());
            }
            List<RunKey> pending = new ArrayList<>(d.pending());
            int k = 1 + random.nextInt(pending.size());
            for (int i = 0; i < k; i++) {
                w.finish(pending.remove(random.nextInt(pending.size())));
            }
            d = Rounds.decide(s, w);
        }
        assertEquals(straight.stream().filter(x -> !x.complete()).map(Decision::roundRuns).toList(), rounds);
        Decision end = straight.get(straight.size() - 1);
        assertEquals(end.cells(), d.cells());
        assertEquals(end.comparisons(), d.comparisons());
        assertEquals(end.round(), d.round());
        assertTrue(rounds.size() >= 2, "several rounds ran: " + rounds.size());
    }

    /**
     * The statistical claim through the real decision path (boundaries, Welch to z, who stays
     * active): 10,000 simulated experiments of "a vs b", 5 to 40 seeds in steps of 5. Under the
     * null the fraction decided stays within alpha +- 0.01; with a true difference of one standard
     * deviation the comparison stops, on average, well before max.
     */
    @Test
    void theRoundsKeepTheFalsePositiveRateAndStopEarlyOnARealDifference() {
        SeedRule rule = new SeedRule(5, 40, 5, null, List.of(Comparison.parse("a vs b")));
        Setup s = new Setup("sim", rule, List.of(new Setup.CellRef("a", "a"), new Setup.CellRef("b", "b")),
                List.of("e"));
        double[] boundaries = rule.boundaries();
        int decidedNull = 0;
        for (int e = 0; e < 10_000; e++) {
            decidedNull += simulate(s, boundaries, 0.0, 1_000_000L + e).comparisons().get(0).verdict()
                    == Verdict.DECIDED ? 1 : 0;
        }
        double rate = decidedNull / 10_000.0;
        assertTrue(Math.abs(rate - SeedRule.ALPHA) <= 0.01, "false-positive rate " + rate);
        double seeds = 0;
        int decided = 0;
        for (int e = 0; e < 2_000; e++) {
            Decision d = simulate(s, boundaries, 1.0, 2_000_000L + e);
            decided += d.comparisons().get(0).verdict() == Verdict.DECIDED ? 1 : 0;
            seeds += d.cells().get(0).seeds();
        }
        seeds /= 2_000;
        System.err.printf("rounds simulation: null %d of 10000 decided (%.4f); 1 sd: %d of 2000 decided,"
                + " %.2f seeds per cell on average (max 40)%n", decidedNull, rate, decided, seeds);
        assertTrue(seeds < 25, seeds + " seeds on average");
        assertTrue(decided > 1_900, decided + " of 2000 decided");
    }

    /** One experiment to its end: every run finishes as soon as it is pending; values iid normal. */
    private static Decision simulate(Setup s, double[] boundaries, double shift, long experiment) {
        Map<String, Outcome> finished = new HashMap<>();
        Rounds.Results results = new Rounds.Results() {
            @Override
            public Outcome outcome(String cellId, String env, long seed) {
                return finished.getOrDefault(cellId + seed, Outcome.PENDING);
            }

            @Override
            public double halfWidth(String cellId, String env, double[] values) {
                return Double.NaN;
            }
        };
        Decision d = Rounds.decide(s, results, boundaries);
        while (!d.complete()) {
            for (RunKey k : d.pending()) {
                SplittableRandom r = new SplittableRandom(experiment * 1_000 + k.seed() * 2 + (k.cellId().equals("a") ? 1 : 0));
                double g = Math.sqrt(-2 * Math.log(1 - r.nextDouble())) * Math.cos(2 * Math.PI * r.nextDouble());
                finished.put(k.cellId() + k.seed(), Outcome.used(g + (k.cellId().equals("a") ? shift : 0)));
            }
            d = Rounds.decide(s, results, boundaries);
        }
        return d;
    }
}
