package dev.ablate4j.config;

/** What reward scaling divides by ({@link Keys#REWARD_SCALE_MODE}); the paper's {@code norm_rewards}. */
public enum RewardScaleMode implements Choice {
    /** The std of the running discounted return (the paper's RewardFilter). */
    RETURNS("returns"),
    /** The paper's reward z-filter without centring. */
    REWARDS("rewards");

    private final String word;

    RewardScaleMode(String word) {
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
