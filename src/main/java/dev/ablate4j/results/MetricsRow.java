package dev.ablate4j.results;

import java.util.List;

/** One row of {@code metrics.csv}: what happened in one training iteration (all deterministic). */
public record MetricsRow(int iteration, long envSteps, double meanReturn, int episodes, double policyLoss,
        double valueLoss, double entropy, double approxKl, double meanKl, double maxRatio, double clipFraction,
        double policyLr, double valueLr, double explainedVariance, double policyGradNorm) {

    public static final List<String> HEADER = List.of("iteration", "env_steps", "mean_return", "episodes",
            "policy_loss", "value_loss", "entropy", "approx_kl", "mean_kl", "max_ratio", "clip_fraction",
            "policy_lr", "value_lr", "explained_variance", "policy_grad_norm");

    /** The row's cells; an iteration without finished episodes has an empty mean_return. */
    public List<String> cells() {
        return List.of(Integer.toString(iteration), Long.toString(envSteps),
                episodes == 0 ? "" : Num.format(meanReturn), Integer.toString(episodes),
                Num.format(policyLoss), Num.format(valueLoss), Num.format(entropy), Num.format(approxKl),
                Num.format(meanKl), Num.format(maxRatio), Num.format(clipFraction), Num.format(policyLr),
                Num.format(valueLr), Num.format(explainedVariance), Num.format(policyGradNorm));
    }
}
