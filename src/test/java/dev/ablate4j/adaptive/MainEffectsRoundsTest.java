package dev.ablate4j.adaptive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ablate4j.adaptive.Decision.CellState;
import dev.ablate4j.adaptive.Decision.EffectState;
import dev.ablate4j.adaptive.Decision.RunKey;
import dev.ablate4j.adaptive.Decision.Verdict;
import dev.ablate4j.stats.FactorialEffects;
import dev.ablate4j.stats.GroupSequential;
import dev.ablate4j.stats.TIntervals;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The main-effects target of adaptive seeds ({@code until: {main-effects: decided}}) on synthetic factorials. */
class MainEffectsRoundsTest {

    private static final List<String> ENVS = List.of("Hopper-v4", "Walker2d-v4");
    private static final List<String> FACTORS = List.of("a", "b", "c");

    /** The 2^k cells of {@code factors} in plan order (the first factor varies slowest), id "a1b0c1". */
    static List<Setup.CellRef> factorial(List<String> factors) {
        List<Setup.CellRef> cells = new ArrayList<>();
        int k = factors.size();
        for (int i = 0; i < 1 << k; i++) {
            Map<String, Boolean> levels = new LinkedHashMap<>();
            StringBuilder id = new StringBuilder();
            for (int f = 0; f < k; f++) {
                boolean on = (i >> (k - 1 - f) & 1) == 0;
                levels.put(factors.get(f), on);
                id.append(factors.get(f)).append(on ? 1 : 0);
            }
            cells.add(new Setup.CellRef(id.toString(), "cell " + id, levels));
        }
        return cells;
    }

    private static Setup setup(SeedRule rule) {
        return new Setup("s", rule, factorial(FACTORS), ENVS);
    }

    private static SeedRule rule() {
        return new SeedRule(4, 10, 3, null, List.of(), false, true);
    }

    /**
     * Results where a cell's runs are 1000 + the sizes of its factors that are on + noise. The noise
     * is +100, −100, +100, ... by seed, the same for every cell (so each effect's estimate is exactly
     * its size and its standard error about 100 / √(2n) at n seeds per cell), or with
     * {@link #independent} drawn for each run.
     */
    static final class Factorial implements Rounds.Results {
        final Map<String, Double> effect = new HashMap<>();
        final Map<String, Outcome> finished = new HashMap<>();
        final List<Setup.CellRef> cells;
        boolean independent;

        Factorial(List<Setup.CellRef> cells) {
            this.cells = cells;
        }

        Factorial effect(String factor, double size) {
            effect.put(factor, size);
            return this;
        }

        Factorial independent() {
            independent = true;
            return this;
        }

        double value(RunKey k) {
            Setup.CellRef cell = cells.stream().filter(c -> c.id().equals(k.cellId())).findFirst().orElseThrow();
            double mean = 1000;
            for (Map.Entry<String, Boolean> l : cell.levels().entrySet()) {
                mean += l.getValue() ? effect.getOrDefault(l.getKey(), 0.0) : 0;
            }
            if (!independent) {
                return mean + (k.seed() % 2 == 0 ? 100 : -100);
            }
            SplittableRandom r = new SplittableRandom(k.id().hashCode() * 31L + 7);
            double u = r.nextDouble();
            double v = r.nextDouble();
            // a spread that differs by cell: the contrast weighs each cell's own variance
            double sd = 50 + 20 * Math.floorMod(k.cellId().hashCode(), 5);
            return mean + sd * Math.sqrt(-2 * Math.log(1 - u)) * Math.cos(2 * Math.PI * v);
        }

        void finish(RunKey k) {
            finished.put(k.id(), Outcome.used(value(k)));
        }

        @Override
        public Outcome outcome(String cellId, String env, long seed) {
            return finished.getOrDefault(new RunKey(cellId, env, seed).id(), Outcome.PENDING);
        }

        @Override
        public double halfWidth(String cellId, String env, double[] values) {
            return Double.NaN;
        }
    }

    private static List<Decision> runAll(Setup s, Factorial w) {
        List<Decision> seen = new ArrayList<>();
        Decision d = Rounds.decide(s, w);
        seen.add(d);
        while (!d.complete()) {
            d.pending().forEach(w::finish);
            d = Rounds.decide(s, w);
            seen.add(d);
        }
        return seen;
    }

    private static EffectState effect(Decision d, String factor, String env) {
        return d.effects().stream().filter(e -> e.factor().equals(factor) && e.env().equals(env)).findFirst()
                .orElseThrow();
    }

    @Test
    void aLargeEffectIsDecidedAtTheFirstLookWhileNullEffectsKeepEveryCellGoingToMaxUndecided() {
        Setup s = setup(rule());
        List<Decision> rounds = runAll(s, new Factorial(s.cells()).effect("a", 1000));
        Decision end = rounds.get(rounds.size() - 1);
        assertEquals(3, end.round(), "looks at 4, 7, 10: three rounds");
        for (String env : ENVS) {
            EffectState a = effect(end, "a", env);
            assertEquals(Verdict.DECIDED, a.verdict(), a.toString());
            assertEquals(0, a.look());
            assertEquals(4, a.seeds());
            assertTrue(Math.abs(a.estimate() - 1000) < 100, a.toString());
            assertTrue(a.describe(3).startsWith("decided at look 1 of 3 (4 seeds): |z| "), a.describe(3));
            for (String f : List.of("b", "c")) {
                EffectState e = effect(end, f, env);
                assertEquals(Verdict.UNDECIDED, e.verdict(), e.toString());
                assertEquals(2, e.look());
                assertTrue(e.describe(3).startsWith("max reached, undecided (10 seeds): |z| "), e.describe(3));
            }
        }
        assertTrue(end.cells().stream().allMatch(c -> c.seeds() == 10 && !c.active()),
                "every cell of the factorial stays with the open effects: balanced at 10 seeds");
        // the rounds after the first give all 8 cells on both envs 3 seeds
        assertEquals(8 * 2 * 3, rounds.get(1).roundRuns().size());
        assertEquals(8 * 2 * 3, rounds.get(2).roundRuns().size());
    }

    @Test
    void theRuleContinuesWhileOneEffectIsOpenAndStopsOnceAllAreDecided() {
        Setup s = setup(rule());
        // a and c are huge; b's z is about 2.4 at 4 seeds (boundary 3.36) and 3.3 at 7 (boundary 2.44)
        List<Decision> rounds = runAll(s, new Factorial(s.cells()).effect("a", 1000).effect("b", 100).effect("c", -800));
        Decision first = rounds.get(1);
        assertEquals(1, first.round());
        assertFalse(first.complete(), "b is open after the first look");
        for (String env : ENVS) {
            assertEquals(Verdict.DECIDED, effect(first, "a", env).verdict());
            assertEquals(Verdict.DECIDED, effect(first, "c", env).verdict());
            assertTrue(effect(first, "c", env).estimate() < 0, "the sign is kept: c lowers the return");
            EffectState b = effect(first, "b", env);
            assertEquals(Verdict.OPEN, b.verdict(), b.toString());
            assertTrue(Math.abs(b.z()) < b.boundary());
            assertTrue(b.describe(3).startsWith("open after look 1 of 3 (4 seeds): |z| "), b.describe(3));
        }
        assertTrue(first.cells().stream().allMatch(CellState::active), "all 8 cells continue while b is open");
        Decision end = rounds.get(rounds.size() - 1);
        assertTrue(end.complete());
        assertEquals(2, end.round(), "stopped after the second look, before max");
        for (String env : ENVS) {
            EffectState b = effect(end, "b", env);
            assertEquals(Verdict.DECIDED, b.verdict(), b.toString());
            assertEquals(1, b.look());
            assertEquals(7, b.seeds());
            assertEquals(rule().boundaries()[1], b.boundary());
            assertEquals(Verdict.DECIDED, effect(end, "a", env).verdict());
            assertEquals(0, effect(end, "a", env).look(), "a decided effect stays decided at its look");
        }
        assertTrue(end.cells().stream().allMatch(c -> c.seeds() == 7 && !c.active()));
    }

    /** Finishing a round's runs in any order and in pieces ends where finishing them all at once does. */
    @Test
    void theFamilyWiseReadingTestsEachEffectAtAlphaOverTheFamilySize() {
        Setup s = setup(rule());
        Factorial w = new Factorial(s.cells()).effect("a", 1000).effect("b", 100).effect("c", -800);
        List<Decision> rounds = runAll(s, w);
        Decision end = rounds.get(rounds.size() - 1);
        FamilywiseReadings r = FamilywiseReadings.of(s, end, w);
        assertNull(r.comparisons());
        Familywise fw = r.effects();
        assertEquals(6, fw.size(), "3 factors on 2 environments");
        for (int i = 0; i < end.effects().size(); i++) {
            EffectState e = end.effects().get(i);
            Familywise.Reading reading = r.effectReadings().get(i);
            double[][] z = Rounds.mainEffectZ(s, w, e.env());
            int f = FACTORS.indexOf(e.factor());
            // the z at the design's look is the design's own
            assertEquals(e.z(), z[e.look()][f], 0, e.toString());
            // decided at the first look where |z| reaches the family boundary, at the data's looks
            int first = -1;
            for (int k = 0; k < z.length && first < 0; k++) {
                if (Math.abs(z[k][f]) >= fw.boundaries()[k]) {
                    first = k;
                }
            }
            assertEquals(first >= 0 ? Verdict.DECIDED : z.length == 3 ? Verdict.UNDECIDED : Verdict.OPEN,
                    reading.verdict(), e + " " + reading);
        }
        // a and c are far beyond both boundaries at the first look
        assertEquals(Verdict.DECIDED, r.effectReadings().get(0).verdict());
        assertEquals(0, r.effectReadings().get(0).look());
    }

    @Test
    void interruptedAnywhereTheRoundsAndTheEndAreTheSame() {
        Setup s = setup(rule());
        List<Decision> straight = runAll(s, new Factorial(s.cells()).effect("a", 1000).effect("b", 100)
                .effect("c", -800));
        Factorial w = new Factorial(s.cells()).effect("a", 1000).effect("b", 100).effect("c", -800);
        SplittableRandom random = new SplittableRandom(31);
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
        assertEquals(end.effects(), d.effects());
        assertEquals(2, rounds.size());
    }

    @Test
    void allLargeEffectsStopEveryCellAtMin() {
        Setup s = setup(rule());
        List<Decision> rounds = runAll(s, new Factorial(s.cells()).effect("a", 900).effect("b", 700).effect("c", -600));
        Decision end = rounds.get(rounds.size() - 1);
        assertEquals(1, end.round());
        assertTrue(end.effects().stream().allMatch(e -> e.verdict() == Verdict.DECIDED && e.look() == 0));
        assertTrue(end.cells().stream().allMatch(c -> c.seeds() == 4));
    }

    /**
     * The z of a look is the report's t statistic of the effect: the t interval the report shows
     * ({@link FactorialEffects#tIntervals}) is estimate ± t(df)·se with this se and df, and z is the
     * two-sided t p-value turned into a normal quantile.
     */
    @Test
    void zIsTheReportsTStatisticOfTheEffectOnTheSeedsOfTheLook() {
        Setup s = setup(rule());
        Factorial w = new Factorial(s.cells()).effect("a", 60).effect("b", 20).independent();
        Decision d = Rounds.decide(s, w);
        d.pending().forEach(w::finish);
        // later seeds finished already must not change look 1
        for (Setup.CellRef c : s.cells()) {
            for (long seed = 4; seed < 10; seed++) {
                w.finish(new RunKey(c.id(), "Hopper-v4", seed));
            }
        }
        d = Rounds.decide(s, w);
        List<FactorialEffects.Observation> obs = new ArrayList<>();
        for (Setup.CellRef c : s.cells()) {
            for (long seed = 0; seed < 4; seed++) {
                obs.add(new FactorialEffects.Observation(c.id(), c.levels(),
                        w.outcome(c.id(), "Hopper-v4", seed).value()));
            }
        }
        FactorialEffects.Result report = FactorialEffects.tIntervals(obs, FACTORS, 0.95);
        for (int f = 0; f < FACTORS.size(); f++) {
            EffectState e = effect(d, FACTORS.get(f), "Hopper-v4");
            FactorialEffects.Effect r = report.mainEffects().get(f);
            assertEquals(r.estimate(), e.estimate());
            assertEquals(r.ci(), TIntervals.around(e.estimate(), e.se(), e.df(), 0.95));
            assertEquals(FactorialEffects.mainEffect(obs, FACTORS.get(f)), e.estimate());
            double p = 2 * new org.apache.commons.math3.distribution.TDistribution(e.df())
                    .cumulativeProbability(-Math.abs(e.estimate() / e.se()));
            assertEquals(Math.abs(new org.apache.commons.math3.distribution.NormalDistribution().inverseCumulativeProbability(p / 2)),
                    Math.abs(e.z()), 1e-9);
            assertEquals(Math.signum(e.estimate()), Math.signum(e.z()));
        }
    }

    @Test
    void aCellWithASingleValueLeavesTheEffectsWithoutZ() {
        List<Setup.CellRef> cells = factorial(List.of("a"));
        FactorialEffects.MainEffectTest t = FactorialEffects.mainEffectTests(List.of(
                new FactorialEffects.Observation("on", cells.get(0).levels(), 5),
                new FactorialEffects.Observation("off", cells.get(1).levels(), 1),
                new FactorialEffects.Observation("off", cells.get(1).levels(), 2)), List.of("a")).get(0);
        assertEquals(3.5, t.estimate());
        assertTrue(Double.isNaN(t.se()) && Double.isNaN(t.t()));
        assertTrue(Double.isNaN(GroupSequential.zFromT(t.t(), t.df())));
        assertTrue(Double.isNaN(GroupSequential.zFromT(Double.POSITIVE_INFINITY, 3)), "no spread: no z");
    }

    /** With one factor the factorial is two cells, and the effect's test is Welch's: z as a comparison's. */
    @Test
    void withOneFactorTheTestIsWelchsAsAComparisonWouldTestIt() {
        double[] on = {3.1, 4.7, 2.2, 5.0, 3.3};
        double[] off = {1.0, 2.5, 0.4, 1.9};
        List<Setup.CellRef> cells = factorial(List.of("a"));
        List<FactorialEffects.Observation> obs = new ArrayList<>();
        for (double v : on) {
            obs.add(new FactorialEffects.Observation("on", cells.get(0).levels(), v));
        }
        for (double v : off) {
            obs.add(new FactorialEffects.Observation("off", cells.get(1).levels(), v));
        }
        FactorialEffects.MainEffectTest t = FactorialEffects.mainEffectTests(obs, List.of("a")).get(0);
        dev.ablate4j.stats.WelchTest.Result welch = dev.ablate4j.stats.WelchTest.test(on, off);
        assertEquals(welch.t(), t.t(), 1e-12);
        assertEquals(welch.df(), t.df(), 1e-9);
        assertEquals(GroupSequential.zFromWelch(on, off), GroupSequential.zFromT(t.t(), t.df()), 1e-12);
    }

    @Test
    void theSetupNeedsAFullTwoLevelFactorial() {
        List<Setup.CellRef> cells = factorial(FACTORS);
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
                () -> new Setup("s", rule(), cells.subList(0, 7), ENVS));
        assertTrue(missing.getMessage().startsWith("main-effects needs a full two-level factorial: 7 cells over 3"
                + " factors [a, b, c]"), missing.getMessage());
        List<Setup.CellRef> twice = new ArrayList<>(cells.subList(0, 7));
        twice.add(new Setup.CellRef("x", "x", cells.get(0).levels()));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new Setup("s", rule(), twice, ENVS))
                .getMessage().startsWith("main-effects: two cells have the levels"));
        List<Setup.CellRef> noLevels = List.of(new Setup.CellRef("x", "x"), new Setup.CellRef("y", "y"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new Setup("s", rule(), noLevels, ENVS))
                .getMessage().startsWith("main-effects needs each cell's on/off factor levels"));
        List<Setup.CellRef> otherKeys = new ArrayList<>(factorial(List.of("a", "b")));
        otherKeys.set(3, factorial(List.of("a", "z")).get(3));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new Setup("s", rule(), otherKeys, ENVS))
                .getMessage().startsWith("main-effects: cell cell a0z0 has levels of [a, z]"));
        assertEquals(FACTORS, new Setup("s", rule(), cells, ENVS).factors());
        assertEquals(List.of(), new Setup("s", new SeedRule(4, 10, 3, 1.0, List.of()), cells, ENVS).factors(),
                "levels without the target decide nothing");
    }

    @Test
    void theRuleFileRecordsTheTargetAndTheLevelsAndAFileWithoutThemReadsAsBefore(@TempDir Path dir) throws Exception {
        Setup s = setup(rule());
        Path file = dir.resolve(RuleFile.NAME);
        RuleFile.write(dir, s);
        String text = Files.readString(file);
        assertTrue(text.contains("\"main-effects\" : \"decided\""), text);
        assertTrue(text.contains("\"levels\" : {\n      \"a\" : true,\n      \"b\" : true,\n      \"c\" : false\n    }"),
                text);
        assertEquals(s, RuleFile.read(file));
        assertEquals(FACTORS, RuleFile.read(file).factors(), "factor order kept");
        assertTrue(RuleFile.check(dir, s));
        assertEquals("min 4, max 10, step 3, until {main-effects: decided}", s.rule().describe());

        // the same cells under a rule without the target: no levels written, read back without them
        List<Setup.CellRef> plain = s.cells().stream().map(c -> new Setup.CellRef(c.id(), c.label())).toList();
        Setup without = new Setup("s", new SeedRule(4, 10, 3, null, List.of(new Comparison("cell a1b1c1",
                "cell a0b0c0"))), plain, ENVS);
        Files.write(file, RuleFile.bytes(without));
        assertFalse(Files.readString(file).contains("main-effects"));
        assertFalse(Files.readString(file).contains("levels"));
        assertEquals(without, RuleFile.read(file));
        assertTrue(RuleFile.read(file).cells().stream().allMatch(c -> c.levels().isEmpty()));
        assertThrows(IllegalStateException.class, () -> RuleFile.check(dir, s), "another rule over the same files");

        // a hand-edited file: a bad value, or a target without levels, names the file in one line
        Files.writeString(file, text.replace("\"main-effects\" : \"decided\"", "\"main-effects\" : \"yes\""));
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class, () -> RuleFile.read(file));
        assertEquals(file + ": seeds: until: main-effects is 'yes'; the only value is decided", bad.getMessage());
        Files.write(file, RuleFile.bytes(without));
        Files.writeString(file, Files.readString(file).replace("\"decided\" : [ \"cell a1b1c1 vs cell a0b0c0\" ]",
                "\"main-effects\" : \"decided\""));
        IllegalArgumentException none = assertThrows(IllegalArgumentException.class, () -> RuleFile.read(file));
        assertTrue(none.getMessage().startsWith(file + ": main-effects needs each cell's on/off factor levels"),
                none.getMessage());
    }

    @Test
    void theTextsNameEachEffectAndItsVerdict() {
        Setup s = setup(rule());
        List<Decision> rounds = runAll(s, new Factorial(s.cells()).effect("a", 1000));
        Decision end = rounds.get(rounds.size() - 1);
        String details = DecisionText.details(s, end);
        EffectState a = effect(end, "a", "Hopper-v4");
        assertTrue(details.contains(String.format("  %-14s %-28s %s%n", "Hopper-v4", "main effect a", a.describe(3))),
                details);
        assertTrue(details.contains(String.format("  %-14s %-28s max reached, undecided (10 seeds): |z| 0.00 < 2.00%n",
                "Walker2d-v4", "main effect c")), details);
        assertTrue(DecisionText.status(s, end).endsWith("(seeds: min 4, max 10, step 3, until {main-effects: decided})"));
    }

    /**
     * Under the null (no effect anywhere) the rule rarely decides an effect: 200 simulated 2^2
     * factorials, iid normal returns, looks at 4, 7, 10; each effect is a two-sided 0.05 test, so
     * about 10 of the 200 per effect; at most 18 allowed.
     */
    @Test
    void underTheNullAnEffectIsRarelyDecided() {
        Setup s = new Setup("n", rule(), factorial(List.of("a", "b")), List.of("E"));
        int[] decided = new int[2];
        for (int rep = 0; rep < 200; rep++) {
            Map<String, Double> done = new HashMap<>();
            int experiment = rep;
            Rounds.Results results = new Rounds.Results() {
                @Override
                public Outcome outcome(String cellId, String env, long seed) {
                    Double v = done.get(cellId + "/" + seed);
                    return v == null ? Outcome.PENDING : Outcome.used(v);
                }

                @Override
                public double halfWidth(String cellId, String env, double[] values) {
                    return Double.NaN;
                }
            };
            Decision d = Rounds.decide(s, results);
            while (!d.complete()) {
                for (RunKey k : d.pending()) {
                    SplittableRandom g = new SplittableRandom(experiment * 1_000_003L + k.cellId().hashCode() * 1009L
                            + k.seed());
                    double u = g.nextDouble();
                    double v = g.nextDouble();
                    done.put(k.cellId() + "/" + k.seed(), Math.sqrt(-2 * Math.log(1 - u)) * Math.cos(2 * Math.PI * v));
                }
                d = Rounds.decide(s, results);
            }
            for (int f = 0; f < 2; f++) {
                decided[f] += d.effects().get(f).verdict() == Verdict.DECIDED ? 1 : 0;
            }
        }
        System.err.printf("main-effects null simulation: %d and %d of 200 decided%n", decided[0], decided[1]);
        assertTrue(decided[0] <= 18 && decided[1] <= 18, decided[0] + ", " + decided[1] + " of 200 null factorials decided");
    }
}
