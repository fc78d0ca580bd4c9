package dev.ablate4j.tensorboard;

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
    public static final String STEP_COLUMN = "env_steps";

    /** Mean of the last five iterations' mean returns, written once at the end of a finished run. */
    public static final String FINAL_RETURN = "charts/final_return";
    /** Max over training of the per-iteration mean return, written with the final return. */
    public static final String MAX_RETURN = "charts/max_return";
    /** Per-iteration mean episode return. */
    public static final String MEAN_RETURN = "charts/mean_return";

    private static final Map<String, String> METRICS = Map.ofEntries(
            Map.entry("iteration", "charts/iteration"),
            Map.entry("mean_return", MEAN_RETURN),
            Map.entry("episodes", "charts/episodes"),
            Map.entry("policy_lr", "charts/policy_lr"),
            Map.entry("value_lr", "charts/value_lr"),
            Map.entry("policy_loss", "losses/policy_loss"),
            Map.entry("value_loss", "losses/value_loss"),
            Map.entry("entropy", "losses/entropy"),
            Map.entry("approx_kl", "losses/approx_kl"),
            Map.entry("mean_kl", "losses/mean_kl"),
            Map.entry("max_ratio", "losses/max_ratio"),
            Map.entry("clip_fraction", "losses/clip_fraction"),
            Map.entry("explained_variance", "losses/explained_variance"),
            Map.entry("policy_grad_norm", "losses/policy_grad_norm"));

    private static final Map<String, String> EPISODES = Map.of(
            "return", "charts/episodic_return",
            "length", "charts/episodic_length");

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
        return column.equals("iteration") ? null : "trust_region/" + column;
    }

    /** The tag of an {@code episodes.csv} column; null for {@code env_steps}. */
    public static String episode(String column) {
        if (column.equals(STEP_COLUMN)) {
            return null;
        }
        return EPISODES.getOrDefault(column, "episodes/" + column);
    }
}
