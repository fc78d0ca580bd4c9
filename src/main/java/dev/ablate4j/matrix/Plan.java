package dev.ablate4j.matrix;

import dev.ablate4j.adaptive.Decision;
import dev.ablate4j.adaptive.Setup;
import java.nio.file.Path;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * A spec expanded: its cells and every run, in execution order (seed-major: all cells and
 * environments with the first seed, then the next seed, so a partly finished matrix already
 * covers every cell).
 */
public record Plan(Spec spec, List<Cell> cells, List<PlannedRun> runs) {

    /** {@code results/<spec name>}. */
    public Path specDir(Path results) {
        return results.resolve(spec.name());
    }

    /** The adaptive seed setup of the spec (its rule, cells and envs), or null for fixed seeds. */
    public Setup setup() {
        if (spec.adaptive() == null) {
            return null;
        }
        // under main-effects (a factorial of [true, false] switches, SeedsReader) each cell's levels
        List<Setup.CellRef> refs = cells.stream().map(c -> new Setup.CellRef(c.id(), c.label(),
                spec.adaptive().mainEffects() ? levels(c) : Map.of())).toList();
        return new Setup(spec.name(), spec.adaptive(), refs, spec.envs());
    }

    /** A cell's factor values as on/off levels, in the spec's factor order. */
    private Map<String, Boolean> levels(Cell c) {
        Map<String, Boolean> levels = new java.util.LinkedHashMap<>();
        for (String f : spec.factors().keySet()) {
            levels.put(f, (Boolean) c.factors().get(f));
        }
        return levels;
    }

    /** This plan with only the runs in {@code keys}, in plan order (a round of adaptive seeds). */
    public Plan only(Collection<Decision.RunKey> keys) {
        Set<String> ids = new HashSet<>();
        keys.forEach(k -> ids.add(k.id()));
        return new Plan(spec, cells, runs.stream().filter(r -> ids.contains(r.id())).toList());
    }

    /** Total env steps of all runs. */
    public long steps() {
        return runs.stream().mapToLong(PlannedRun::steps).sum();
    }

    /**
     * The runs of one shard, in plan order. The partition is deterministic and balanced by steps:
     * runs sorted by steps (largest first, then id) are dealt one by one to the shard with the
     * fewest steps so far (lowest index on ties). Every run is in exactly one shard.
     */
    public Plan shard(Shard shard) {
        if (shard.n() == 1) {
            return this;
        }
        Map<PlannedRun, Integer> owner = assign(shard.n());
        List<PlannedRun> mine = new ArrayList<>();
        for (PlannedRun r : runs) {
            if (owner.get(r) == shard.k()) {
                mine.add(r);
            }
        }
        return new Plan(spec, cells, List.copyOf(mine));
    }

    /** Each run's shard (1-based) in a partition into {@code n}. */
    public Map<PlannedRun, Integer> assign(int n) {
        List<PlannedRun> sorted = new ArrayList<>(runs);
        sorted.sort(Comparator.comparingLong(PlannedRun::steps).reversed().thenComparing(PlannedRun::id));
        long[] load = new long[n];
        Map<PlannedRun, Integer> owner = new IdentityHashMap<>();
        for (PlannedRun r : sorted) {
            int best = 0;
            for (int i = 1; i < n; i++) {
                if (load[i] < load[best]) {
                    best = i;
                }
            }
            load[best] += r.steps();
            owner.put(r, best + 1);
        }
        return owner;
    }
}
