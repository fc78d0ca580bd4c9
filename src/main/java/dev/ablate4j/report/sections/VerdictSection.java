package dev.ablate4j.report.sections;

import dev.ablate4j.report.Block;
import dev.ablate4j.report.Fmt;
import dev.ablate4j.report.ReTests;
import dev.ablate4j.report.Table;
import dev.ablate4j.report.VerdictRow;
import java.util.ArrayList;
import java.util.List;

/**
 * The report's "Verdicts" section: the computed verdict of every comparison ({@code dev.ablate4j.report.Verdicts}),
 * each with the rule that gave it, and the re-tested designs ({@link ReTests}).
 */
public final class VerdictSection {

    private VerdictSection() {}

    /**
     * @param margin       the equivalence margin, or null
     * @param marginSource where the margin came from ("--margin", "spec key equivalence-margin")
     */
    public static List<Block> blocks(List<VerdictRow> rows, List<ReTests.Note> notes, Double margin, String marginSource) {
        if (rows.isEmpty()) {
            return List.of();
        }
        List<Block> out = new ArrayList<>();
        out.add(new Block.Heading(1, "Verdicts"));
        String m = margin == null
                ? "No equivalence margin given (report --margin M or the spec key equivalence-margin): the last column"
                        + " is the smallest margin m for which TOST at α = 0.05 would call the means equivalent within ±m."
                : "Equivalence margin ±" + Fmt.compact(margin) + " (" + marginSource + "): without a shown difference,"
                        + " TOST (two one-sided Welch t-tests, α = 0.05) gives equivalent or not shown equivalent.";
        out.add(new Block.Paragraph("Computed by the rule beside each verdict: decided by an adaptive design's"
                + " group-sequential boundary (the comparisons it tested), else by the Holm-adjusted Welch p < 0.05 among"
                + " the configs against the baseline; ACLI − AAI when its interval excludes 0. " + m
                + (rows.stream().anyMatch(VerdictRow::isReference) ? " A comparison with another implementation's"
                        + " sample (report --reference) is decided by its own Welch p < 0.05: a single comparison,"
                        + " not in the Holm family; see the section \"" + ReferenceSection.TITLE + "\"." : "")
                + " See docs/statistics.md."));
        Table.Builder t = new Table.Builder(List.of("environment", "comparison", "verdict", "rule", "n", "Δ mean",
                "95% CI", "smallest margin"), 4);
        for (VerdictRow r : rows) {
            t.row(List.of(r.env(), r.comparison(), r.verdict().text(margin), r.verdict().rule(),
                    r.hasSamples() ? r.nX() + " vs " + r.nY() : "-", Fmt.num(r.estimate()), Fmt.ci(r.interval()),
                    r.hasSamples() ? Fmt.num(r.smallestMargin()) : "-"));
        }
        boolean effects = rows.stream().anyMatch(VerdictRow::isMainEffect);
        out.add(new Block.TableBlock(t.build(), "Also in verdicts.csv. Δ mean: first config minus second, with the"
                + " report's interval of Δ mean (for ACLI − AAI, the algorithm section's" + (effects ? "; for a main"
                        + " effect, mean final return with the switch on minus off over the design's runs, with the"
                        + " report's interval of the effect" : "") + ")."));
        for (ReTests.Note n : notes) {
            out.add(new Block.Paragraph(n.text()));
        }
        return out;
    }
}
