package dev.ablate4j.matrix;

import dev.ablate4j.results.Num;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One level of a bundle factor: several config keys set together in one cell. A spec writes a bundle
 * as a factor whose name is no config key and whose levels are mappings:
 * <pre>
 * factors:
 *   separate-optimizers:
 *     - {}                                            # the base's level: nothing changed
 *     - {optimizer: separate, grad-clip-scope: both}
 * </pre>
 * Some differences between implementations are only meaningful as such a bundle (swapping the
 * optimizer structure out of {@code cleanrl:ppo} swaps the clipping scope with it); a bundle lets a
 * one-at-a-time study swap them in one cell. {@link Spec#factors} holds a bundle's levels as
 * instances of this record, in file order.
 *
 * @param position the level's place in the factor's list, from 1, for messages
 * @param values config key to typed value (as {@link SpecSettings#value} parses it), in the level's
 *     order; empty for the base's level {@code {}}
 */
public record BundleLevel(int position, Map<String, Object> values) {

    public BundleLevel {
        values = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(values));
    }

    /** {@code "level 2 {optimizer: separate, grad-clip-scope: both}"}: where in a spec a message points. */
    @Override
    public String toString() {
        List<String> parts = new ArrayList<>();
        values.forEach((k, v) -> parts.add(k + ": " + shown(v)));
        return "level " + position + " {" + String.join(", ", parts) + "}";
    }

    private static String shown(Object v) {
        if (v instanceof Double d) {
            return Num.format(d);
        }
        if (v instanceof List<?> l) {
            return "[" + String.join(", ", l.stream().map(String::valueOf).toList()) + "]";
        }
        return String.valueOf(v);
    }
}
