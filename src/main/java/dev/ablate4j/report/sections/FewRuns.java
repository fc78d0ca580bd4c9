package dev.ablate4j.report.sections;

import dev.ablate4j.report.SummaryRow;
import dev.ablate4j.stats.Intervals;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the report says when configs have fewer than {@link Intervals#FEW_RUNS} runs: one sentence
 * naming them ("n = 2: too few runs for an interval"), on the first page and under every table that
 * holds their intervals. With one run there is no interval at all ("n/a"); with 2–4 an interval
 * exists but is wide and, for every method but t on normal data, covers less than it claims
 * (docs/statistics.md).
 */
final class FewRuns {

    /** Most config labels named per run count. */
    static final int SHOW = 6;

    private FewRuns() {}

    /** The note for configs with the given run counts (label → n), or null when all have enough. */
    static String note(Map<String, Integer> runsByLabel) {
        Map<Integer, List<String>> byN = new TreeMap<>();
        runsByLabel.forEach((label, n) -> {
            if (n < Intervals.FEW_RUNS) {
                byN.computeIfAbsent(n, k -> new ArrayList<>()).add(label);
            }
        });
        if (byN.isEmpty()) {
            return null;
        }
        List<String> parts = new ArrayList<>();
        int total = runsByLabel.size();
        byN.forEach((n, labels) -> {
            String what = n < 2 ? ": too few runs for an interval" : ": too few runs for a reliable interval";
            String which;
            if (labels.size() == total && total > 1) {
                which = " (all " + total + " configs)";
            } else {
                List<String> shown = labels.subList(0, Math.min(SHOW, labels.size()));
                which = " (" + String.join("; ", shown) + (labels.size() > SHOW ? "; and " + (labels.size() - SHOW)
                        + " more" : "") + ")";
            }
            parts.add("n = " + n + what + which);
        });
        return "Few seeds: " + String.join("; ", parts) + ". Below " + Intervals.FEW_RUNS + " runs per config an interval"
                + " is printed as n/a when it cannot be computed and is otherwise wide and fragile; add seeds before"
                + " drawing conclusions.";
    }

    /** The note for the cells of one environment's summary rows, or null. */
    static String note(List<SummaryRow> rows) {
        Map<String, Integer> m = new java.util.LinkedHashMap<>();
        for (SummaryRow r : rows) {
            m.put(r.cell().label(), r.n());
        }
        return note(m);
    }

    /** {@code caption} followed by the note for {@code rows}, if any. */
    static String append(String caption, List<SummaryRow> rows) {
        String n = note(rows);
        return n == null ? caption : caption + " " + n;
    }
}
