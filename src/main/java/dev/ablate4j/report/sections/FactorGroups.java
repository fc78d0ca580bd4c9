package dev.ablate4j.report.sections;

import dev.ablate4j.report.OptimizationNames;
import dev.ablate4j.report.ResultsTree;
import dev.ablate4j.report.Run;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The on/off factors of an environment grouped by confounding: switches that are on and off in
 * exactly the same runs (or each exactly when the other is off) form one group, because the runs
 * cannot tell their effects apart. The one owner of that grouping: the "Confounded here" note, the
 * per-optimization panels, the main-effects chart and table and the interaction charts all use it,
 * so a preset comparison (e.g. {@code paper:ppo} vs {@code paper:ppo-m}, where reward scaling,
 * orthogonal init, reward and observation clipping flip together) shows one entry for the group
 * instead of several identical "effects".
 */
final class FactorGroups {

    /**
     * One group of confounded factors (or a single factor).
     *
     * @param keys     config keys, first = the representative whose on/off the group's entry uses
     * @param sameWay  per key, whether it is on when the representative is on (false: exactly opposite)
     */
    record Group(List<String> keys, List<Boolean> sameWay) {

        /** The key whose levels stand for the group. */
        String representative() {
            return keys.get(0);
        }

        boolean confounded() {
            return keys.size() > 1;
        }

        /**
         * Legend text: the switch's name, or for a group the names joined with " + " and marked
         * "(confounded)"; a member switched the opposite way is named with "off".
         */
        String label() {
            if (!confounded()) {
                return OptimizationNames.legend(representative());
            }
            List<String> names = new ArrayList<>();
            for (int i = 0; i < keys.size(); i++) {
                names.add(OptimizationNames.legend(keys.get(i)) + (sameWay.get(i) ? "" : " off"));
            }
            return String.join(" + ", names) + " (confounded)";
        }
    }

    private FactorGroups() {}

    /** Groups of {@code factors} (in their order, by first member) over the env's runs. */
    static List<Group> of(ResultsTree tree, String env, List<String> factors) {
        List<Run> runs = tree.runs(env);
        Map<String, List<String>> members = new LinkedHashMap<>();
        Map<String, List<Boolean>> ways = new LinkedHashMap<>();
        for (String f : factors) {
            StringBuilder pattern = new StringBuilder();
            for (Run r : runs) {
                Boolean b = r.flag(f);
                pattern.append(b == null ? '?' : b ? '1' : '0');
            }
            String p = pattern.toString();
            int first = firstKnown(p);
            boolean flipped = first >= 0 && p.charAt(first) == '0';
            if (flipped) {
                p = p.replace('0', 'x').replace('1', '0').replace('x', '1'); // opposite switches alias too
            }
            List<String> keys = members.computeIfAbsent(p, k -> new ArrayList<>());
            List<Boolean> w = ways.computeIfAbsent(p, k -> new ArrayList<>());
            keys.add(f);
            // same way as the representative iff both start off (or both on) in the first run that sets them
            w.add(flipped == flippedOf(runs, keys.get(0)));
        }
        List<Group> out = new ArrayList<>();
        for (Map.Entry<String, List<String>> e : members.entrySet()) {
            out.add(new Group(List.copyOf(e.getValue()), List.copyOf(ways.get(e.getKey()))));
        }
        return out;
    }

    /** Only the groups of two or more confounded factors. */
    static List<Group> confounded(ResultsTree tree, String env, List<String> factors) {
        return of(tree, env, factors).stream().filter(Group::confounded).toList();
    }

    /** Representatives of the groups, in order: the factors an analysis can tell apart. */
    static List<String> representatives(List<Group> groups) {
        return groups.stream().map(Group::representative).toList();
    }

    /** The group whose representative is {@code key}, or a single-factor group for it. */
    static Group byRepresentative(List<Group> groups, String key) {
        for (Group g : groups) {
            if (g.representative().equals(key)) {
                return g;
            }
        }
        return new Group(List.of(key), List.of(true));
    }

    private static boolean flippedOf(List<Run> runs, String key) {
        for (Run r : runs) {
            Boolean b = r.flag(key);
            if (b != null) {
                return !b;
            }
        }
        return false;
    }

    private static int firstKnown(String pattern) {
        for (int i = 0; i < pattern.length(); i++) {
            if (pattern.charAt(i) != '?') {
                return i;
            }
        }
        return -1;
    }
}
