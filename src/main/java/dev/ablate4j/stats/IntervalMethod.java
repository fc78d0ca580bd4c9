package dev.ablate4j.stats;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * How a confidence interval is computed. {@link #DEFAULT} was chosen by measured coverage (see
 * {@link CoverageStudy} and {@code docs/statistics.md}): at the seed counts RL papers use (3–10) the
 * percentile bootstrap of a mean covers 75–89% of normal data where Student-t covers 95%.
 *
 * <p>What each method means per statistic is decided in {@link Intervals}; a statistic that has no
 * version of a method (e.g. no t interval for an IQM) falls back to a bootstrap and says so in its
 * {@link Intervals#describe description}.
 */
public enum IntervalMethod {

    /** Student-t for a mean, Welch-t (Welch–Satterthwaite df) for a difference of means. */
    T("t"),
    /** Studentized bootstrap: quantiles of (θ* − θ̂)/se* scale the sample's own standard error. */
    BOOTSTRAP_T("bootstrap-t"),
    /** Percentile bootstrap (numpy's linear percentile of the resampled statistics). */
    PERCENTILE("percentile"),
    /** Bias-corrected and accelerated bootstrap, as scipy.stats.bootstrap computes it. */
    BCA("bca");

    /** The method used unless the user picks another ({@code --interval}). */
    public static final IntervalMethod DEFAULT = T;

    private final String cliName;

    IntervalMethod(String cliName) {
        this.cliName = cliName;
    }

    /** The name on the command line and in files: {@code t}, {@code bootstrap-t}, {@code percentile}, {@code bca}. */
    public String cliName() {
        return cliName;
    }

    /** All names, comma separated, for error messages and help. */
    public static String names() {
        return Arrays.stream(values()).map(IntervalMethod::cliName).collect(Collectors.joining(", "));
    }

    /**
     * The method named {@code name} (case-insensitive).
     *
     * @throws IllegalArgumentException naming the allowed values
     */
    public static IntervalMethod parse(String name) {
        String n = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
        for (IntervalMethod m : values()) {
            if (m.cliName.equals(n)) {
                return m;
            }
        }
        throw new IllegalArgumentException("unknown interval method '" + name + "'; allowed: " + names());
    }
}
