package dev.ablate4j.report;

import dev.ablate4j.results.ConfigFile;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Short, unique legends for cells. A label from {@code cell.json} is used as given; otherwise it is
 * derived from the config: the preset, then each optimization that differs from the most common
 * setting among cells of that preset ({@code -value-clip}, {@code +grad-clip}), then other differing
 * keys ({@code policy-lr=0.0001}).
 */
final class CellLabels {

    private CellLabels() {}

    /**
     * @param given  per group key, the label from cell.json or null
     * @param common per group key, the config shared by the group's runs
     * @return per group key, a unique label
     */
    static Map<String, String> labels(Map<String, String> given, Map<String, Map<String, Object>> common) {
        // Most common value of each key among cells of the same preset.
        Map<String, Map<String, Map<String, Integer>>> votes = new HashMap<>();
        for (Map.Entry<String, Map<String, Object>> e : common.entrySet()) {
            String preset = preset(e.getValue());
            e.getValue().forEach((k, v) -> votes.computeIfAbsent(preset, p -> new TreeMap<>())
                    .computeIfAbsent(k, x -> new TreeMap<>()).merge(Values.canonical(v), 1, Integer::sum));
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (Map.Entry<String, String> g : given.entrySet()) {
            String key = g.getKey();
            out.put(key, g.getValue() != null ? g.getValue() : derive(common.get(key), votes.get(preset(common.get(key)))));
        }
        return unique(out);
    }

    private static String preset(Map<String, Object> config) {
        Object p = config.getOrDefault("preset", config.get("algo"));
        return p == null ? "run" : p.toString();
    }

    private static String derive(Map<String, Object> config, Map<String, Map<String, Integer>> votes) {
        StringBuilder sb = new StringBuilder(preset(config));
        List<String> others = new ArrayList<>();
        for (String k : new TreeSet<>(config.keySet())) {
            if (ConfigFile.NOT_CONFIG.contains(k) || k.equals("preset") || k.equals("algo")) {
                continue;
            }
            String mine = Values.canonical(config.get(k));
            String modal = modal(votes.get(k));
            if (modal == null || modal.equals(mine)) {
                continue;
            }
            if (OptimizationNames.isOptimization(k) && config.get(k) instanceof Boolean on) {
                continue; // added below in the paper's order
            }
            others.add(k + "=" + mine);
        }
        for (String k : OptimizationNames.keys()) {
            if (config.get(k) instanceof Boolean on) {
                String modal = modal(votes.get(k));
                if (modal != null && !modal.equals(on.toString())) {
                    sb.append(on ? " +" : " -").append(k);
                }
            }
        }
        for (String o : others) {
            sb.append(' ').append(o);
        }
        return sb.toString();
    }

    private static String modal(Map<String, Integer> counts) {
        if (counts == null) {
            return null;
        }
        String best = null;
        int bestCount = -1;
        for (Map.Entry<String, Integer> e : counts.entrySet()) { // TreeMap: ties go to the smallest text
            if (e.getValue() > bestCount) {
                best = e.getKey();
                bestCount = e.getValue();
            }
        }
        return best;
    }

    /**
     * The labels made unique: the first cell with a label keeps it; a later one from another spec (its
     * group key is {@code spec/cell-id}) is told apart by its spec, e.g. {@code paper:ppo (other-spec)},
     * and one that is still not unique by a number, {@code paper:ppo #2}.
     */
    static Map<String, String> unique(Map<String, String> labels) {
        Map<String, String> firstSpec = new HashMap<>();
        Map<String, Integer> seen = new HashMap<>();
        Map<String, String> out = new LinkedHashMap<>();
        labels.forEach((k, l) -> {
            String spec = k.contains("/") ? k.substring(0, k.indexOf('/')) : "";
            String first = firstSpec.putIfAbsent(l, spec);
            String candidate = first == null || spec.isEmpty() || spec.equals(first) ? l : l + " (" + spec + ")";
            int n = seen.merge(candidate, 1, Integer::sum);
            out.put(k, n == 1 ? candidate : candidate + " #" + n);
        });
        return out;
    }
}
