package dev.ablate4j.config;

/** How a steps budget becomes whole iterations of rollout-steps ({@link Keys#STEPS_ROUNDING}). */
public enum StepsRounding implements Choice {
    /** ceil(steps / rollout-steps) (ablate4j, SB3). */
    UP("up"),
    /** floor(steps / rollout-steps) (CleanRL). */
    DOWN("down");

    private final String word;

    StepsRounding(String word) {
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
