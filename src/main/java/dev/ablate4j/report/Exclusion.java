package dev.ablate4j.report;

import java.util.List;

/** A run directory the report left out, and why. */
public record Exclusion(String path, String reason) {

    /** Reason starts and the category each stands for, checked in order. */
    private static final List<String[]> CATEGORIES = List.of(
            new String[] {SpecScope.NOT_IN_SPEC, SpecScope.NOT_IN_SPEC},
            new String[] {"incomplete", "incomplete"},
            new String[] {"diverged", "diverged"},
            new String[] {"failed", "failed"},
            new String[] {"corrupt", "corrupt"},
            new String[] {"finished, but its files are damaged", "damaged"},
            new String[] {"unreadable", "unreadable"},
            new String[] {"duplicate of", "duplicate"},
            new String[] {"step budget mismatch", "step budget mismatch"},
            new String[] {"config.json differs", "config differs from its cell"},
            new String[] {"no finished episode", "no finished episode"},
            new String[] {"metrics.csv line", "infinite mean_return"},
            new String[] {"no " + dev.ablate4j.results.RunFiles.EVAL, "no " + dev.ablate4j.results.RunFiles.EVAL + " (--score eval)"},
            new String[] {dev.ablate4j.results.RunFiles.EVAL, "unusable " + dev.ablate4j.results.RunFiles.EVAL},
            new String[] {"no ", "missing files"},
            new String[] {"config.json has no", "missing files"});

    /**
     * A short name of the kind of reason ("incomplete", "not in the current spec", ...), for counting
     * left-out runs by reason; a reason of no known kind is its own text up to the first ':'.
     */
    public String category() {
        String r = reason.toLowerCase(java.util.Locale.ROOT);
        for (String[] c : CATEGORIES) {
            if (r.startsWith(c[0])) {
                return c[1];
            }
        }
        int colon = reason.indexOf(':');
        return colon > 0 ? reason.substring(0, colon) : reason;
    }

    /** "8 not in the current spec, 2 incomplete": counts by category, largest first (ties by name). */
    public static String breakdown(List<Exclusion> excluded) {
        java.util.Map<String, Integer> n = new java.util.TreeMap<>();
        excluded.forEach(e -> n.merge(e.category(), 1, Integer::sum));
        return n.entrySet().stream()
                .sorted(java.util.Map.Entry.<String, Integer>comparingByValue().reversed()
                        .thenComparing(java.util.Map.Entry.comparingByKey()))
                .map(e -> e.getValue() + " " + e.getKey())
                .collect(java.util.stream.Collectors.joining(", "));
    }
}
