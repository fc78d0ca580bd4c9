package dev.ablate4j.config;

/** The networks gradient clipping acts on ({@link Keys#GRAD_CLIP_SCOPE}); TRPO never clips its policy gradient. */
public enum GradClipScope implements Choice {
    /** The value network and PPO's policy step (ablate4j's default). */
    BOTH("both"),
    /** PPO's policy step only (the paper's code). */
    POLICY("policy"),
    /** The value network only. */
    VALUE("value"),
    /** One norm over both networks' gradients together (CleanRL, SB3; needs optimizer joint). */
    JOINT("joint");

    private final String word;

    GradClipScope(String word) {
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
