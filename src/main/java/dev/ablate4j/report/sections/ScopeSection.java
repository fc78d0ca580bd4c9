package dev.ablate4j.report.sections;

import dev.ablate4j.config.ConfigDiff;
import dev.ablate4j.report.Block;
import dev.ablate4j.report.RecordedSpec;
import dev.ablate4j.report.ResultCell;
import dev.ablate4j.report.ResultsTree;
import dev.ablate4j.report.Table;
import dev.ablate4j.report.Values;
import dev.ablate4j.results.ConfigFile;
import dev.ablate4j.results.SpecRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * "Scope": for each spec directory holding the spec its last {@code matrix} ran, which spec the
 * report covers and which other cells were found there (left out, or included with
 * {@code --all-cells}). Nothing for trees without a recorded spec.
 */
public final class ScopeSection {

    private ScopeSection() {}

    /**
     * The keys (at most 3) where the other cell's config differs from the common config of the used
     * cell with the same label in the same spec ("steps 4096 where the spec has 2048"); "-" when no
     * such cell is used.
     */
    static String difference(RecordedSpec.OtherCell other, ResultsTree tree) {
        ResultCell same = null;
        for (ResultCell c : tree.cells()) {
            if (c.label().equals(other.label()) && c.id() != null) {
                same = c;
                break;
            }
        }
        if (same == null || other.config().isEmpty()) {
            return "-";
        }
        List<String> keys = new ArrayList<>();
        java.util.Set<String> all = new java.util.TreeSet<>(same.config().keySet());
        all.addAll(other.config().keySet());
        all.removeAll(ConfigFile.NOT_CONFIG);
        // a key one side omits reads as its legacy value (config.json leaves keys at their legacy default out)
        for (ConfigDiff.Difference d : ConfigDiff.between(all, other.config(), same.config(),
                ConfigDiff.Reading.withLegacyValues(Values::canonical))) {
            keys.add(d.key() + " " + d.left() + " where the spec has " + d.right());
        }
        return keys.isEmpty() ? "-" : String.join(", ", keys.size() > 3 ? keys.subList(0, 3) : keys)
                + (keys.size() > 3 ? ", ..." : "");
    }

    public static List<Block> blocks(ResultsTree tree) {
        List<Block> out = new ArrayList<>();
        if (tree.specs().isEmpty()) {
            return out;
        }
        out.add(new Block.Heading(1, "Scope: the spec each results directory was last run with"));
        for (RecordedSpec s : tree.specs()) {
            SpecRecord r = s.record();
            int outside = s.outsideRuns();
            out.add(new Block.Paragraph(String.format(Locale.ROOT,
                    "%s was last run by matrix with the spec %s (%d cells x %d envs x %d seeds; a byte copy is %s/%s)."
                            + " %s%s",
                    s.specDir(), r.path(), r.cells().size(), r.envs().size(), r.seeds().size(), s.specDir(),
                    SpecRecord.COPY,
                    outside == 0 ? "Every run found there belongs to it."
                            : String.format(Locale.ROOT, "%d runs found there are not in this spec (%d cells the spec"
                                    + " does not have, %d runs of its cells on other envs or seeds): ", outside,
                                    s.others().size(), s.otherRuns()),
                    outside == 0 ? "" : s.included() ? "included because of --all-cells."
                            : "left out (listed in the appendix); --all-cells includes them.")));
            if (!s.others().isEmpty()) {
                Table.Builder t = new Table.Builder(List.of("cell id", "label", "differs from the spec's cell of that"
                        + " label", "runs"), 3);
                s.others().forEach(c -> t.row(List.of(c.id(), c.label(), difference(c, tree), "" + c.runs())));
                out.add(new Block.TableBlock(t.build(), "Cells in " + s.specDir() + " not in the current spec ("
                        + r.path() + ")" + (s.included() ? ", included (--all-cells)." : ", left out.")));
            }
        }
        return out;
    }
}
