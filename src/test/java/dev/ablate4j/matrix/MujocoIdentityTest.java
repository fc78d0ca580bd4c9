package dev.ablate4j.matrix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.ablate4j.config.Keys;
import dev.ablate4j.config.Preset;
import dev.ablate4j.config.TrainConfig;
import dev.ablate4j.results.RunFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The MuJoCo version is part of a MuJoCo run's identity: config, cell id, reuse and merge
 * tell versions apart, while runs made before the {@code mujoco} key (all on 2.2.2) keep their
 * configs and cell ids, and classic-control runs never carry the key.
 */
class MujocoIdentityTest {

    @TempDir
    Path tmp;

    private static String spec(String envs, String base) {
        return """
                name: v
                base: {preset: ppo, %s%s}
                factors: {value-clip: [true, false]}
                envs: [%s]
                seeds: 1
                steps: 256
                """.formatted(Specs.TINY_BASE, base, envs);
    }

    private static Set<String> ids(Plan plan) {
        return plan.cells().stream().map(Cell::id).collect(Collectors.toCollection(TreeSet::new));
    }

    @Test
    void aMujocoConfigWithoutTheKeyIsA222Run() {
        TrainConfig v2 = TrainConfig.resolve(Preset.PPO, Map.of("env", "Hopper-v4", "mujoco", "2.2.2"));
        TrainConfig v3 = TrainConfig.resolve(Preset.PPO, Map.of("env", "Hopper-v4", "mujoco", "3.14.0"));
        assertEquals("2.2.2", TrainConfig.resolve(Preset.PPO, Map.of("env", "Hopper-v4")).get(Keys.MUJOCO));
        assertEquals("3.14.0", v3.toJson().get("mujoco"));
        Map<String, Object> legacy = new LinkedHashMap<>(v2.toJson());
        assertEquals("2.2.2", legacy.remove("mujoco"));
        assertTrue(v2.matches(legacy), "a config.json written before the key is a 2.2.2 run");
        assertFalse(v3.matches(legacy), "and not a 3.14.0 run");
        assertFalse(v3.matches(v2.toJson()));
        assertNotEquals(CellId.canonical(v2), CellId.canonical(v3));
        assertFalse(CellId.canonical(v2).contains("mujoco"), "2.2.2 is the legacy value: left out of the id");
    }

    @Test
    void classicControlConfigsNeverCarryTheKey() {
        TrainConfig plain = TrainConfig.resolve(Preset.PPO, Map.of("env", "Pendulum-v1"));
        TrainConfig asked = TrainConfig.resolve(Preset.PPO, Map.of("env", "Pendulum-v1", "mujoco", "3.14.0"));
        assertEquals(plain, asked, "no MuJoCo, no version");
        assertFalse(plain.toJson().containsKey("mujoco"));
        assertEquals(CellId.of(plain), CellId.of(asked));
    }

    @Test
    void cellIdsDifferByVersionExceptThe222OnesStayAsBefore() {
        Plan unpinned222 = Specs.plan(spec("Pendulum-v1", ""));
        Plan v2 = Expansion.expand(Specs.parse(spec("Hopper-v4", ", mujoco: 2.2.2")), Specs.ANY_ENV, 100);
        Plan v3 = Expansion.expand(Specs.parse(spec("Hopper-v4", ", mujoco: 3.14.0")), Specs.ANY_ENV, 100);
        assertEquals(ids(unpinned222), ids(v2), "2.2.2 cells have the ids they had before the key existed");
        assertTrue(Collections2.disjoint(ids(v2), ids(v3)), "3.14.0 cells are other cells");
        assertEquals(ids(unpinned222), ids(Specs.plan(spec("Pendulum-v1", ", mujoco: 3.14.0"))),
                "a spec without MuJoCo tasks ignores the version");

        PlannedRun run = v3.runs().get(0);
        TrainConfig config = Expansion.runConfig(v3.spec(), run);
        assertEquals("3.14.0", config.get(Keys.MUJOCO));
        assertEquals("3.14.0", config.toJson().get("mujoco"));
        Plan mixed = Expansion.expand(Specs.parse(spec("Pendulum-v1, Hopper-v4", ", mujoco: 3.14.0")), Specs.ANY_ENV,
                100);
        for (PlannedRun r : mixed.runs()) {
            Map<String, Object> json = Expansion.runConfig(mixed.spec(), r).toJson();
            assertEquals(r.env().equals("Hopper-v4") ? "3.14.0" : null, json.get("mujoco"), r.env());
        }
        assertTrue(Collections2.disjoint(ids(unpinned222), ids(mixed)), "a cell is the same experiment on every env");
    }

    @Test
    void aMujocoFactorGivesEachCellItsOwnVersionAndTheIdsOfThePinnedSpecs() {
        String both = spec("Hopper-v4", "").replace("factors: {value-clip: [true, false]}",
                "factors: {value-clip: [true, false], mujoco: [2.2.2, 3.14.0]}");
        Plan plan = Expansion.expand(Specs.parse(both), Specs.ANY_ENV, 100);
        assertTrue(Expansion.hasMujocoFactor(plan.spec()));
        Plan v2 = Expansion.expand(Specs.parse(spec("Hopper-v4", ", mujoco: 2.2.2")), Specs.ANY_ENV, 100);
        Plan v3 = Expansion.expand(Specs.parse(spec("Hopper-v4", ", mujoco: 3.14.0")), Specs.ANY_ENV, 100);
        Set<String> union = new TreeSet<>(ids(v2));
        union.addAll(ids(v3));
        assertEquals(union, ids(plan), "the cells of each version are those of the spec pinned to it, whatever"
                + " MuJoCo this process loads: copied between them, never retrained");
        for (Cell c : plan.cells()) {
            String version = String.valueOf(c.factors().get("mujoco"));
            assertEquals(version.equals("3.14.0"), c.label().contains("mujoco 3.14.0"),
                    "the base's version (here the legacy 2.2.2) is the reference level: " + c.label());
            for (PlannedRun r : plan.runs()) {
                if (r.cell() == c) {
                    assertEquals(version, Expansion.runConfig(plan.spec(), r).get(Keys.MUJOCO), c.label());
                }
            }
        }
        Plan pinned = Expansion.expand(Specs.parse(both.replace("base: {preset: ppo,", "base: {preset: ppo, mujoco: 3.14.0,")),
                Specs.ANY_ENV, 100);
        assertEquals(ids(plan), ids(pinned), "a version pinned in base only moves the reference level");
        assertTrue(pinned.cells().stream().anyMatch(c -> c.label().contains("mujoco 2.2.2")));
    }

    /**
     * One at a time: the base's version (pinned, else 2.2.2) is the base level, so the other level is one
     * more cell, and every other cell (the base's version) trains on that version, never on the MuJoCo this
     * process happens to load. Under MUJOCO_HOME (3.14.0 loaded; ci/mujoco3/check.sh runs this class there)
     * the unpinned half fails if a cell without the factor's key takes the loaded version.
     */
    @Test
    void aMujocoFactorOneAtATimeAddsTheOtherVersionAndTrainsTheRestOnTheBasesVersion() {
        String oat = spec("Hopper-v4", "%s").replace("factors: {value-clip: [true, false]}",
                "design: one-at-a-time\nfactors: {value-clip: [true, false], mujoco: [2.2.2, 3.14.0]}");
        Plan v2 = Expansion.expand(Specs.parse(spec("Hopper-v4", ", mujoco: 2.2.2")), Specs.ANY_ENV, 100);
        Plan v3 = Expansion.expand(Specs.parse(spec("Hopper-v4", ", mujoco: 3.14.0")), Specs.ANY_ENV, 100);
        Map<String, TrainConfig> pinnedRuns = new LinkedHashMap<>();
        for (Plan p : List.of(v2, v3)) {
            p.runs().forEach(r -> pinnedRuns.put(r.id(), Expansion.runConfig(p.spec(), r)));
        }
        for (String base : List.of("", ", mujoco: 2.2.2", ", mujoco: 3.14.0")) {
            Plan plan = Expansion.expand(Specs.parse(oat.formatted(base)), Specs.ANY_ENV, 100);
            String reference = base.contains("3.14.0") ? "3.14.0" : "2.2.2";
            String other = reference.equals("3.14.0") ? "2.2.2" : "3.14.0";
            Plan same = reference.equals("3.14.0") ? v3 : v2;
            Set<String> expected = new TreeSet<>(ids(same)); // the base and its value-clip cell
            expected.add((same == v3 ? v2 : v3).cells().get(0).id()); // the base on the other version
            assertEquals(expected, ids(plan), "base" + base + ": " + plan.cells().stream().map(Cell::label).toList());
            assertEquals(1, plan.cells().stream().filter(c -> c.label().endsWith("mujoco " + other)).count(),
                    "base" + base + ": " + plan.cells().stream().map(Cell::label).toList());
            for (PlannedRun r : plan.runs()) {
                TrainConfig config = Expansion.runConfig(plan.spec(), r);
                assertEquals(r.cell().factors().get("mujoco"), config.get(Keys.MUJOCO), "base" + base + ": "
                        + r.cell().label() + " trains on the version its cell.json names");
                assertEquals(pinnedRuns.get(r.id()).toJson(), config.toJson(), "base" + base + ": " + r.id()
                        + " is the run of the spec pinned to its version");
            }
        }
    }

    @Test
    void theVersionIsNotSetInOverridesNorVariedOnClassicControl() {
        SpecException override = assertThrows(SpecException.class, () -> Expansion.expand(Specs.parse(
                spec("Hopper-v4", "") + "overrides:\n  - when: {value-clip: false}\n    set: {mujoco: 3.14.0}\n"),
                Specs.ANY_ENV, 100));
        assertTrue(override.getMessage().contains("overrides: mujoco: set it in base or as a factor"),
                override.getMessage());
        SpecException classic = assertThrows(SpecException.class, () -> Expansion.expand(
                Specs.parse(spec("Pendulum-v1, Hopper-v4", "").replace("factors: {value-clip: [true, false]}",
                        "factors: {mujoco: [2.2.2, 3.14.0]}")), Specs.ANY_ENV, 100));
        assertTrue(classic.getMessage().contains("factors: mujoco: a factor only when every env is a MuJoCo task"),
                classic.getMessage());
        SpecException bad = assertThrows(SpecException.class, () -> Expansion.expand(
                Specs.parse(spec("Hopper-v4", ", mujoco: three")), Specs.ANY_ENV, 100));
        assertTrue(bad.getMessage().contains("mujoco: 'three' is not a MuJoCo version like 2.2.2 or 3.14.0"),
                bad.getMessage());
        assertNull(Expansion.mujocoVersion(Specs.parse(spec("Pendulum-v1", ", mujoco: 3.14.0"))));
    }

    @Test
    void aRunNamingAnotherMujocoIsOneTheDriverCannotTrain() {
        TrainConfig v3 = TrainConfig.resolve(Preset.PPO, Map.of("env", "Hopper-v4", "mujoco", "3.14.0"));
        assertEquals("needs MuJoCo 3.14.0 (this process loaded 2.2.2)", RunExecutor.otherMujoco(v3, "2.2.2"));
        assertNull(RunExecutor.otherMujoco(v3, "3.14.0"));
        assertNull(RunExecutor.otherMujoco(v3, null), "no MuJoCo loaded: training says what is missing");
        assertNull(RunExecutor.otherMujoco(TrainConfig.resolve(Preset.PPO, Map.of("env", "Pendulum-v1")), "3.14.0"));
        assertEquals("needs MuJoCo 3.14.0 (this process loaded 2.2.2)",
                RunExecutor.driver(c -> "2.2.2").cannotTrain(v3));
    }

    @Test
    void theCommittedRunsKeepTheirCellIds() throws IOException {
        assumeTrue(System.getenv("MUJOCO_HOME") == null && System.getProperty("ablate4j.mujoco.home") == null,
                "skipped: MUJOCO_HOME selects another MuJoCo, whose cells are other cells");
        Path reports = Path.of("reports");
        for (String name : List.of("paper-table2", "paper-trust-region-hopper", "paper-noclip-hopper",
                "paper-factorial-hopper-500k", "quickstart")) {
            Plan plan = Expansion.load(Path.of("ablations", name + ".yaml"), EnvCheck.REGISTRY,
                    Expansion.DEFAULT_MAX_RUNS);
            Set<String> dirs;
            try (Stream<Path> s = Files.list(reports.resolve(name).resolve("results").resolve(name))) {
                dirs = s.map(p -> p.getFileName().toString()).collect(Collectors.toCollection(TreeSet::new));
            }
            assertEquals(dirs, ids(plan), name + ": the committed runs' cell directories");
            for (PlannedRun run : plan.runs()) {
                Path dir = run.dir(reports.resolve(name).resolve("results").resolve(name));
                if (Files.isRegularFile(dir.resolve(RunFiles.CONFIG))) {
                    assertNull(ConfigMismatch.of(dir, Expansion.runConfig(plan.spec(), run)), dir.toString());
                }
            }
        }
    }

    @Test
    void mergeRefusesOneRunFromTwoMujocoVersions() throws IOException {
        Path a = tmp.resolve("a");
        Path b = tmp.resolve("b");
        String id = "v/0123456789ab/Hopper-v4/seed-0";
        for (Path root : List.of(a, b)) {
            Path run = root.resolve(id);
            Files.createDirectories(run);
            Files.writeString(run.resolve(RunFiles.CONFIG), "{\"env\": \"Hopper-v4\"}\n");
            Files.writeString(run.resolve(RunFiles.METRICS), "iteration,mean_return\n0,1.5\n");
            Files.writeString(run.resolve(RunFiles.PROVENANCE), "{\"mujoco_version\": \""
                    + (root == a ? "2.2.2" : "3.14.0") + "\"}\n");
            Files.writeString(run.resolve(RunFiles.DONE), "");
        }
        SpecException e = assertThrows(SpecException.class, () -> Merger.merge(List.of(a, b), tmp.resolve("into")));
        assertTrue(e.getMessage().contains(id) && e.getMessage().contains("(MuJoCo 2.2.2 vs 3.14.0)"), e.getMessage());
        assertFalse(Files.exists(tmp.resolve("into")), "nothing merged");
        Files.writeString(b.resolve(id).resolve(RunFiles.PROVENANCE), "{\"mujoco_version\": \"2.2.2\", \"host\": 1}\n");
        assertEquals(1, Merger.merge(List.of(a, b), tmp.resolve("into")).identical(), "same version: the same run");
    }

    /** Set helpers. */
    private static final class Collections2 {
        static boolean disjoint(Set<String> x, Set<String> y) {
            return java.util.Collections.disjoint(x, y);
        }
    }
}
