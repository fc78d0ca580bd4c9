package dev.ablate4j.config;

/** The number format of a run's networks, Adam and filter outputs ({@link Keys#PRECISION}); the words are {@link dev.ablate4j.nn.Precision#IDS}. */
public enum PrecisionName implements Choice {
    /** Double precision: every run before the key. */
    FLOAT64("float64"),
    /** Single precision on fused multiply-add kernels (java backend only). */
    FLOAT32("float32");

    private final String word;

    PrecisionName(String word) {
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
