package dev.ablate4j.stats;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Main effects and two-way interactions of on/off factors, pooled over the other factors, with
 * bootstrap intervals that resample runs within each group (cell), so each cell keeps its size.
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

    /** All main effects and pairwise interactions of {@code factors}, with bootstrap intervals. */
    public static Result analyze(
            List<Observation> runs, List<String> factors, Bootstrap bootstrap, SplittableRandom rng) {
        List<String[]> pairs = new ArrayList<>();
        for (int i = 0; i < factors.size(); i++) {
            for (int j = i + 1; j < factors.size(); j++) {
                pairs.add(new String[] {factors.get(i), factors.get(j)});
            }
        }
        double[] estimates = estimates(runs, factors, pairs);
        Interval[] cis = runs.isEmpty()
                ? new Interval[0]
                : bootstrap.percentileBandsStratified(
                        indexStrata(runs), s -> estimates(pick(runs, s), factors, pairs), rng);
        List<Effect> mains = new ArrayList<>();
        for (int i = 0; i < factors.size(); i++) {
            mains.add(new Effect(factors.get(i), null, estimates[i], ciOrNan(cis, i, estimates[i])));
        }
        List<Effect> inter = new ArrayList<>();
        for (int p = 0; p < pairs.size(); p++) {
            int k = factors.size() + p;
            inter.add(new Effect(pairs.get(p)[0], pairs.get(p)[1], estimates[k], ciOrNan(cis, k, estimates[k])));
        }
        return new Result(mains, inter);
    }

    private static Interval ciOrNan(Interval[] cis, int k, double estimate) {
        return Double.isNaN(estimate) || k >= cis.length ? Interval.NAN : cis[k];
    }

    private static double[] estimates(List<Observation> runs, List<String> factors, List<String[]> pairs) {
        double[] out = new double[factors.size() + pairs.size()];
        for (int i = 0; i < factors.size(); i++) {
            out[i] = mainEffect(runs, factors.get(i));
        }
        for (int p = 0; p < pairs.size(); p++) {
            out[factors.size() + p] = interaction(runs, pairs.get(p)[0], pairs.get(p)[1]);
        }
        return out;
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

    private static List<Observation> pick(List<Observation> runs, double[][] strata) {
        List<Observation> out = new ArrayList<>();
        for (double[] stratum : strata) {
            for (double idx : stratum) {
                out.add(runs.get((int) idx));
            }
        }
        return out;
    }
}
