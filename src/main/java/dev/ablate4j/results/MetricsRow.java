package dev.ablate4j.results;

import java.util.List;

/** One row of {@code metrics.csv}: what happened in one training iteration (all deterministic). */
public record MetricsRow(int iteration, long envSteps, double meanReturn, int episodes, double policyLoss,
        double valueLoss, double entropy, double approxKl, double meanKl, double maxRatio, double clipFraction,
        double policyLr, double valueLr, double explainedVariance, double policyGradNorm) {

    public static final String ITERATION = "iteration";
    public static final String ENV_STEPS = "env_steps";
    public static final String MEAN_RETURN = "mean_return";
    public static final String EPISODES = "episodes";
    public static final String POLICY_LOSS = "policy_loss";
    public static final String VALUE_LOSS = "value_loss";
    public static final String ENTROPY = "entropy";
    public static final String APPROX_KL = "approx_kl";
    public static final String MEAN_KL = "mean_kl";
    public static final String MAX_RATIO = "max_ratio";
    public static final String CLIP_FRACTION = "clip_fraction";
    public static final String POLICY_LR = "policy_lr";
    public static final String VALUE_LR = "value_lr";
    public static final String EXPLAINED_VARIANCE = "explained_variance";
    public static final String POLICY_GRAD_NORM = "policy_grad_norm";

    /** The columns of {@code metrics.csv}, in order. */
    public static final List<String> HEADER = List.of(ITERATION, ENV_STEPS, MEAN_RETURN, EPISODES, POLICY_LOSS,
            VALUE_LOSS, ENTROPY, APPROX_KL, MEAN_KL, MAX_RATIO, CLIP_FRACTION, POLICY_LR, VALUE_LR, EXPLAINED_VARIANCE,
            POLICY_GRAD_NORM);

    /** The row's cells; an iteration without finished episodes has an empty mean_return. */
    public List<String> cells() {
        return List.of(Integer.toString(iteration), Long.toString(envSteps),
                episodes == 0 ? "" : Num.format(meanReturn), Integer.toString(episodes),
                Num.format(policyLoss), Num.format(valueLoss), Num.format(entropy), Num.format(approxKl),
                Num.format(meanKl), Num.format(maxRatio), Num.format(clipFraction), Num.format(policyLr),
                Num.format(valueLr), Num.format(explainedVariance), Num.format(policyGradNorm));
    }
}
