package dev.ablate4j.config;

/** When reward-scale's running discounted return restarts ({@link Keys#REWARD_SCALE_RESET}). */
public enum RewardScaleReset implements Choice {
    /** At 0 at every episode start (the paper's code, SB3). */
    EPISODE("episode"),
    /** Zeroed inside a terminating step only, running on across time-limit truncations (Gymnasium's NormalizeReward). */
    GYMNASIUM("gymnasium");

    private final String word;

    RewardScaleReset(String word) {
        this.word = word;
    }

    @Override
    public String word() {
        return word;
    }

    @Override
    public String toString() {
        return word;
    }
}
