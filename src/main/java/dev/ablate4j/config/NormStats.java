package dev.ablate4j.config;

/**
 * The running statistics a normalizer keeps ({@link Keys#OBS_NORM_STATS}, {@link Keys#REWARD_SCALE_STATS});
 * each names a {@link dev.ablate4j.rl.RunningMeanStd.Formula}.
 */
public enum NormStats implements Choice {
    /** Welford mean and sample standard deviation, divided by std + 1e-8 (the paper's code). */
    WELFORD("welford"),
    /** Gymnasium's and SB3's RunningMeanStd: prior count 1e-4, population variance, sqrt(var + 1e-8). */
    RMS("rms");

    private final String word;

    NormStats(String word) {
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
