package dev.ablate4j.matrix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.ablate4j.config.Keys;
import dev.ablate4j.config.TrainConfig;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code ablations/precision-pendulum.yaml} (issue 28, "float32 learns as float64 does", report
 * {@code reports/precision-pendulum}): the README's Pendulum configuration in both precisions. Its
 * float64 cell must be the quickstart's plain {@code ppo} cell (same id, same run configs), so the
 * study compares float32 with the config everyone else runs, and the float32 cell must differ from
 * it in the precision only.
 */
class PrecisionPendulumSpecTest {

    private static Plan shipped(String name) {
        return Expansion.expand(SpecReader.read(Path.of("ablations/" + name + ".yaml")), EnvCheck.REGISTRY,
                Expansion.DEFAULT_MAX_RUNS);
    }

    private static Cell cell(Plan plan, String label) {
        return plan.cells().stream().filter(c -> c.label().equals(label)).findFirst().orElseThrow(
                () -> new AssertionError("no cell '" + label + "' in " + plan.cells()));
    }

    @Test
    void plansTenRunsInTwoCellsWithThePreChosenMargin() {
        Plan plan = shipped("precision-pendulum");
        assertEquals(List.of("ppo", "ppo, precision float32"), plan.cells().stream().map(Cell::label).toList());
        assertEquals(2, plan.cells().stream().map(Cell::id).distinct().count(), "two distinct cell ids");
        assertEquals(10, plan.runs().size());
        assertEquals(List.of(0L, 1L, 2L, 3L, 4L),
                plan.runs().stream().map(PlannedRun::seed).distinct().sorted().toList());
        assertEquals(List.of("Pendulum-v1"), plan.spec().envs());
        assertEquals(100.0, plan.spec().equivalenceMargin(), "the margin the spec's comment justifies");
    }

    @Test
    void theFloat64CellIsTheQuickstartPpoCellAndFloat32DiffersOnlyInPrecision() {
        Plan plan = shipped("precision-pendulum");
        Plan quick = shipped("quickstart");
        Cell float64 = cell(plan, "ppo");
        Cell float32 = cell(plan, "ppo, precision float32");
        assertEquals(cell(quick, "ppo").id(), float64.id(), "float64 is the default: the plain ppo cell id");
        assertNotEquals(float64.id(), float32.id(), "precision is part of a run's identity");
        assertEquals(cell(quick, "ppo").steps(), float64.steps());

        Map<Long, TrainConfig> quickPpo = new LinkedHashMap<>();
        quick.runs().stream().filter(r -> r.cell().label().equals("ppo"))
                .forEach(r -> quickPpo.put(r.seed(), Expansion.runConfig(quick.spec(), r)));
        for (PlannedRun r : plan.runs()) {
            TrainConfig c = Expansion.runConfig(plan.spec(), r);
            if (r.cell() == float64) {
                assertEquals(dev.ablate4j.config.PrecisionName.FLOAT64, c.get(Keys.PRECISION), r.id());
                if (quickPpo.containsKey(r.seed())) {
                    assertEquals(quickPpo.get(r.seed()).toJson(), c.toJson(), "same run as the quickstart's " + r.id());
                }
            } else {
                assertEquals(float32, r.cell(), r.id());
                assertEquals(dev.ablate4j.config.PrecisionName.FLOAT32, c.get(Keys.PRECISION), r.id());
                PlannedRun twin = new PlannedRun(float64, r.env(), r.seed());
                Map<String, Object> json = new LinkedHashMap<>(c.toJson());
                assertEquals("float32", json.remove("precision"), r.id());
                assertEquals(Expansion.runConfig(plan.spec(), twin).toJson(), json, "only the precision differs: " + r.id());
            }
        }
    }

    /**
     * {@code ablations/precision-hopper-exact.yaml} (the Hopper half, report
     * {@code reports/precision-hopper-exact}): its float64 cell is Table 2's {@code paper:ppo} Hopper
     * cell (same id and run configs, so matrix copies those runs), and float32 differs only in
     * precision; 10 seeds each and the margin its comment justifies.
     */
    @Test
    void theHopperStudyComparesFloat32WithTable2sPaperPpoCell() {
        Plan plan = shipped("precision-hopper-exact");
        Plan table2 = shipped("paper-table2-exact");
        Cell float64 = cell(plan, "paper:ppo");
        Cell float32 = cell(plan, "paper:ppo, precision float32");
        assertEquals(500.0, plan.spec().equivalenceMargin());
        assertEquals(20, plan.runs().size());
        assertEquals(cell(table2, "paper:ppo").id(), float64.id(), "the committed Table 2 cell");
        Map<Long, TrainConfig> table2Hopper = new LinkedHashMap<>();
        table2.runs().stream().filter(r -> r.cell().label().equals("paper:ppo") && r.env().equals("Hopper-v4"))
                .forEach(r -> table2Hopper.put(r.seed(), Expansion.runConfig(table2.spec(), r)));
        for (PlannedRun r : plan.runs()) {
            TrainConfig c = Expansion.runConfig(plan.spec(), r);
            if (r.cell() == float64) {
                assertEquals(table2Hopper.get(r.seed()).toJson(), c.toJson(), "the Table 2 run " + r.id());
            } else {
                assertEquals(float32, r.cell(), r.id());
                Map<String, Object> json = new LinkedHashMap<>(c.toJson());
                assertEquals("float32", json.remove("precision"), r.id());
                assertEquals(Expansion.runConfig(plan.spec(), new PlannedRun(float64, r.env(), r.seed())).toJson(), json,
                        "only the precision differs: " + r.id());
            }
        }
    }
}
