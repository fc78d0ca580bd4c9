package dev.ablate4j.adaptive;

import dev.ablate4j.config.Suggest;
import dev.ablate4j.stats.AlgorithmIndices;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the round logic needs to know about an adaptive spec: its rule, its cells (ids and labels,
 * in plan order) and environments. Comparisons name cells by label; each label must belong to
 * exactly one cell. Under {@code main-effects: decided} every cell also carries its on/off level of
 * each factor, and the cells must be a full two-level factorial: every combination of levels once.
 *
 * @param spec the spec name
 * @param rule the adaptive seed rule
 * @param cells the spec's cells in plan order
 * @param envs the spec's environments in spec order
 */
public record Setup(String spec, SeedRule rule, List<CellRef> cells, List<String> envs) {

    /**
     * A cell: its id (directory name), label and, under a main-effects rule, its on/off level of each
     * factor in the spec's factor order (empty otherwise).
     */
    public record CellRef(String id, String label, Map<String, Boolean> levels) {

        /** A cell without factor levels. */
        public CellRef(String id, String label) {
            this(id, label, Map.of());
        }

        public CellRef {
            levels = Collections.unmodifiableMap(new LinkedHashMap<>(levels));
        }
    }

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
        if (rule.mainEffects()) {
            checkFactorial(cells);
        }
    }

    /**
     * The number of group-sequential tests the design decides: each comparison and each main effect
     * on every environment, and ACLI − AAI on every environment — the family that {@code
     * multiplicity: bonferroni} splits α over.
     */
    public int tests() {
        int perEnv = rule.decided().size() + (rule.mainEffects() ? factors().size() : 0) + (rule.acliAai() ? 1 : 0);
        return perEnv * envs.size();
    }

    /** The |z| boundary at each look of this design's tests ({@link SeedRule#boundaries(int)} of {@link #tests}). */
    public double[] boundaries() {
        return rule.boundaries(tests());
    }

    /**
     * The factors whose main effects the rule decides, in the spec's order (the keys of every cell's
     * levels); empty when the rule has no main-effects target.
     */
    public List<String> factors() {
        return rule.mainEffects() ? List.copyOf(cells.get(0).levels().keySet()) : List.of();
    }

    /** IllegalArgumentException starting "main-effects" unless the cells are a full two-level factorial. */
    private static void checkFactorial(List<CellRef> cells) {
        if (cells.isEmpty()) {
            throw new IllegalArgumentException(MAIN_EFFECTS + " needs the cells of a factorial; there are none");
        }
        List<String> factors = List.copyOf(cells.get(0).levels().keySet());
        if (factors.isEmpty()) {
            throw new IllegalArgumentException(MAIN_EFFECTS + " needs each cell's on/off factor levels; cell "
                    + cells.get(0).label() + " has none");
        }
        Set<List<Boolean>> seen = new HashSet<>();
        for (CellRef c : cells) {
            if (!List.copyOf(c.levels().keySet()).equals(factors) || c.levels().containsValue(null)) {
                throw new IllegalArgumentException(MAIN_EFFECTS + ": cell " + c.label() + " has levels of "
                        + c.levels().keySet() + ", not on/off levels of the factors " + factors);
            }
            if (!seen.add(List.copyOf(c.levels().values()))) {
                throw new IllegalArgumentException(MAIN_EFFECTS + ": two cells have the levels " + c.levels());
            }
        }
        if (factors.size() >= 31 || cells.size() != 1 << factors.size()) {
            throw new IllegalArgumentException(MAIN_EFFECTS + " needs a full two-level factorial: " + cells.size()
                    + " cells over " + factors.size() + " factors " + factors + ", not every combination once");
        }
    }

    /** The until key of the main-effects target, the start of every message about it. */
    static final String MAIN_EFFECTS = RuleFile.MAIN_EFFECTS;

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
