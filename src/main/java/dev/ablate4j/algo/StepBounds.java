package dev.ablate4j.algo;

/**
 * How far one iteration's steps may go, after the schedules: the Adam learning rates of the policy
 * (PPO) and the value network ({@code lr-anneal}), and the trust-region size delta (TRPO;
 * {@code max-kl} moving to {@code max-kl-final}).
 */
public record StepBounds(double policyLr, double valueLr, double maxKl) {

    /**
     * delta at iteration {@code k} of {@code iterations}: {@code start} held when {@code end} is NaN
     * ("none"), otherwise start + (k+1)/K (end - start), reaching {@code end} at the last iteration. The
     * paper's code adds (max_kl_final - max_kl)/train_steps to max_kl before each policy step.
     */
    public static double maxKl(double start, double end, int k, int iterations) {
        if (Double.isNaN(end)) {
            return start;
        }
        return start + (end - start) * (k + 1) / iterations;
    }
}
