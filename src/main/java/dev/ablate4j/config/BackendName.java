package dev.ablate4j.config;

/** Where a run's batch network math runs ({@link Keys#BACKEND}); the words are {@link dev.ablate4j.nn.Backends#IDS}. */
public enum BackendName implements Choice {
    /** Plain Java, bit-reproducible everywhere. */
    JAVA("java"),
    /** ND4J on OpenBLAS (a -Pnd4j build). */
    ND4J("nd4j"),
    /** ND4J above the measured size crossover, else Java. */
    AUTO("auto");

    private final String word;

    BackendName(String word) {
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
