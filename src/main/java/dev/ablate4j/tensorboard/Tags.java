package dev.ablate4j.tensorboard;

import dev.ablate4j.results.MetricsRow;
import dev.ablate4j.results.RunCsv;
import java.util.Map;

/**
 * The scalar tag of each CSV column, grouped as RL users know them from CleanRL and SB3:
 * {@code charts/} for returns, episodes and learning rates, {@code losses/} for the update's
 * statistics, {@code trust_region/} for {@code trust_region.csv}. A metrics column this table does
 * not know (added later) still appears, as {@code metrics/<column>}. {@code env_steps} is the step
 * of every value, not a scalar of its own.
 */
public final class Tags {

    /** The column of metrics.csv and episodes.csv that every value is plotted against. */
    public static final String STEP_COLUMN = RunCsv.ENV_STEPS;

    /** Mean of the last five iterations' mean returns, written once at the end of a finished run. */
    public static final String FINAL_RETURN = "charts/final_return";
    /** Max over training of the per-iteration mean return, written with the final return. */
    public static final String MAX_RETURN = "charts/max_return";
    /** Per-iteration mean episode return. */
    public static final String MEAN_RETURN = "charts/mean_return";

    private static final Map<String, String> METRICS = Map.ofEntries(
            Map.entry(MetricsRow.ITERATION, "charts/iteration"),
            Map.entry(MetricsRow.MEAN_RETURN, MEAN_RETURN),
            Map.entry(MetricsRow.EPISODES, "charts/episodes"),
            Map.entry(MetricsRow.POLICY_LR, "charts/policy_lr"),
            Map.entry(MetricsRow.VALUE_LR, "charts/value_lr"),
            Map.entry(MetricsRow.POLICY_LOSS, "losses/policy_loss"),
            Map.entry(MetricsRow.VALUE_LOSS, "losses/value_loss"),
            Map.entry(MetricsRow.ENTROPY, "losses/entropy"),
            Map.entry(MetricsRow.APPROX_KL, "losses/approx_kl"),
            Map.entry(MetricsRow.MEAN_KL, "losses/mean_kl"),
            Map.entry(MetricsRow.MAX_RATIO, "losses/max_ratio"),
            Map.entry(MetricsRow.CLIP_FRACTION, "losses/clip_fraction"),
            Map.entry(MetricsRow.EXPLAINED_VARIANCE, "losses/explained_variance"),
            Map.entry(MetricsRow.POLICY_GRAD_NORM, "losses/policy_grad_norm"));

    private static final Map<String, String> EPISODES = Map.of(
            RunCsv.RETURN, "charts/episodic_return",
            RunCsv.LENGTH, "charts/episodic_length");

    private Tags() {}

    /** The tag of a {@code metrics.csv} column; null for {@code env_steps}. */
    public static String metric(String column) {
        if (column.equals(STEP_COLUMN)) {
            return null;
        }
        return METRICS.getOrDefault(column, "metrics/" + column);
    }

    /** The tag of a {@code trust_region.csv} column; null for {@code iteration} (mapped to its step). */
    public static String trustRegion(String column) {
        return column.equals(RunCsv.ITERATION) ? null : "trust_region/" + column;
    }

    /** The tag of an {@code episodes.csv} column; null for {@code env_steps}. */
    public static String episode(String column) {
        if (column.equals(STEP_COLUMN)) {
            return null;
        }
        return EPISODES.getOrDefault(column, "episodes/" + column);
    }
}
