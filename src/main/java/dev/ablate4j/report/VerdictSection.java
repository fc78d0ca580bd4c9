package dev.ablate4j.report;

import dev.ablate4j.stats.Verdict;
import java.util.ArrayList;
import java.util.List;

/**
 * The report's "Verdicts" section: the computed verdict of every comparison ({@link Verdicts}),
 * each with the rule that gave it, and the re-tested designs ({@link ReTests}).
 */
final class VerdictSection {

    private VerdictSection() {}

    /**
     * @param margin       the equivalence margin, or null
     * @param marginSource where the margin came from ("--margin", "spec key equivalence-margin")
     */
    static List<Block> blocks(List<VerdictRow> rows, List<ReTests.Note> notes, Double margin, String marginSource) {
        if (rows.isEmpty()) {
            return List.of();
        }
        List<Block> out = new ArrayList<>();
        out.add(new Block.Heading(1, "Verdicts"));
        String m = margin == null
                ? "No equivalence margin was given (report --margin M, or the spec key equivalence-margin), so a"
                        + " comparison is decided or undecided; the last column states the smallest margin m for which"
                        + " TOST at α = 0.05 would declare the two means equivalent within ±m (any wider margin would be)."
                : "Equivalence margin ±" + Fmt.compact(margin) + " (" + marginSource + "): a comparison that shows no"
                        + " difference is equivalent within ±" + Fmt.compact(margin) + " when TOST (two one-sided Welch"
                        + " t-tests at α = 0.05) rejects both non-equivalence hypotheses, else not shown equivalent.";
        out.add(new Block.Paragraph("Each verdict is computed by the rule named beside it, never written by hand."
                + " Decided: a difference is shown, by the group-sequential boundary of an adaptive design (for the"
                + " comparisons that design tested) or by the Holm-adjusted Welch p below α = 0.05 among the configs"
                + " compared with the baseline in an environment (a fixed design). " + m + " ACLI − AAI is decided when"
                + " its interval excludes 0. See docs/statistics.md, \"Verdicts\"."));
        Table.Builder t = new Table.Builder(List.of("environment", "comparison", "verdict", "rule", "n", "Δ mean",
                "95% CI", "smallest margin"), 4);
        for (VerdictRow r : rows) {
            t.row(List.of(r.env(), r.comparison(), r.verdict().text(margin), r.verdict().rule(),
                    r.isPair() ? r.nX() + " vs " + r.nY() : "-", Fmt.num(r.estimate()), Fmt.ci(r.interval()),
                    r.isPair() ? Fmt.num(r.smallestMargin()) : "-"));
        }
        out.add(new Block.TableBlock(t.build(), "Verdict of each comparison (also in verdicts.csv). Δ mean is the"
                + " first config's mean final return minus the second's, with the report's interval of Δ mean; for"
                + " ACLI − AAI, the estimate and interval of the algorithm section. Smallest margin: TOST at α = "
                + Verdict.ALPHA + " declares equivalence within ±m for every m above it."));
        for (ReTests.Note n : notes) {
            out.add(new Block.Paragraph(n.text()));
        }
        return out;
    }
}
