package dev.ablate4j.stats;

import java.util.List;
import java.util.Locale;

/**
 * The paper's two summary indices (Engstrom et al. 2020, Table 1) over the mean final returns of the
 * four presets PPO, PPO-M, TRPO and TRPO+ in one environment: AAI = max(|PPO − TRPO+|, |PPO-M − TRPO|),
 * the effect of the algorithm with the code-level optimizations held fixed, and ACLI =
 * max(|PPO − PPO-M|, |TRPO+ − TRPO|), the effect of the optimizations with the algorithm held fixed.
 * One owner, so the report's table, its verdicts and the adaptive-seed rule compute the same numbers.
 */
public final class AlgorithmIndices {

    /** The four preset families, in the order the samples are passed. */
    public static final List<String> PRESETS = List.of("ppo", "ppo-m", "trpo", "trpo+");

    private AlgorithmIndices() {}

    /** {AAI, ACLI, ACLI − AAI} of the samples of PPO, PPO-M, TRPO and TRPO+ (in {@link #PRESETS} order). */
    public static double[] aaiAcli(double[][] samples) {
        if (samples.length != PRESETS.size()) {
            throw new IllegalArgumentException("AAI and ACLI need the four samples PPO, PPO-M, TRPO, TRPO+; got "
                    + samples.length);
        }
        double ppo = Descriptive.mean(samples[0]);
        double ppoM = Descriptive.mean(samples[1]);
        double trpo = Descriptive.mean(samples[2]);
        double trpoPlus = Descriptive.mean(samples[3]);
        double aai = Math.max(Math.abs(ppo - trpoPlus), Math.abs(ppoM - trpo));
        double acli = Math.max(Math.abs(ppo - ppoM), Math.abs(trpoPlus - trpo));
        return new double[] {aai, acli, acli - aai};
    }

    /** The family a preset or label stands for: {@code trpo+} for {@code trpo+}, {@code paper:trpo+} and {@code PAPER:TRPO+}. */
    public static String family(String preset) {
        String p = preset.strip().toLowerCase(Locale.ROOT);
        return p.startsWith("paper:") ? p.substring("paper:".length()) : p;
    }
}
