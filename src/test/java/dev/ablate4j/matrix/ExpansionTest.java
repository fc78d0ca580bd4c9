package dev.ablate4j.matrix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ablate4j.config.Keys;
import dev.ablate4j.config.Preset;
import dev.ablate4j.config.TrainConfig;
import dev.ablate4j.tweak.Optimization;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ExpansionTest {

    private static final String FACTORIAL = """
            name: fact
            base: {preset: ppo, policy-lr: 3.0e-4}
            factors:
              value-clip: [true, false]
              reward-scale: [true, false]
              policy-lr: [1.0e-4, 3.0e-4, 5.0e-4]
            envs: [Pendulum-v1, MountainCarContinuous-v0]
            seeds: 3
            steps: 300000
            """;

    @Test
    void factorialHasEveryCombinationOnceTimesEnvsTimesSeeds() {
        Plan plan = Specs.plan(FACTORIAL);
        assertEquals(2 * 2 * 3, plan.cells().size());
        assertEquals(12 * 2 * 3, plan.runs().size());
        Set<List<Object>> combos = new HashSet<>();
        for (Cell c : plan.cells()) {
            TrainConfig cfg = c.config();
            combos.add(List.of(cfg.on(Optimization.VALUE_CLIP), cfg.on(Optimization.REWARD_SCALE),
                    cfg.get(Keys.POLICY_LR)));
            assertEquals(300_000L, cfg.get(Keys.STEPS));
            assertEquals("ppo", c.preset());
            assertEquals(Set.of("value-clip", "reward-scale", "policy-lr"), c.factors().keySet());
        }
        assertEquals(12, combos.size(), "all combinations distinct");
        assertEquals(12, plan.cells().stream().map(Cell::id).distinct().count());
        Set<String> runIds = plan.runs().stream().map(PlannedRun::id).collect(Collectors.toSet());
        assertEquals(plan.runs().size(), runIds.size());
        assertTrue(runIds.contains(plan.cells().get(0).id() + "/MountainCarContinuous-v0/seed-2"));
    }

    @Test
    void runsAreSeedMajorSoAPartialMatrixCoversEveryCell() {
        Plan plan = Specs.plan(FACTORIAL);
        int perSeed = plan.cells().size() * 2;
        for (int i = 0; i < plan.runs().size(); i++) {
            assertEquals(i / perSeed, plan.runs().get(i).seed());
        }
    }

    @Test
    void labelsNameWhatDiffersFromTheBase() {
        Plan plan = Specs.plan(FACTORIAL);
        Set<String> labels = plan.cells().stream().map(Cell::label).collect(Collectors.toSet());
        assertTrue(labels.contains("ppo"), labels.toString());
        assertTrue(labels.contains("ppo, no value clipping, no reward scaling, policy-lr 0.0001"), labels.toString());
        Cell base = plan.cells().stream().filter(c -> c.label().equals("ppo")).findFirst().orElseThrow();
        assertEquals(List.of(), base.varied());
    }

    @Test
    void oneAtATimeSwitchesEachFactorAloneAroundTheBase() {
        Plan plan = Specs.plan("""
                name: loo
                design: one-at-a-time
                base: {preset: ppo}
                factors:
                  value-clip: [true, false]
                  reward-scale: [true, false]
                  ortho-init: [true, false]
                  lr-anneal: [false, true]
                  policy-lr: [1.0e-4, 3.0e-4, 1.0e-3]
                envs: [Pendulum-v1]
                seeds: [4, 9]
                """);
        // base + 4 toggles (each has one non-base value) + 2 learning rates other than the base 3e-4
        assertEquals(1 + 4 + 2, plan.cells().size());
        assertEquals(7 * 2, plan.runs().size());
        TrainConfig base = TrainConfig.resolve(Preset.PPO, Map.of());
        Cell first = plan.cells().get(0);
        assertEquals(List.of(), first.varied());
        assertEquals(CellId.of(base), first.id(), "the base cell is the preset itself");
        for (Cell c : plan.cells().subList(1, plan.cells().size())) {
            assertEquals(1, c.varied().size(), c.label());
            String key = c.varied().get(0);
            for (var k : Keys.all()) {
                if (!k.name().equals(key) && k != Keys.ENV && k != Keys.SEED) {
                    assertEquals(base.values().get(k.name()), c.config().values().get(k.name()), c.label() + " " + k);
                }
            }
        }
        Set<String> labels = plan.cells().stream().map(Cell::label).collect(Collectors.toSet());
        assertEquals(Set.of("ppo", "ppo, no value clipping", "ppo, no reward scaling", "ppo, no orthogonal init",
                "ppo, no LR annealing", "ppo, policy-lr 0.0001", "ppo, policy-lr 0.001"), labels);
        assertEquals(List.of(4L, 9L), plan.runs().stream().map(PlannedRun::seed).distinct().toList());
    }

    @Test
    void oneAtATimeAroundAMinimalPresetAddsOneIn() {
        Plan plan = Specs.plan("""
                name: addone
                design: one-at-a-time
                base: {preset: ppo-m}
                factors: {value-clip: [true], grad-clip: [true]}
                envs: [Pendulum-v1]
                seeds: 1
                """);
        assertEquals(List.of("ppo-m", "ppo-m, +value clipping", "ppo-m, +gradient clipping"),
                plan.cells().stream().map(Cell::label).toList());
    }

    @Test
    void cellIdsAreStableAndIgnoreKeyOrderAndNumberSpelling() {
        String reordered = """
                seeds: 3
                steps: 3.0e5
                envs: [MountainCarContinuous-v0, Pendulum-v1]
                factors:
                  policy-lr: [0.0001, 3e-4, 0.0005]
                  reward-scale: [false, true]
                  value-clip: [on, off]
                base: {policy-lr: 0.0003, preset: ppo}
                name: fact
                """;
        Set<String> a = Specs.plan(FACTORIAL).cells().stream().map(Cell::id).collect(Collectors.toSet());
        Set<String> again = Specs.plan(FACTORIAL).cells().stream().map(Cell::id).collect(Collectors.toSet());
        Set<String> b = Specs.plan(reordered).cells().stream().map(Cell::id).collect(Collectors.toSet());
        assertEquals(a, again);
        assertEquals(a, b);
        Set<String> changed = Specs.plan(FACTORIAL.replace("steps: 300000", "steps: 300001")).cells().stream()
                .map(Cell::id).collect(Collectors.toSet());
        assertTrue(java.util.Collections.disjoint(a, changed), "a changed value gives new cell ids");
    }

    @Test
    void cellIdIgnoresEnvAndSeedButNothingElse() {
        TrainConfig c = TrainConfig.resolve(Preset.PPO, Map.of("seed", 3));
        assertEquals(CellId.of(c), CellId.of(c.with(Keys.SEED, 7L).with(Keys.ENV, "MountainCarContinuous-v0")));
        for (var k : List.of(Keys.POLICY_LR, Keys.GAMMA)) {
            double v = (Double) c.values().get(k.name());
            assertNotEquals(CellId.of(c), CellId.of(c.with(k, Math.nextUp(v))), k.name() + " one ulp apart");
        }
        assertNotEquals(CellId.of(c), CellId.of(c.with(Keys.toggle(Optimization.TANH), false)));
        assertNotEquals(CellId.of(TrainConfig.resolve(Preset.PPO, Map.of())),
                CellId.of(TrainConfig.resolve(Preset.PPO_NOCLIP, Map.of("clip-eps", 0.2))), "preset counts");
        assertEquals(CellId.LENGTH, CellId.of(c).length());
        assertTrue(CellId.canonical(c).lines().noneMatch(l -> l.startsWith("env=") || l.startsWith("seed=")));
    }

    @Test
    void envOverridesChangeTheRunConfigButNotTheCell() {
        String spec = """
                name: tuned
                base: {preset: ppo}
                factors: {preset: [ppo, trpo]}
                overrides:
                  - when: {env: MountainCarContinuous-v0}
                    set: {value-lr: 1.0e-3}
                  - when: {env: MountainCarContinuous-v0, algo: trpo}
                    set: {max-kl: 0.05}
                  - when: {preset: trpo}
                    set: {gamma: 0.98}
                envs: [Pendulum-v1, MountainCarContinuous-v0]
                seeds: 1
                """;
        Plan plan = Specs.plan(spec);
        Map<String, TrainConfig> byRun = new LinkedHashMap<>();
        for (PlannedRun r : plan.runs()) {
            byRun.put(r.cell().preset() + "@" + r.env(), Expansion.runConfig(plan.spec(), r));
        }
        assertEquals(1.5e-4, byRun.get("ppo@Pendulum-v1").get(Keys.VALUE_LR));
        assertEquals(1e-3, byRun.get("ppo@MountainCarContinuous-v0").get(Keys.VALUE_LR));
        assertEquals(0.01, byRun.get("ppo@MountainCarContinuous-v0").get(Keys.MAX_KL));
        assertEquals(0.05, byRun.get("trpo@MountainCarContinuous-v0").get(Keys.MAX_KL));
        assertEquals(0.01, byRun.get("trpo@Pendulum-v1").get(Keys.MAX_KL));
        assertEquals(0.98, byRun.get("trpo@Pendulum-v1").get(Keys.GAMMA));
        assertEquals(0.99, byRun.get("ppo@Pendulum-v1").get(Keys.GAMMA));
        assertEquals("MountainCarContinuous-v0", byRun.get("trpo@MountainCarContinuous-v0").get(Keys.ENV));

        Set<String> ids = plan.cells().stream().map(Cell::id).collect(Collectors.toSet());
        Set<String> withoutEnvOverrides = Specs.plan(spec.replace("value-lr: 1.0e-3", "value-lr: 2.0e-3")
                .replace("max-kl: 0.05", "max-kl: 0.06")).cells().stream().map(Cell::id).collect(Collectors.toSet());
        assertEquals(ids, withoutEnvOverrides, "env-specific overrides are not part of the cell id");
        Set<String> presetOverrideChanged = Specs.plan(spec.replace("gamma: 0.98", "gamma: 0.97")).cells().stream()
                .map(Cell::id).collect(Collectors.toSet());
        assertEquals(1, ids.stream().filter(presetOverrideChanged::contains).count(),
                "an env-independent override changes the id of the cells it applies to (trpo), not the others");
    }

    @Test
    void everyShippedSpecIsValidWithTheRealRegistry() throws Exception {
        List<Path> specs;
        try (var files = java.nio.file.Files.list(Path.of("ablations"))) {
            specs = files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
        assertTrue(specs.size() >= 3, specs.toString());
        for (Path spec : specs) {
            Plan plan = Expansion.load(spec, EnvCheck.REGISTRY, Expansion.DEFAULT_MAX_RUNS);
            assertEquals(spec.getFileName().toString(), plan.spec().name() + ".yaml", "file named after its spec");
            for (PlannedRun r : plan.runs()) {
                assertEquals(r.env(), Expansion.runConfig(plan.spec(), r).get(Keys.ENV));
            }
        }
    }

    @Test
    void shippedSpecsExpandAsDocumented() {
        Plan quick = Expansion.expand(SpecReader.read(Path.of("ablations/quickstart.yaml")), EnvCheck.REGISTRY,
                Expansion.DEFAULT_MAX_RUNS);
        assertEquals(5, quick.cells().size());
        assertEquals(15, quick.runs().size());
        assertEquals(Set.of("ppo", "ppo, no value clipping", "ppo, no reward scaling", "ppo, no orthogonal init",
                "ppo, no LR annealing"), quick.cells().stream().map(Cell::label).collect(Collectors.toSet()));
        assertTrue(quick.runs().stream().allMatch(r -> r.env().equals("Pendulum-v1")));

        Plan adaptive = Expansion.expand(SpecReader.read(Path.of("ablations/adaptive-pendulum.yaml")),
                EnvCheck.REGISTRY, Expansion.DEFAULT_MAX_RUNS);
        assertEquals(List.of("ppo", "ppo-m"), adaptive.cells().stream().map(Cell::label).toList());
        assertEquals(2 * 12, adaptive.runs().size(), "at most max seeds");
        assertEquals(List.of(3, 6, 9, 12), java.util.Arrays.stream(adaptive.spec().adaptive().looks()).boxed().toList());
        assertEquals(quick.cells().stream().filter(c -> c.label().equals("ppo")).findFirst().orElseThrow().id(),
                adaptive.cells().get(0).id(), "the ppo cell is the quickstart's: its runs are shared");

        Plan table2 = Expansion.expand(SpecReader.read(Path.of("ablations/paper-table2-hopper.yaml")), Specs.ANY_ENV,
                Expansion.DEFAULT_MAX_RUNS);
        assertEquals(List.of("ppo", "ppo-m", "trpo", "trpo+"), table2.cells().stream().map(Cell::preset).toList());
        assertTrue(table2.runs().stream().allMatch(r -> r.env().equals("Hopper-v4")));
        assertEquals(488L * 2048, table2.cells().get(0).steps());

        Plan factorial = Expansion.expand(SpecReader.read(Path.of("ablations/paper-factorial-hopper.yaml")),
                Specs.ANY_ENV, Expansion.DEFAULT_MAX_RUNS);
        assertEquals(16 * 4, factorial.cells().size());
        assertEquals(64 * 5, factorial.runs().size());
        assertEquals(4, factorial.cells().stream().map(c -> c.config().get(Keys.POLICY_LR)).distinct().count());
    }

    /** The trust-region and PPO-NoClip studies reuse Table 2's Hopper runs: same run ids, same configs. */
    @Test
    void studySpecsShareTheTable2HopperRuns() {
        Plan table2 = shipped("paper-table2");
        Map<String, TrainConfig> table2Runs = new java.util.HashMap<>();
        table2.runs().forEach(r -> table2Runs.put(r.id(), Expansion.runConfig(table2.spec(), r)));
        for (String study : List.of("paper-trust-region-hopper", "paper-noclip-hopper")) {
            Plan plan = shipped(study);
            List<PlannedRun> shared = plan.runs().stream().filter(r -> !r.cell().preset().equals("ppo-noclip")).toList();
            assertEquals(study.contains("noclip") ? 20 : 30, shared.size(), study);
            for (PlannedRun r : shared) {
                TrainConfig mine = Expansion.runConfig(plan.spec(), r);
                assertEquals(table2Runs.get(r.id()) == null ? null : table2Runs.get(r.id()).toJson(), mine.toJson(),
                        study + " " + r.id() + " is not a Table 2 run");
            }
        }
        Plan factorial = shipped("paper-factorial-hopper-500k");
        assertEquals(32, factorial.cells().size());
        assertEquals(96, factorial.runs().size());
        assertEquals(244L * 2048, factorial.cells().get(0).steps());
    }

    /**
     * The paper-exact specs: each paper preset's runs carry the paper's config for their environment,
     * a cell is the same on every environment (one id), and the PPO-NoClip study shares its PPO and
     * PPO-M runs with paper-table2-exact.
     */
    @Test
    void paperExactSpecsResolvePerEnvironmentAndShareRuns() {
        Plan exact = shipped("paper-table2-exact");
        assertEquals(List.of("paper:ppo", "paper:ppo-m", "paper:trpo", "paper:trpo+"),
                exact.cells().stream().map(Cell::preset).toList());
        assertEquals(List.of("Hopper-v4", "Walker2d-v4", "Humanoid-v4"), exact.spec().envs());
        assertEquals(120, exact.runs().size(), "4 cells x 3 envs x at most 10 adaptive seeds");
        // configs/{hopper,walker,humanoid}_trpo_plus.py: max_kl and val_lr per environment
        Map<String, double[]> trpoPlus = Map.of("Hopper-v4", new double[] {0.04, 2e-4}, "Walker2d-v4",
                new double[] {0.07, 1e-4}, "Humanoid-v4", new double[] {0.1, 5e-5});
        Map<String, TrainConfig> byId = new java.util.HashMap<>();
        for (PlannedRun r : exact.runs()) {
            TrainConfig c = Expansion.runConfig(exact.spec(), r);
            byId.put(r.id(), c);
            if (r.cell().preset().equals("paper:trpo+")) {
                assertEquals(trpoPlus.get(r.env())[0], c.get(Keys.MAX_KL), r.id());
                assertEquals(trpoPlus.get(r.env())[1], c.get(Keys.VALUE_LR), r.id());
            }
            assertEquals(true, c.get(Keys.RESET_EVERY_ITERATION));
            assertEquals(999_424L, c.get(Keys.STEPS));
        }
        Plan noclip = shipped("paper-noclip-hopper-exact");
        List<PlannedRun> shared = noclip.runs().stream().filter(r -> !r.cell().preset().equals("paper:ppo-noclip"))
                .toList();
        assertEquals(20, shared.size());
        for (PlannedRun r : shared) {
            assertEquals(byId.get(r.id()).toJson(), Expansion.runConfig(noclip.spec(), r).toJson(), r.id());
        }
        PlannedRun noclipRun = noclip.runs().stream().filter(r -> r.cell().preset().equals("paper:ppo-noclip"))
                .findFirst().orElseThrow();
        TrainConfig c = Expansion.runConfig(noclip.spec(), noclipRun);
        assertEquals(-0.005, c.get(Keys.ENTROPY_COEF));
        assertEquals(dev.ablate4j.config.RewardScaleMode.REWARDS, c.get(Keys.REWARD_SCALE_MODE));
    }

    private static Plan shipped(String name) {
        return Expansion.expand(SpecReader.read(Path.of("ablations/" + name + ".yaml")), Specs.ANY_ENV,
                Expansion.DEFAULT_MAX_RUNS);
    }
}
