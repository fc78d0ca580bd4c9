package dev.ablate4j.config;

/** How PPO steps its two networks ({@link Keys#OPTIMIZER}). */
public enum PpoOptimizer implements Choice {
    /** All policy epochs, then all value epochs, each network its own minibatch order (ablate4j, the paper). */
    SEPARATE("separate"),
    /** One step of both networks per minibatch on the summed loss, one Adam over both (CleanRL, SB3). */
    JOINT("joint");

    private final String word;

    PpoOptimizer(String word) {
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
