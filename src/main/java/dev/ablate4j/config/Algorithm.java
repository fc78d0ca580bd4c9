package dev.ablate4j.config;

/** The policy-gradient algorithm of a run ({@link Keys#ALGO}). */
public enum Algorithm implements Choice {
    /** Proximal policy optimization: clipped surrogate, minibatch epochs. */
    PPO("ppo"),
    /** Trust-region policy optimization: natural-gradient step with a KL line search. */
    TRPO("trpo");

    private final String word;

    Algorithm(String word) {
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
