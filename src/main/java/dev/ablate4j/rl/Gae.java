package dev.ablate4j.rl;

/**
 * Generalized advantage estimation over one rollout.
 *
 * <p>For step t with reward r_t, value V_t and next value V_{t+1}: delta_t = r_t + gamma *
 * V_{t+1} * (1 - end_t) - V_t and A_t = delta_t + gamma * lambda * (1 - end_t) * A_{t+1}, where
 * end_t marks an episode that ended at step t. What V_{t+1} is at an episode end is the caller's
 * choice through {@code nextValue}: 0 for a terminal state; the value of the final state for a
 * truncation that should be bootstrapped. Returns are R_t = A_t + V_t.
 */
public final class Gae {

    private Gae() {}

    /**
     * @param rewards   r_t, length n
     * @param values    V(s_t), length n
     * @param nextValue V(s_{t+1}) as used in delta_t (the caller puts 0, the bootstrap value, or
     *                  the next state's value), length n
     * @param episodeEnd true where the episode ended after step t (terminated or truncated)
     * @param advantages output A_t, length n
     * @param returns    output R_t = A_t + V_t, length n
     */
    public static void compute(double[] rewards, double[] values, double[] nextValue, boolean[] episodeEnd,
            double gamma, double lambda, int n, double[] advantages, double[] returns) {
        double next = 0;
        for (int t = n - 1; t >= 0; t--) {
            double delta = rewards[t] + gamma * nextValue[t] - values[t];
            double carry = episodeEnd[t] ? 0 : gamma * lambda * next;
            next = delta + carry;
            advantages[t] = next;
            returns[t] = next + values[t];
        }
    }
}
