package dev.ablate4j.adaptive;

import dev.ablate4j.adaptive.Decision.CellState;
import dev.ablate4j.adaptive.Decision.ComparisonState;

/** A decision as plain text, for {@code matrix} and {@code plan --next-round} (the report has its own tables). */
public final class DecisionText {

    private DecisionText() {}

    /** One line: where the spec stands. */
    public static String status(Setup setup, Decision d) {
        String rule = "seeds: " + setup.rule().describe();
        if (d.complete()) {
            return setup.spec() + ": adaptive seeds complete after " + d.round() + " round" + (d.round() == 1 ? "" : "s")
                    + ": every cell's rule holds or it has max seeds (" + rule + ")";
        }
        int from = d.round() == 0 ? 0 : d.looks()[d.round() - 1];
        return setup.spec() + ": adaptive seeds round " + (d.round() + 1) + " of at most " + d.looks().length
                + " (seeds " + from + "-" + (d.looks()[d.round()] - 1) + "): " + d.roundRuns().size() + " runs, "
                + d.pending().size() + " not finished (" + rule + ")";
    }

    /** Per cell and comparison, one indented line each. */
    public static String details(Setup setup, Decision d) {
        StringBuilder sb = new StringBuilder();
        for (CellState c : d.cells()) {
            sb.append(String.format("  %-14s %-28s %3d seeds", c.env(), c.cell().label(), c.seeds()));
            if (c.used() < c.seeds()) { // allocated beyond what the last look saw (a round under way)
                sb.append(c.used() == 0 ? " (no look yet)" : " (" + c.used() + " at the last look)");
            }
            if (setup.rule().ciHalfWidth() != null) {
                sb.append(Double.isNaN(c.halfWidth()) ? "" : String.format(", CI half-width %.4g", c.halfWidth()))
                        .append(c.precisionMetAt() != null ? " (met at " + c.precisionMetAt() + " seeds)"
                                : c.active() ? "" : " (not met, max reached)");
            }
            sb.append(c.active() ? ", receiving more" : "").append('\n');
        }
        for (ComparisonState c : d.comparisons()) {
            sb.append(String.format("  %-14s %-28s %s%n", c.env(), c.pair().comparison().text(),
                    c.describe(d.looks().length)));
        }
        for (Decision.IndexState i : d.indices()) {
            sb.append(String.format("  %-14s %-28s %s%n", i.env(), "ACLI − AAI", i.describe(d.looks().length)));
        }
        for (Decision.EffectState e : d.effects()) {
            sb.append(String.format("  %-14s %-28s %s%n", e.env(), "main effect " + e.factor(),
                    e.describe(d.looks().length)));
        }
        return sb.toString();
    }
}
