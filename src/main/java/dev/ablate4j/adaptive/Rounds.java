package dev.ablate4j.adaptive;

import dev.ablate4j.adaptive.Decision.CellState;
import dev.ablate4j.adaptive.Decision.ComparisonState;
import dev.ablate4j.adaptive.Decision.EffectState;
import dev.ablate4j.adaptive.Decision.IndexState;
import dev.ablate4j.adaptive.Decision.RunKey;
import dev.ablate4j.adaptive.Decision.Verdict;
import dev.ablate4j.stats.AlgorithmIndices;
import dev.ablate4j.stats.Bootstrap;
import dev.ablate4j.stats.FactorialEffects;
import dev.ablate4j.stats.GroupSequential;
import dev.ablate4j.stats.Interval;
import dev.ablate4j.stats.Seeds;
import java.util.ArrayList;
import java.util.List;

/**
 * The round logic of adaptive seeds, a pure function of the finished results: the same results
 * always give the same {@link Decision}, whoever computes it (a {@code matrix} process, a shard, a
 * resumed run after {@code kill -9}, {@code plan --next-round}, the report).
 *
 * <p>It replays the rounds from the start. Round r gives every active (cell, environment) the seeds
 * up to look r ({@code looks[r]}; round 0 gives {@code min}). If any of those runs is not finished,
 * round r is the next round and the replay stops. Otherwise the rules are evaluated at look r on
 * the seeds 0 .. looks[r] − 1 alone (seeds beyond the allocation never enter):
 * <ul>
 * <li>precision: the cell's half-width ({@link Results#halfWidth}) is at most the target: met from
 *     then on (the estimate itself is never looked at);
 * <li>each open comparison on the environment: z from Welch's t ({@link GroupSequential#zFromWelch});
 *     decided when |z| ≥ boundary[r], undecided ("max reached") when r is the last look;
 * <li>ACLI − AAI on the environment (rule {@code acli-aai: decided}): decided when its stratified
 *     percentile bootstrap interval at level 1 − 2(1 − Φ(boundary[r])) excludes 0 — the interval
 *     analogue of |z| ≥ boundary[r], the same resampling as the report's; undecided at the last look;
 * <li>each open main effect of the factorial on the environment (rule {@code main-effects: decided}):
 *     z from the effect's t statistic on the cell structure ({@link #mainEffects}); decided when
 *     |z| ≥ boundary[r], undecided at the last look.
 * </ul>
 * A cell stays active for round r + 1 while its precision target is unmet, one of its comparisons
 * on that environment is open, it is one of the four cells of an open ACLI − AAI, or any main effect
 * on that environment is open (then every cell of the factorial is, so the design stays balanced);
 * the cells of an open comparison, index or main effect are therefore always active together. A
 * cell in none of these under a rule without a precision target stops at {@code min}.
 * Runs left out of the statistics (diverged, as in the report) count as finished: they take their
 * seed, add no value, and the test uses the values that remain.
 */
public final class Rounds {

    /** What the round logic reads from the results. */
    public interface Results {
        /** The state of one run. */
        Outcome outcome(String cellId, String env, long seed);

        /**
         * Half-width of the 95% bootstrap interval of the mean of {@code values} (a cell's final
         * returns on {@code env}, by seed), computed as the report computes it; NaN when unavailable.
         */
        double halfWidth(String cellId, String env, double[] values);
    }

    /** The report seed whose bootstrap streams the ACLI − AAI target uses (the report's default). */
    public static final long REPORT_SEED = 0;

    private Rounds() {}

    /** Where {@code setup} stands given {@code results}. */
    public static Decision decide(Setup setup, Results results) {
        return decide(setup, results, setup.boundaries());
    }

    /** As {@link #decide(Setup, Results)}, with the boundaries already computed (they cost a few milliseconds per look). */
    public static Decision decide(Setup setup, Results results, double[] boundaries) {
        return new Replay(setup, results, boundaries).run();
    }

    /**
     * The z of one comparison on {@code env} at each look whose runs — seeds 0 .. looks[k] − 1 of
     * both cells — are all finished, in look order, whether or not the design gave those seeds for
     * this comparison: it ends at the first look with a run pending. As the replay computes it
     * (Welch's t mapped to z on the used values). For the family-wise reading ({@link Familywise}).
     */
    public static double[] comparisonZ(Setup setup, Results results, Setup.Pair pair, String env) {
        int[] looks = setup.rule().looks();
        double[] z = new double[looks.length];
        for (int k = 0; k < looks.length; k++) {
            double[] a = finished(results, pair.left().id(), env, looks[k]);
            double[] b = finished(results, pair.right().id(), env, looks[k]);
            if (a == null || b == null) {
                return java.util.Arrays.copyOf(z, k);
            }
            z[k] = GroupSequential.zFromWelch(a, b);
        }
        return z;
    }

    /**
     * The z of every main effect (factors in spec order) on {@code env} at each look whose runs of
     * every cell of the factorial are all finished: {@code [look][factor]}, as the replay computes
     * them; it ends at the first look with a run pending. For the family-wise reading.
     */
    public static double[][] mainEffectZ(Setup setup, Results results, String env) {
        int[] looks = setup.rule().looks();
        List<String> factors = setup.factors();
        double[][] z = new double[looks.length][];
        for (int k = 0; k < looks.length; k++) {
            List<FactorialEffects.Observation> runs = new ArrayList<>();
            for (Setup.CellRef cell : setup.cells()) {
                double[] v = finished(results, cell.id(), env, looks[k]);
                if (v == null) {
                    return java.util.Arrays.copyOf(z, k);
                }
                for (double x : v) {
                    runs.add(new FactorialEffects.Observation(cell.id(), cell.levels(), x));
                }
            }
            List<FactorialEffects.MainEffectTest> tests = FactorialEffects.mainEffectTests(runs, factors);
            z[k] = new double[factors.size()];
            for (int f = 0; f < factors.size(); f++) {
                z[k][f] = GroupSequential.zFromT(tests.get(f).t(), tests.get(f).df());
            }
        }
        return z;
    }

    /** The used final returns of seeds 0 .. n − 1 of a cell, by seed; null when one of them is pending. */
    private static double[] finished(Results results, String cellId, String env, int n) {
        double[] v = new double[n];
        int k = 0;
        for (long s = 0; s < n; s++) {
            Outcome o = results.outcome(cellId, env, s);
            if (o.kind() == Outcome.Kind.PENDING) {
                return null;
            }
            if (o.kind() == Outcome.Kind.USED) {
                v[k++] = o.value();
            }
        }
        return java.util.Arrays.copyOf(v, k);
    }

    /** One replay: mutable state over the rounds. */
    private static final class Replay {
        private final Setup setup;
        private final Results results;
        private final int[] looks;
        private final double[] boundaries;
        private final int nc;
        private final int ne;
        private final boolean[][] active;
        private final int[][] seeds;
        private final int[][] used;
        private final double[][] halfWidth;
        private final Integer[][] metAt;
        private final double[][][] values;
        private final List<Setup.Pair> pairs;
        private final ComparisonState[][] states;
        private final List<Setup.CellRef> acliCells;
        private final IndexState[] indexStates;
        private final List<String> factors;
        private final EffectState[][] effectStates;

        Replay(Setup setup, Results results, double[] boundaries) {
            this.setup = setup;
            this.results = results;
            this.looks = setup.rule().looks();
            this.boundaries = boundaries.clone();
            if (boundaries.length != looks.length) {
                throw new IllegalArgumentException(boundaries.length + " boundaries for " + looks.length + " looks");
            }
            nc = setup.cells().size();
            ne = setup.envs().size();
            active = new boolean[nc][ne];
            seeds = new int[nc][ne];
            used = new int[nc][ne];
            halfWidth = new double[nc][ne];
            metAt = new Integer[nc][ne];
            values = new double[nc][ne][];
            pairs = setup.pairs();
            states = new ComparisonState[pairs.size()][ne];
            for (int c = 0; c < nc; c++) {
                for (int e = 0; e < ne; e++) {
                    active[c][e] = true;
                    halfWidth[c][e] = Double.NaN;
                }
            }
            for (int p = 0; p < pairs.size(); p++) {
                for (int e = 0; e < ne; e++) {
                    states[p][e] = new ComparisonState(pairs.get(p), setup.envs().get(e), Verdict.OPEN, -1, 0,
                            Double.NaN, Double.NaN);
                }
            }
            acliCells = setup.acliCells();
            indexStates = new IndexState[acliCells.isEmpty() ? 0 : ne];
            for (int e = 0; e < indexStates.length; e++) {
                indexStates[e] = new IndexState(setup.envs().get(e), Verdict.OPEN, -1, 0, Double.NaN, Interval.NAN,
                        Double.NaN, 0);
            }
            factors = setup.factors();
            effectStates = new EffectState[factors.isEmpty() ? 0 : ne][factors.size()];
            for (int e = 0; e < effectStates.length; e++) {
                for (int f = 0; f < factors.size(); f++) {
                    effectStates[e][f] = new EffectState(setup.envs().get(e), factors.get(f), Verdict.OPEN, -1, 0,
                            Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
                }
            }
        }

        Decision run() {
            for (int r = 0; r < looks.length; r++) {
                int from = r == 0 ? 0 : looks[r - 1];
                List<RunKey> round = new ArrayList<>();
                List<RunKey> pending = new ArrayList<>();
                for (long s = from; s < looks[r]; s++) {
                    for (int c = 0; c < nc; c++) {
                        for (int e = 0; e < ne; e++) {
                            if (!active[c][e]) {
                                continue;
                            }
                            RunKey key = new RunKey(setup.cells().get(c).id(), setup.envs().get(e), s);
                            round.add(key);
                            if (results.outcome(key.cellId(), key.env(), s).kind() == Outcome.Kind.PENDING) {
                                pending.add(key);
                            }
                        }
                    }
                }
                for (int c = 0; c < nc; c++) {
                    for (int e = 0; e < ne; e++) {
                        if (active[c][e]) {
                            seeds[c][e] = looks[r];
                        }
                    }
                }
                if (!pending.isEmpty()) {
                    return decision(r, false, round, pending);
                }
                evaluate(r);
                if (!anyActive()) {
                    return decision(r + 1, true, List.of(), List.of());
                }
            }
            throw new IllegalStateException("a cell is active after the last look");
        }

        /** The rules at look r, then who stays active. */
        private void evaluate(int r) {
            double target = setup.rule().ciHalfWidth() == null ? Double.NaN : setup.rule().ciHalfWidth();
            for (int c = 0; c < nc; c++) {
                for (int e = 0; e < ne; e++) {
                    if (!active[c][e]) {
                        continue;
                    }
                    values[c][e] = sample(c, e, looks[r]);
                    used[c][e] = values[c][e].length;
                    String id = setup.cells().get(c).id();
                    halfWidth[c][e] = values[c][e].length < 2 ? Double.NaN
                            : results.halfWidth(id, setup.envs().get(e), values[c][e]);
                    if (metAt[c][e] == null && halfWidth[c][e] <= target) {
                        metAt[c][e] = looks[r];
                    }
                }
            }
            boolean last = r == looks.length - 1;
            for (int p = 0; p < pairs.size(); p++) {
                for (int e = 0; e < ne; e++) {
                    if (states[p][e].verdict() != Verdict.OPEN) {
                        continue;
                    }
                    int a = setup.indexOf(pairs.get(p).left().id());
                    int b = setup.indexOf(pairs.get(p).right().id());
                    double z = GroupSequential.zFromWelch(values[a][e], values[b][e]);
                    Verdict v = Math.abs(z) >= boundaries[r] ? Verdict.DECIDED : last ? Verdict.UNDECIDED : Verdict.OPEN;
                    states[p][e] = new ComparisonState(pairs.get(p), setup.envs().get(e), v, r, looks[r], z,
                            boundaries[r]);
                }
            }
            for (int e = 0; e < indexStates.length; e++) {
                if (indexStates[e].verdict() == Verdict.OPEN) {
                    indexStates[e] = acliAai(r, e, last);
                }
            }
            for (int e = 0; e < effectStates.length; e++) {
                if (anyOpen(effectStates[e])) {
                    mainEffects(r, e, last);
                }
            }
            for (int c = 0; c < nc; c++) {
                for (int e = 0; e < ne; e++) {
                    boolean precisionOpen = !Double.isNaN(target) && metAt[c][e] == null;
                    active[c][e] = active[c][e] && !last
                            && (precisionOpen || inOpenComparison(c, e) || inOpenIndex(c, e)
                                    || effectStates.length > 0 && anyOpen(effectStates[e]));
                }
            }
        }

        /**
         * The open main effects on environment e at look r. Every cell of the factorial is active
         * while one is open, so each holds the look's seeds (less any left out). The estimate is
         * mean(on) − mean(off) over the runs; its standard error and degrees of freedom are those
         * of the report's t interval of the effect ({@link FactorialEffects#mainEffectTests}: each
         * cell's own variance, Welch–Satterthwaite df), and t = estimate / se is mapped to z as a
         * comparison's Welch t is ({@link GroupSequential#zFromT}).
         */
        private void mainEffects(int r, int e, boolean last) {
            List<FactorialEffects.Observation> runs = new ArrayList<>();
            for (int c = 0; c < nc; c++) {
                Setup.CellRef cell = setup.cells().get(c);
                for (double v : values[c][e]) {
                    runs.add(new FactorialEffects.Observation(cell.id(), cell.levels(), v));
                }
            }
            List<FactorialEffects.MainEffectTest> tests = FactorialEffects.mainEffectTests(runs, factors);
            for (int f = 0; f < factors.size(); f++) {
                if (effectStates[e][f].verdict() != Verdict.OPEN) {
                    continue;
                }
                FactorialEffects.MainEffectTest t = tests.get(f);
                double z = GroupSequential.zFromT(t.t(), t.df());
                Verdict v = Math.abs(z) >= boundaries[r] ? Verdict.DECIDED : last ? Verdict.UNDECIDED : Verdict.OPEN;
                effectStates[e][f] = new EffectState(setup.envs().get(e), factors.get(f), v, r, looks[r], t.estimate(),
                        t.se(), t.df(), z, boundaries[r]);
            }
        }

        private static boolean anyOpen(EffectState[] states) {
            for (EffectState s : states) {
                if (s.verdict() == Verdict.OPEN) {
                    return true;
                }
            }
            return false;
        }

        /**
         * ACLI − AAI on environment e at look r: its stratified percentile bootstrap (the report's
         * resampling: seeds within each preset, stream "aai-acli"/env of seed {@value #REPORT_SEED})
         * at the level whose normal quantile is the look's boundary, from {@link Bootstrap#resamplesFor}
         * that level: more than the report's {@value Bootstrap#DEFAULT_RESAMPLES} at the higher levels,
         * so that each end keeps {@value Bootstrap#TAIL_RESAMPLES} resamples beyond it; a look whose
         * level needs more than {@value Bootstrap#MAX_RESAMPLES} cannot decide. The four cells are
         * active together, so all hold the look's seeds.
         */
        private IndexState acliAai(int r, int e, boolean last) {
            double level = SeedRule.levelAt(boundaries[r]);
            int resamples = Bootstrap.resamplesFor(level);
            String env = setup.envs().get(e);
            Verdict notDecided = last ? Verdict.UNDECIDED : Verdict.OPEN;
            double[][] samples = new double[acliCells.size()][];
            for (int i = 0; i < samples.length; i++) {
                samples[i] = values[setup.indexOf(acliCells.get(i).id())][e];
                if (samples[i] == null || samples[i].length == 0) {
                    return new IndexState(env, notDecided, r, looks[r], Double.NaN, Interval.NAN, level,
                            Math.max(resamples, 0));
                }
            }
            double estimate = AlgorithmIndices.aaiAcli(samples)[2];
            if (resamples < 0) {
                return new IndexState(env, notDecided, r, looks[r], estimate, Interval.NAN, level, 0);
            }
            Interval ci = new Bootstrap(resamples, level).percentileBandsStratified(samples,
                    AlgorithmIndices::aaiAcli, Seeds.stream(REPORT_SEED, "aai-acli", env))[2];
            boolean excludesZero = ci.lo() > 0 || ci.hi() < 0;
            return new IndexState(env, excludesZero ? Verdict.DECIDED : notDecided, r, looks[r], estimate, ci, level,
                    resamples);
        }

        private boolean inOpenIndex(int c, int e) {
            String id = setup.cells().get(c).id();
            return indexStates.length > 0 && indexStates[e].verdict() == Verdict.OPEN
                    && acliCells.stream().anyMatch(a -> a.id().equals(id));
        }

        /** The used final returns of seeds 0 .. n − 1, by seed (all finished: the round was complete). */
        private double[] sample(int c, int e, int n) {
            return finished(results, setup.cells().get(c).id(), setup.envs().get(e), n);
        }

        private boolean inOpenComparison(int c, int e) {
            String id = setup.cells().get(c).id();
            for (int p = 0; p < pairs.size(); p++) {
                if (states[p][e].verdict() == Verdict.OPEN
                        && (pairs.get(p).left().id().equals(id) || pairs.get(p).right().id().equals(id))) {
                    return true;
                }
            }
            return false;
        }

        private boolean anyActive() {
            for (boolean[] row : active) {
                for (boolean a : row) {
                    if (a) {
                        return true;
                    }
                }
            }
            return false;
        }

        private Decision decision(int round, boolean complete, List<RunKey> roundRuns, List<RunKey> pending) {
            List<CellState> cells = new ArrayList<>();
            for (int e = 0; e < ne; e++) {
                for (int c = 0; c < nc; c++) {
                    cells.add(new CellState(setup.cells().get(c), setup.envs().get(e), seeds[c][e], used[c][e],
                            halfWidth[c][e], metAt[c][e], active[c][e]));
                }
            }
            List<ComparisonState> comparisons = new ArrayList<>();
            for (int e = 0; e < ne; e++) {
                for (ComparisonState[] s : states) {
                    comparisons.add(s[e]);
                }
            }
            List<EffectState> effects = new ArrayList<>();
            for (EffectState[] perEnv : effectStates) {
                effects.addAll(List.of(perEnv));
            }
            return new Decision(round, complete, List.copyOf(roundRuns), List.copyOf(pending), looks.clone(),
                    boundaries.clone(), List.copyOf(cells), List.copyOf(comparisons), List.of(indexStates),
                    List.copyOf(effects));
        }
    }
}
