package dev.ablate4j.report;

import dev.ablate4j.config.ConfigDiff;
import dev.ablate4j.report.ResultsReader.Found;
import dev.ablate4j.results.ConfigFile;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The runs {@link ResultsReader} reads but must not compare, left out with their reason: runs found
 * twice in merged roots, runs off their environment's most common step budget, and runs whose
 * {@code config.json} differs from the rest of their cell's. Each step keeps the order of the runs
 * it is given and adds one {@link Exclusion} per run it drops.
 */
final class LeftOutRuns {

    private final List<Exclusion> excluded;

    /** Steps that add the runs they leave out to {@code excluded}. */
    LeftOutRuns(List<Exclusion> excluded) {
        this.excluded = excluded;
    }

    /** The identity of a run: its cell (or config) plus env and seed. */
    private static String identity(Found f) {
        String cell = f.cellId() != null ? f.spec() + "/" + f.cellId() : ResultsReader.configKey(f.run().config());
        return cell + "|" + f.run().env() + "|" + f.run().seed();
    }

    /** Runs found twice in merged roots (same cell, env and seed) count once: the first found. */
    List<Found> duplicates(List<Found> found) {
        Map<String, String> firstPath = new HashMap<>();
        List<Found> out = new ArrayList<>();
        for (Found f : found) {
            String id = identity(f);
            String first = firstPath.putIfAbsent(id, f.run().path());
            if (first == null) {
                out.add(f);
            } else {
                excluded.add(new Exclusion(f.run().path(), "duplicate of " + first + " (same cell, env and seed)"));
            }
        }
        return out;
    }

    /**
     * A cell's runs on one environment share one resolved config (only the seed differs). A run
     * whose {@code config.json} differs from the config most of them have is left out, with the
     * keys that differ; when no config is the most common, every run of that cell and env is.
     */
    List<Found> configMismatches(List<Found> found) {
        Map<String, Map<String, List<Found>>> byCellEnv = new LinkedHashMap<>();
        for (Found f : found) {
            if (f.cellId() == null) {
                continue; // runs without cell.json are grouped by their config already
            }
            String group = f.spec() + "/" + f.cellId() + "|" + f.run().env();
            byCellEnv.computeIfAbsent(group, g -> new LinkedHashMap<>())
                    .computeIfAbsent(ResultsReader.configKey(withoutSeed(f.run().config())), c -> new ArrayList<>())
                    .add(f);
        }
        Set<Found> drop = new HashSet<>();
        for (Map<String, List<Found>> configs : byCellEnv.values()) {
            if (configs.size() < 2) {
                continue;
            }
            int most = configs.values().stream().mapToInt(List::size).max().orElse(0);
            List<List<Found>> top = configs.values().stream().filter(l -> l.size() == most).toList();
            Found reference = top.size() == 1 ? top.get(0).get(0) : null;
            for (List<Found> group : configs.values()) {
                if (reference != null && group == top.get(0)) {
                    continue;
                }
                for (Found f : group) {
                    drop.add(f);
                    excluded.add(new Exclusion(f.run().path(), reference == null
                            ? "config.json differs from the other runs of its cell on " + f.run().env()
                                    + " and no config is the most common; none is used"
                            : "config.json differs from its cell's (" + differences(f.run().config(),
                                    reference.run().config()) + "), as found in " + most + " of its runs on "
                                    + f.run().env()));
                }
            }
        }
        return found.stream().filter(f -> !drop.contains(f)).toList();
    }

    private static Map<String, Object> withoutSeed(Map<String, Object> config) {
        Map<String, Object> m = new TreeMap<>(config);
        m.remove("seed");
        return m;
    }

    private static String differences(Map<String, Object> run, Map<String, Object> cell) {
        List<String> keys = new ArrayList<>();
        Set<String> all = ConfigDiff.allKeys(run, cell);
        all.remove("seed");
        for (ConfigDiff.Difference d : ConfigDiff.between(all, run, cell, ConfigDiff.Reading.plain(Values::canonical))) {
            keys.add(d.key() + " " + d.left() + " where the cell has " + d.right());
        }
        return String.join(", ", keys.size() > 3 ? keys.subList(0, 3) : keys) + (keys.size() > 3 ? ", ..." : "");
    }

    /**
     * Per env, keep the runs trained on the most common budget (environment steps actually trained,
     * {@link Run#trainedSteps()}; ties: the larger) or within one of their own iterations of it: a
     * preset that rounds a budget up to whole rollouts and one that rounds it down train on the same
     * budget, one rollout apart (sb3:ppo and cleanrl:ppo at steps 1,000,000 of 2,048 each: 1,001,472
     * and 999,424). The rest are left out, with the budget they trained.
     */
    List<Found> offBudget(List<Found> found) {
        Map<String, Map<Long, Integer>> counts = new TreeMap<>();
        for (Found f : found) {
            Long steps = f.run().trainedSteps();
            if (steps != null) {
                counts.computeIfAbsent(f.run().env(), e -> new TreeMap<>()).merge(steps, 1, Integer::sum);
            }
        }
        Map<String, Long> chosen = new HashMap<>();
        Map<String, Integer> total = new HashMap<>();
        counts.forEach((env, byBudget) -> total.put(env, byBudget.values().stream().mapToInt(Integer::intValue).sum()));
        counts.forEach((env, byBudget) -> chosen.put(env, byBudget.entrySet().stream()
                .max(Comparator.<Map.Entry<Long, Integer>>comparingInt(Map.Entry::getValue)
                        .thenComparingLong(Map.Entry::getKey))
                .orElseThrow().getKey()));
        List<Found> out = new ArrayList<>();
        for (Found f : found) {
            Long steps = f.run().trainedSteps();
            Long want = chosen.get(f.run().env());
            if (steps == null || Math.abs(steps - want) <= oneIteration(f)) {
                out.add(f);
            } else {
                Map<Long, Integer> byBudget = counts.get(f.run().env());
                boolean tie = byBudget.values().stream().filter(n -> n.equals(byBudget.get(want))).count() > 1;
                excluded.add(new Exclusion(f.run().path(), "step budget mismatch: trained " + steps + " steps but "
                        + byBudget.get(want) + " of the " + total.get(f.run().env()) + " " + f.run().env()
                        + " runs trained " + want + (tie ? " (as many as another budget; on a tie the larger is"
                                + " compared)" : " (the most common budget, the one compared; runs within one of"
                                + " their iterations of it are compared too)")));
            }
        }
        return out;
    }

    /** One iteration of the run in environment steps (0 when the file does not record it: then only its exact budget counts). */
    private static long oneIteration(Found f) {
        Long t = new ConfigFile(f.run().config()).rolloutSteps();
        return t == null ? 0 : t;
    }
}
