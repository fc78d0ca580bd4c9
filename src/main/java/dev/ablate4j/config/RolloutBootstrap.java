package dev.ablate4j.config;

/** The value added at the end of a rollout cut mid-episode ({@link Keys#ROLLOUT_BOOTSTRAP}). */
public enum RolloutBootstrap implements Choice {
    /** V(s_T), the state after the last step (ablate4j's default). */
    NEXT_STATE("next-state"),
    /** V(s_T-1), the last collected state (the paper's code). */
    LAST_STATE("last-state");

    private final String word;

    RolloutBootstrap(String word) {
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
