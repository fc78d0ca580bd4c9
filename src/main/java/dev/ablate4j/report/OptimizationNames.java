package dev.ablate4j.report;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Legend names of the ten code-level optimizations, by their config key, in the paper's order.
 * (Mirrors {@code dev.ablate4j.tweak.Optimization}; kept here so the report reads results trees
 * without depending on the training code.)
 */
public final class OptimizationNames {

    private static final Map<String, String> LEGENDS = new LinkedHashMap<>();

    static {
        LEGENDS.put("value-clip", "value clipping");
        LEGENDS.put("reward-scale", "reward scaling");
        LEGENDS.put("ortho-init", "orthogonal init");
        LEGENDS.put("lr-anneal", "LR annealing");
        LEGENDS.put("reward-clip", "reward clipping");
        LEGENDS.put("obs-norm", "observation normalization");
        LEGENDS.put("obs-clip", "observation clipping");
        LEGENDS.put("tanh", "tanh activations");
        LEGENDS.put("grad-clip", "gradient clipping");
        LEGENDS.put("adv-norm", "advantage normalization");
    }

    private OptimizationNames() {}

    /** The ten keys, in the paper's order. */
    public static List<String> keys() {
        return List.copyOf(LEGENDS.keySet());
    }

    /** Whether {@code key} is one of the ten optimizations. */
    public static boolean isOptimization(String key) {
        return LEGENDS.containsKey(key);
    }

    /** Legend name for a config key: the optimization's name, or the key itself. */
    public static String legend(String key) {
        return LEGENDS.getOrDefault(key, key);
    }
}
