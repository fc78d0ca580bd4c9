package dev.ablate4j.stats;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Main effects and two-way interactions of on/off factors, pooled over the other factors, with
 * t intervals on the cell structure ({@link #tIntervals}) or bootstrap intervals that resample runs
 * within each group (cell), so each cell keeps its size.
 *
 * <p>Main effect of A: mean(score | A on) − mean(score | A off). Interaction of A and B:
 * ½[(μ₁₁ − μ₀₁) − (μ₁₀ − μ₀₀)] where μ_ab is the mean score of runs with A = a, B = b. An effect whose
 * levels are not all observed is NaN.
 */
public final class FactorialEffects {

    /** One run: its group (cell id) for resampling, its factor levels, and its score. */
    public record Observation(String group, Map<String, Boolean> levels, double score) {}

    /** An estimated effect of one factor (second factor null) or of a pair of factors. */
    public record Effect(String factor, String secondFactor, double estimate, Interval ci) {

        /** Whether this is a two-way interaction. */
        public boolean isInteraction() {
            return secondFactor != null;
        }
    }

    /** Main effects in the order of the factors asked for; interactions for every pair i &lt; j. */
    public record Result(List<Effect> mainEffects, List<Effect> interactions) {}

    private FactorialEffects() {}

    /** Main effect of {@code factor} on the given runs. */
    public static double mainEffect(List<Observation> runs, String factor) {
        double[] sum = new double[2];
        int[] count = new int[2];
        for (Observation o : runs) {
            Boolean level = o.levels().get(factor);
            if (level != null) {
                int k = level ? 1 : 0;
                sum[k] += o.score();
                count[k]++;
            }
        }
        return count[0] == 0 || count[1] == 0 ? Double.NaN : sum[1] / count[1] - sum[0] / count[0];
    }

    /** Two-way interaction of factors {@code a} and {@code b} on the given runs. */
    public static double interaction(List<Observation> runs, String a, String b) {
        double[] sum = new double[4];
        int[] count = new int[4];
        for (Observation o : runs) {
            Boolean la = o.levels().get(a);
            Boolean lb = o.levels().get(b);
            if (la != null && lb != null) {
                int k = (la ? 2 : 0) + (lb ? 1 : 0);
                sum[k] += o.score();
                count[k]++;
            }
        }
        for (int c : count) {
            if (c == 0) {
                return Double.NaN;
            }
        }
        double m00 = sum[0] / count[0];
        double m01 = sum[1] / count[1];
        double m10 = sum[2] / count[2];
        double m11 = sum[3] / count[3];
        return 0.5 * ((m11 - m01) - (m10 - m00));
    }

    /**
     * All main effects and pairwise interactions of {@code factors} with the intervals of
     * {@code intervals}' method: under {@link IntervalMethod#T} the t interval on the cell structure
     * ({@link #tIntervals}), otherwise the percentile bootstrap resampling runs within each cell.
     */
    public static Result analyze(
            List<Observation> runs, List<String> factors, Intervals intervals, SplittableRandom rng) {
        Result r = intervals.method() == IntervalMethod.T
                ? tIntervals(runs, factors, intervals.confidence())
                : analyze(runs, factors, intervals.bootstrap(), rng);
        return new Result(shown(r.mainEffects()), shown(r.interactions()));
    }

    private static List<Effect> shown(List<Effect> effects) {
        return effects.stream().map(e -> new Effect(e.factor(), e.secondFactor(), e.estimate(), Intervals.shown(e.ci())))
                .toList();
    }

    /**
     * Effects with t intervals that use the cell structure. Every effect is a linear contrast
     * Σ w_r y_r of the runs' scores (a main effect weighs each run 1/n_on or −1/n_off, an interaction
     * ±½/n_ab), and the weights are equal within a cell (group), so its variance is Σ_c σ²_c W_c with
     * W_c = Σ_{r ∈ c} w_r². Each σ²_c is estimated by the cell's own sample variance, and the degrees of
     * freedom by Welch–Satterthwaite, (Σ_c s²_c W_c)² / Σ_c (s²_c W_c)² / (n_c − 1): an unequal-variance
     * ANOVA contrast. Unlike a bootstrap within cells (whose variance is low by (n_c − 1)/n_c, a third at
     * 3 runs per cell), this is exact under normality. An effect that involves a cell with a single run
     * has no estimable variance: its interval is NaN.
     */
    public static Result tIntervals(List<Observation> runs, List<String> factors, double confidence) {
        int k = factors.size();
        Cells cells = Cells.of(runs);
        List<Effect> mains = new ArrayList<>();
        for (int i = 0; i < k; i++) {
            String f = factors.get(i);
            double est = mainEffect(runs, f);
            double[] w = mainEffectWeights(runs, f);
            mains.add(new Effect(f, null, est, contrast(est, w, cells, confidence)));
        }
        List<Effect> inter = new ArrayList<>();
        for (int i = 0; i < k; i++) {
            for (int j = i + 1; j < k; j++) {
                String a = factors.get(i);
                String b = factors.get(j);
                double est = interaction(runs, a, b);
                int[] n = new int[4];
                int[] cellOf = new int[runs.size()];
                for (int r = 0; r < runs.size(); r++) {
                    Boolean la = runs.get(r).levels().get(a);
                    Boolean lb = runs.get(r).levels().get(b);
                    cellOf[r] = la == null || lb == null ? -1 : (la ? 2 : 0) + (lb ? 1 : 0);
                    if (cellOf[r] >= 0) {
                        n[cellOf[r]]++;
                    }
                }
                double[] w = new double[runs.size()];
                for (int r = 0; r < runs.size(); r++) {
                    int c = cellOf[r];
                    if (c >= 0 && !Double.isNaN(est)) {
                        double sign = c == 3 || c == 0 ? 1 : -1;
                        w[r] = sign * 0.5 / n[c];
                    }
                }
                inter.add(new Effect(a, b, est, contrast(est, w, cells, confidence)));
            }
        }
        return new Result(mains, inter);
    }

    private static Interval contrast(double est, double[] w, Cells cells, double confidence) {
        if (Double.isNaN(est)) {
            return Interval.NAN;
        }
        double[] seDf = cells.seDf(w);
        return seDf == null ? Interval.NAN : TIntervals.around(est, seDf[0], seDf[1], confidence);
    }

    /**
     * The cell structure of the runs: each run's cell (group, in order of first appearance), each
     * cell's sample variance and run count.
     */
    private record Cells(int[] groupOf, double[] groupVar, int[] groupN) {

        static Cells of(List<Observation> runs) {
            Map<String, List<Integer>> groups = new LinkedHashMap<>();
            for (int i = 0; i < runs.size(); i++) {
                groups.computeIfAbsent(runs.get(i).group(), g -> new ArrayList<>()).add(i);
            }
            int[] groupOf = new int[runs.size()];
            double[] groupVar = new double[groups.size()];
            int[] groupN = new int[groups.size()];
            int g = 0;
            for (List<Integer> idx : groups.values()) {
                double[] y = new double[idx.size()];
                for (int j = 0; j < y.length; j++) {
                    y[j] = runs.get(idx.get(j)).score();
                    groupOf[idx.get(j)] = g;
                }
                groupVar[g] = Descriptive.variance(y);
                groupN[g] = y.length;
                g++;
            }
            return new Cells(groupOf, groupVar, groupN);
        }

        /**
         * Standard error and Welch–Satterthwaite degrees of freedom of the contrast with run weights
         * {@code w} ({@link FactorialEffects#tIntervals}); null when a group that carries weight has fewer than two runs.
         */
        double[] seDf(double[] w) {
            double[] wsq = new double[groupVar.length];
            for (int r = 0; r < w.length; r++) {
                wsq[groupOf[r]] += w[r] * w[r];
            }
            double se2 = 0;
            double dfDen = 0;
            for (int c = 0; c < wsq.length; c++) {
                if (wsq[c] == 0) {
                    continue;
                }
                if (groupN[c] < 2) {
                    return null;
                }
                double part = groupVar[c] * wsq[c];
                se2 += part;
                dfDen += part * part / (groupN[c] - 1);
            }
            return new double[] {Math.sqrt(se2), se2 * se2 / dfDen};
        }
    }

    /**
     * A main effect's test statistic on the cell structure: the estimate, its standard error and the
     * Welch–Satterthwaite degrees of freedom of {@link #tIntervals} (the t interval of the effect is
     * estimate ± t(df)·se), and t = estimate / se. NaN se, df and t when a cell with weight has a single
     * run or the effect is not estimable.
     */
    public record MainEffectTest(String factor, double estimate, double se, double df, double t) {}

    /**
     * The main effects of {@code factors} with the standard errors and degrees of freedom of
     * {@link #tIntervals}: what adaptive seeds' {@code main-effects} target tests, in the same
     * arithmetic as the report's t intervals of these effects.
     */
    public static List<MainEffectTest> mainEffectTests(List<Observation> runs, List<String> factors) {
        Cells cells = Cells.of(runs);
        List<MainEffectTest> out = new ArrayList<>();
        for (String f : factors) {
            double est = mainEffect(runs, f);
            double[] w = mainEffectWeights(runs, f);
            double[] seDf = Double.isNaN(est) ? null : cells.seDf(w);
            out.add(seDf == null ? new MainEffectTest(f, est, Double.NaN, Double.NaN, Double.NaN)
                    : new MainEffectTest(f, est, seDf[0], seDf[1], est / seDf[0]));
        }
        return out;
    }

    /** Each run's weight in the main effect of {@code f}: 1/n_on or −1/n_off (0 without a level). */
    private static double[] mainEffectWeights(List<Observation> runs, String f) {
        double[] w = new double[runs.size()];
        int[] n = new int[2];
        for (Observation o : runs) {
            Boolean b = o.levels().get(f);
            if (b != null) {
                n[b ? 1 : 0]++;
            }
        }
        for (int r = 0; r < runs.size(); r++) {
            Boolean b = runs.get(r).levels().get(f);
            w[r] = b == null || n[0] == 0 || n[1] == 0 ? 0 : (b ? 1.0 / n[1] : -1.0 / n[0]);
        }
        return w;
    }

    /** All main effects and pairwise interactions of {@code factors}, with percentile bootstrap intervals. */
    public static Result analyze(
            List<Observation> runs, List<String> factors, Bootstrap bootstrap, SplittableRandom rng) {
        int k = factors.size();
        // Levels as a dense matrix (-1 = not set, 0 = off, 1 = on) so resamples are cheap.
        int[][] level = new int[runs.size()][k];
        double[] score = new double[runs.size()];
        for (int r = 0; r < runs.size(); r++) {
            score[r] = runs.get(r).score();
            for (int f = 0; f < k; f++) {
                Boolean b = runs.get(r).levels().get(factors.get(f));
                level[r][f] = b == null ? -1 : (b ? 1 : 0);
            }
        }
        double[][] all = indexStrata(runs);
        double[] estimates = estimates(level, score, flatten(all), k);
        Interval[] cis = runs.isEmpty()
                ? new Interval[0]
                : bootstrap.percentileBandsStratified(all, s -> estimates(level, score, flatten(s), k), rng);
        List<Effect> mains = new ArrayList<>();
        for (int i = 0; i < k; i++) {
            mains.add(new Effect(factors.get(i), null, estimates[i], ciOrNan(cis, i, estimates[i])));
        }
        List<Effect> inter = new ArrayList<>();
        int idx = k;
        for (int i = 0; i < k; i++) {
            for (int j = i + 1; j < k; j++, idx++) {
                inter.add(new Effect(factors.get(i), factors.get(j), estimates[idx], ciOrNan(cis, idx, estimates[idx])));
            }
        }
        return new Result(mains, inter);
    }

    /** Main effects, then interactions for pairs (i, j), i &lt; j, in order, of the runs {@code idx}. */
    private static double[] estimates(int[][] level, double[] score, double[] idx, int k) {
        double[][] sum1 = new double[k][2];
        int[][] n1 = new int[k][2];
        double[][][] sum2 = new double[k][k][4];
        int[][][] n2 = new int[k][k][4];
        for (double d : idx) {
            int r = (int) d;
            int[] lv = level[r];
            double s = score[r];
            for (int i = 0; i < k; i++) {
                if (lv[i] < 0) {
                    continue;
                }
                sum1[i][lv[i]] += s;
                n1[i][lv[i]]++;
                for (int j = i + 1; j < k; j++) {
                    if (lv[j] >= 0) {
                        int c = 2 * lv[i] + lv[j];
                        sum2[i][j][c] += s;
                        n2[i][j][c]++;
                    }
                }
            }
        }
        double[] out = new double[k + k * (k - 1) / 2];
        for (int i = 0; i < k; i++) {
            out[i] = n1[i][0] == 0 || n1[i][1] == 0 ? Double.NaN : sum1[i][1] / n1[i][1] - sum1[i][0] / n1[i][0];
        }
        int o = k;
        for (int i = 0; i < k; i++) {
            for (int j = i + 1; j < k; j++, o++) {
                int[] n = n2[i][j];
                double[] sm = sum2[i][j];
                if (n[0] == 0 || n[1] == 0 || n[2] == 0 || n[3] == 0) {
                    out[o] = Double.NaN;
                } else {
                    out[o] = 0.5 * ((sm[3] / n[3] - sm[1] / n[1]) - (sm[2] / n[2] - sm[0] / n[0]));
                }
            }
        }
        return out;
    }

    private static double[] flatten(double[][] strata) {
        int n = 0;
        for (double[] s : strata) {
            n += s.length;
        }
        double[] out = new double[n];
        int o = 0;
        for (double[] s : strata) {
            System.arraycopy(s, 0, out, o, s.length);
            o += s.length;
        }
        return out;
    }

    private static Interval ciOrNan(Interval[] cis, int k, double estimate) {
        return Double.isNaN(estimate) || k >= cis.length ? Interval.NAN : cis[k];
    }

    /** One stratum per group holding the indices (as doubles) of that group's runs. */
    private static double[][] indexStrata(List<Observation> runs) {
        Map<String, List<Integer>> groups = new LinkedHashMap<>();
        for (int i = 0; i < runs.size(); i++) {
            groups.computeIfAbsent(runs.get(i).group(), g -> new ArrayList<>()).add(i);
        }
        double[][] strata = new double[groups.size()][];
        int s = 0;
        for (List<Integer> idx : groups.values()) {
            strata[s++] = idx.stream().mapToDouble(Integer::doubleValue).toArray();
        }
        return strata;
    }
}
