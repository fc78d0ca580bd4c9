package dev.ablate4j.report;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Picks the baseline cell that every other config is compared against. An explicit
 * {@code --baseline} names a cell by key, id or label. Otherwise: a cell whose label is just its
 * preset name (preferring {@code ppo}), else a matrix cell with no factors, else the first cell.
 */
final class Baseline {

    private Baseline() {}

    static ResultCell choose(ResultsTree tree, String requested) {
        List<ResultCell> cells = tree.cells();
        if (requested != null) {
            List<ResultCell> hits = cells.stream().filter(c -> c.key().equals(requested)).toList();
            if (hits.isEmpty()) {
                hits = cells.stream().filter(c -> c.id().equals(requested) || c.label().equals(requested)).toList();
            }
            if (hits.isEmpty()) {
                hits = cells.stream().filter(c -> c.label().equalsIgnoreCase(requested)).toList();
            }
            if (hits.size() == 1) {
                return hits.get(0);
            }
            String all = cells.stream().map(c -> "'" + c.label() + "'" + (c.key().equals(c.label()) ? "" : " (" + c.key() + ")"))
                    .collect(Collectors.joining(", "));
            throw new ReportInputException(hits.isEmpty()
                    ? "--baseline '" + requested + "' matches no config; configs: " + all
                    : "--baseline '" + requested + "' matches " + hits.size() + " configs; use a key: " + all);
        }
        for (String preferred : new String[] {"ppo", null}) {
            for (ResultCell c : cells) {
                String label = c.label().trim().toLowerCase(Locale.ROOT);
                if (label.equals(c.preset().toLowerCase(Locale.ROOT))
                        && (preferred == null || AlgorithmEstimates.family(label).equals(preferred))) {
                    return c;
                }
            }
        }
        for (ResultCell c : cells) {
            if (!c.spec().isEmpty() && c.factors().isEmpty()) {
                return c;
            }
        }
        return cells.get(0);
    }
}
