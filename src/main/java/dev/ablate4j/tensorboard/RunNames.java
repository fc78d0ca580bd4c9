package dev.ablate4j.tensorboard;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Readable TensorBoard run names, {@code <spec>/<cell label>/<env>/seed-<n>} (without the spec for
 * a run that {@code train} wrote), each part made safe as a directory name: characters other than
 * letters and digits (of any script: {@code Hüpfer}, {@code 跑}) and {@code . _ + = -} become
 * {@code _} ("ppo, no LR annealing" becomes {@code ppo_no_LR_annealing}). Two cells whose labels read
 * alike get their cell id appended (for {@code train} directories, which have no cell, the export
 * passes a short hash of the configuration instead); any remaining clash gets {@code -2},
 * {@code -3}, ... in input order.
 */
public final class RunNames {

    /** What names a run. */
    public record Key(String spec, String label, String cellId, String env, long seed) {}

    /** Runs of characters that are not letters or digits (any script) or {@code . _ + = -}. */
    private static final java.util.regex.Pattern SEPARATORS = java.util.regex.Pattern.compile("[^\\p{L}\\p{M}\\p{N}._+=-]+");

    private RunNames() {}

    /** Names for {@code keys}, in the same order. */
    public static List<String> assign(List<Key> keys) {
        Map<String, Set<String>> cellsByLabel = new HashMap<>();
        for (Key k : keys) {
            cellsByLabel.computeIfAbsent(nullToEmpty(k.spec()) + "/" + segment(k.label()), x -> new HashSet<>())
                    .add(nullToEmpty(k.cellId()));
        }
        Map<String, Integer> used = new LinkedHashMap<>();
        List<String> out = new ArrayList<>();
        for (Key k : keys) {
            String label = segment(k.label());
            if (cellsByLabel.get(nullToEmpty(k.spec()) + "/" + label).size() > 1 && k.cellId() != null) {
                label = label + "-" + segment(k.cellId());
            }
            String name = (k.spec() == null ? "" : segment(k.spec()) + "/") + label + "/" + segment(k.env())
                    + "/seed-" + k.seed();
            int n = used.merge(name, 1, Integer::sum);
            out.add(n == 1 ? name : name + "-" + n);
        }
        return out;
    }

    /** The name's group for the HParams dashboard: the name without its seed part. */
    public static String group(String name) {
        int slash = name.lastIndexOf('/');
        return slash < 0 ? name : name.substring(0, slash);
    }

    /** A text made safe as one path segment (never empty, never {@code .} or {@code ..}). */
    public static String segment(String text) {
        String s = text == null ? "" : SEPARATORS.matcher(text).replaceAll("_");
        s = s.replaceAll("^[_.]+|_+$", "");
        return s.isEmpty() ? "_" : s;
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
