package dev.ablate4j.config;

/** Humanoid's 84 external contact-force observations ({@link Keys#CONTACT_FORCES}). */
public enum ContactForces implements Choice {
    /** As Gymnasium's Humanoid-v4 observes them. */
    OBSERVED("observed"),
    /** Read as 0, as Humanoid-v2 on mujoco-py 2.0 observed them. */
    ZEROED("zeroed");

    private final String word;

    ContactForces(String word) {
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
