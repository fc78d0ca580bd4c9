package dev.ablate4j.report;

import dev.ablate4j.tweak.Optimization;
import java.util.Arrays;
import java.util.List;

/** Legend names of the ten code-level optimizations by config key, from {@link Optimization} (the single source). */
public final class OptimizationNames {

    private OptimizationNames() {}

    /** The ten keys, in the paper's order. */
    public static List<String> keys() {
        return Arrays.stream(Optimization.values()).map(Optimization::key).toList();
    }

    /** Whether {@code key} is one of the ten optimizations. */
    public static boolean isOptimization(String key) {
        return Optimization.byKey(key) != null;
    }

    /** Legend name for a config key: the optimization's name, or the key itself. */
    public static String legend(String key) {
        Optimization o = Optimization.byKey(key);
        return o == null ? key : o.legend();
    }
}
