package dev.ablate4j.adaptive;

import dev.ablate4j.config.Suggest;
import dev.ablate4j.stats.AlgorithmIndices;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What the round logic needs to know about an adaptive spec: its rule, its cells (ids and labels,
 * in plan order) and environments. Comparisons name cells by label; each label must belong to
 * exactly one cell.
 *
 * @param spec the spec name
 * @param rule the adaptive seed rule
 * @param cells the spec's cells in plan order
 * @param envs the spec's environments in spec order
 */
public record Setup(String spec, SeedRule rule, List<CellRef> cells, List<String> envs) {

    /** A cell: its id (directory name) and label. */
    public record CellRef(String id, String label) {}

    /** A comparison with both cells resolved. */
    public record Pair(Comparison comparison, CellRef left, CellRef right) {}

    /** Checks every comparison; IllegalArgumentException naming the first problem. */
    public Setup {
        cells = List.copyOf(cells);
        envs = List.copyOf(envs);
        pairs(rule, cells);
        if (rule.acliAai()) {
            acliCells(cells);
        }
    }

    /**
     * The cells of PPO, PPO-M, TRPO and TRPO+ (in {@link AlgorithmIndices#PRESETS} order) that the
     * rule's ACLI − AAI target reads: the one cell whose label is each preset or its paper form
     * ({@code ppo} or {@code paper:ppo}). Empty when the rule has no such target.
     */
    public List<CellRef> acliCells() {
        return rule.acliAai() ? acliCells(cells) : List.of();
    }

    private static List<CellRef> acliCells(List<CellRef> cells) {
        List<CellRef> out = new ArrayList<>();
        for (String family : AlgorithmIndices.PRESETS) {
            List<CellRef> found = cells.stream().filter(c -> AlgorithmIndices.family(c.label()).equals(family)).toList();
            if (found.size() != 1) {
                throw new IllegalArgumentException("acli-aai needs exactly one cell labelled " + family + " or paper:"
                        + family + " (the four presets PPO, PPO-M, TRPO and TRPO+), found " + found.size() + "; cells: "
                        + String.join(", ", cells.stream().map(CellRef::label).toList()));
            }
            out.add(found.get(0));
        }
        return List.copyOf(out);
    }

    /** The comparisons with their cells, in the rule's order. */
    public List<Pair> pairs() {
        return pairs(rule, cells);
    }

    /** Index of the cell with {@code id} in {@link #cells}, or -1. */
    public int indexOf(String id) {
        for (int i = 0; i < cells.size(); i++) {
            if (cells.get(i).id().equals(id)) {
                return i;
            }
        }
        return -1;
    }

    private static List<Pair> pairs(SeedRule rule, List<CellRef> cells) {
        List<Pair> pairs = new ArrayList<>();
        Set<Set<String>> seen = new HashSet<>();
        for (Comparison c : rule.decided()) {
            CellRef left = byLabel(c.left(), cells);
            CellRef right = byLabel(c.right(), cells);
            if (!seen.add(Set.of(left.id(), right.id()))) {
                throw new IllegalArgumentException("'" + c.text() + "' is listed twice");
            }
            pairs.add(new Pair(c, left, right));
        }
        return List.copyOf(pairs);
    }

    private static CellRef byLabel(String label, List<CellRef> cells) {
        List<CellRef> found = cells.stream().filter(c -> c.label().equals(label)).toList();
        List<String> labels = cells.stream().map(CellRef::label).toList();
        if (found.isEmpty()) {
            throw new IllegalArgumentException("no cell is labelled '" + label + "'"
                    + Suggest.nearest(label, labels) + "; cells: " + String.join(", ", labels));
        }
        if (found.size() > 1) {
            throw new IllegalArgumentException(found.size() + " cells are labelled '" + label + "' ("
                    + String.join(", ", found.stream().map(CellRef::id).toList()) + ")");
        }
        return found.get(0);
    }
}
