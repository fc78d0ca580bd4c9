package dev.ablate4j.adaptive;

import dev.ablate4j.results.Num;
import dev.ablate4j.stats.GroupSequential;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The adaptive form of a spec's {@code seeds}: {@code {min, max, step, until}}. Every cell gets
 * {@code min} seeds; after each round, the cells (per environment) whose stopping rule does not
 * hold yet get {@code step} more, until it holds or they have {@code max}.
 *
 * @param min seeds every cell gets in the first round (at least 2)
 * @param max seeds a cell gets at most
 * @param step seeds added per round
 * @param ciHalfWidth precision target: stop once the half-width of the 95% bootstrap interval of the
 *     cell's mean final return is at most this (null: no precision rule)
 * @param decided comparisons to decide with the group-sequential test (empty: none)
 * @param acliAai whether ACLI − AAI (the paper's two indices over the cells of PPO, PPO-M, TRPO and
 *     TRPO+, {@link dev.ablate4j.stats.AlgorithmIndices}) is to be decided on every environment: its
 *     percentile bootstrap interval at the look's level excludes 0
 * @param mainEffects whether every main effect of a two-level on/off factorial is to be decided on
 *     every environment ({@code main-effects: decided}): each effect's z against the look's boundary,
 *     as a comparison's ({@link Rounds})
 * @param bonferroni {@code multiplicity: bonferroni}: the design's m group-sequential tests (its
 *     comparisons, main effects and ACLI − AAI targets, on every environment: {@link Setup#tests})
 *     share α = 0.05, each tested at α/m, so the chance of any false decision in the design stays at
 *     most α; false ({@code multiplicity: none}, the default): each test at α on its own
 */
public record SeedRule(int min, int max, int step, Double ciHalfWidth, List<Comparison> decided, boolean acliAai,
        boolean mainEffects, boolean bonferroni) {

    /** A rule without the ACLI − AAI and main-effects targets, each test at α. */
    public SeedRule(int min, int max, int step, Double ciHalfWidth, List<Comparison> decided) {
        this(min, max, step, ciHalfWidth, decided, false, false);
    }

    /** A rule without the main-effects target, each test at α. */
    public SeedRule(int min, int max, int step, Double ciHalfWidth, List<Comparison> decided, boolean acliAai) {
        this(min, max, step, ciHalfWidth, decided, acliAai, false);
    }

    /** A rule whose tests are each at α ({@code multiplicity: none}). */
    public SeedRule(int min, int max, int step, Double ciHalfWidth, List<Comparison> decided, boolean acliAai,
            boolean mainEffects) {
        this(min, max, step, ciHalfWidth, decided, acliAai, mainEffects, false);
    }

    /** The spec key of the multiplicity rule and its two values. */
    public static final String MULTIPLICITY = dev.ablate4j.results.AdaptiveRecord.MULTIPLICITY;
    public static final String NONE = "none";
    public static final String BONFERRONI = dev.ablate4j.results.AdaptiveRecord.BONFERRONI;

    /** Two-sided level of every comparison's group-sequential test. */
    public static final double ALPHA = 0.05;
    /** Most looks a rule may plan (each look adds a boundary to compute). */
    public static final int MAX_LOOKS = 100;

    /** IllegalArgumentException when the numbers do not make a rule (SpecReader checks them first, with places). */
    public SeedRule {
        decided = List.copyOf(decided);
        if (min < 2 || max < min || step < 1 || lookCount(min, max, step) > MAX_LOOKS) {
            throw new IllegalArgumentException("seeds: min " + min + ", max " + max + ", step " + step
                    + " is not a rule (min >= 2, max >= min, step >= 1, at most " + MAX_LOOKS + " looks)");
        }
        if (ciHalfWidth == null && decided.isEmpty() && !acliAai && !mainEffects) {
            throw new IllegalArgumentException("seeds: until needs ci-half-width, decided, acli-aai or main-effects");
        }
        if (ciHalfWidth != null && !(ciHalfWidth > 0 && ciHalfWidth < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("seeds: ci-half-width " + ciHalfWidth + " is not a positive number");
        }
    }

    /** Seeds per cell at each planned look: min, min + step, ..., and max last. */
    public int[] looks() {
        List<Integer> looks = new ArrayList<>();
        for (long n = min; n < max; n += step) {
            looks.add((int) n);
        }
        looks.add(max);
        return looks.stream().mapToInt(Integer::intValue).toArray();
    }

    /** Number of planned looks, without building them: ceil((max − min) / step) + 1. */
    public static long lookCount(long min, long max, long step) {
        return (max - min + step - 1) / step + 1;
    }

    /**
     * The |z| boundary at each look: Lan–DeMets O'Brien–Fleming α spending at information fraction
     * (seeds at the look) / max, two-sided {@value #ALPHA} overall ({@link GroupSequential}).
     */
    public double[] boundaries() {
        return BOUNDARIES.computeIfAbsent(List.of(min, max, step), k -> compute()).clone();
    }

    /**
     * The |z| boundary at each look for a design of {@code tests} group-sequential tests: with
     * {@code multiplicity: bonferroni} and more than one test, each test's at α / tests (the same
     * spending and looks); otherwise {@link #boundaries()}.
     */
    public double[] boundaries(int tests) {
        return bonferroni ? bonferroniBoundaries(tests) : boundaries();
    }

    /**
     * The |z| boundary at each look of one of {@code tests} tests that share α by Bonferroni: each at
     * α / tests with the same spending and looks ({@link #boundaries()} for a single test), whatever
     * the rule's own multiplicity — also the report's family-wise reading ({@link Familywise}).
     */
    public double[] bonferroniBoundaries(int tests) {
        if (tests <= 1) {
            return boundaries();
        }
        return BOUNDARIES.computeIfAbsent(List.of(min, max, step, tests),
                k -> GroupSequential.boundaries(ALPHA / tests, informationFractions())).clone();
    }

    /** The two-sided level of each of {@code tests} tests: α / tests under Bonferroni, else α. */
    public double alphaPerTest(int tests) {
        return bonferroni && tests > 1 ? ALPHA / tests : ALPHA;
    }

    /** Boundaries by (min, max, step[, tests]): their numerical integration takes a fraction of a second. */
    private static final Map<List<Integer>, double[]> BOUNDARIES = new ConcurrentHashMap<>();

    private double[] compute() {
        return GroupSequential.boundaries(ALPHA, informationFractions());
    }

    /** The information fraction at each look: seeds at the look / max. */
    public double[] informationFractions() {
        int[] looks = looks();
        double[] t = new double[looks.length];
        for (int k = 0; k < looks.length; k++) {
            t[k] = (double) looks[k] / max;
        }
        return t;
    }

    /** {@code x} with 12 significant digits ({@link Num}), without an exponent: 300, not 3E+2. */
    static String plain(double x) {
        return new BigDecimal(Num.format(x)).toPlainString();
    }

    /**
     * Confidence level of the ACLI − AAI interval at a look with |z| boundary {@code boundary}: the
     * two-sided level whose normal quantile is the boundary, 1 − 2(1 − Φ(b)), so that an interval
     * excluding 0 is the percentile analogue of |z| ≥ b.
     */
    public static double levelAt(double boundary) {
        return 1 - 2 * new org.apache.commons.math3.distribution.NormalDistribution(null, 0, 1).cumulativeProbability(-boundary);
    }

    /** In the spec's own words: {@code min 5, max 40, step 5, until {ci-half-width: 150, decided: [ppo vs ppo-m]}}. */
    public String describe() {
        List<String> until = new ArrayList<>();
        if (ciHalfWidth != null) {
            until.add("ci-half-width: " + plain(ciHalfWidth));
        }
        if (!decided.isEmpty()) {
            until.add("decided: [" + String.join(", ", decided.stream().map(Comparison::text).toList()) + "]");
        }
        if (acliAai) {
            until.add("acli-aai: decided");
        }
        if (mainEffects) {
            until.add("main-effects: decided");
        }
        return "min " + min + ", max " + max + ", step " + step + ", until {" + String.join(", ", until) + "}"
                + (bonferroni ? ", " + MULTIPLICITY + ": " + BONFERRONI : "");
    }
}
