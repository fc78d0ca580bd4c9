package dev.ablate4j.matrix;

import java.util.List;
import java.util.Map;

/**
 * A conditional override from a spec's {@code overrides} list: when every condition holds (the
 * run's {@code env}, the cell's {@code preset}, or any key of the cell's config equals one of the
 * listed values), the {@code set} values replace the base's. This is how per-environment (and
 * per-preset) tuning such as the paper's learning rates is written.
 *
 * @param when condition key to the accepted values (typed)
 * @param set config key to typed value
 * @param position 1-based index in the spec's list, for messages
 */
public record ConditionalOverride(Map<String, List<Object>> when, Map<String, Object> set, int position) {

    /** Whether the condition mentions the environment (then it is applied per env, not per cell). */
    public boolean perEnv() {
        return when.containsKey(Spec.ENV);
    }
}
