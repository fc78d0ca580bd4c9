package dev.ablate4j.matrix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ablate4j.adaptive.SeedRule;
import dev.ablate4j.config.TrainConfig;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code ablations/paper-factorial-humanoid-exact.yaml} (issue 31, item 4): the paper's 2^4 factorial
 * on Humanoid around paper:ppo with seeds added until every main effect is decided. Its all-on cell
 * must be paper:ppo's Humanoid cell of {@code paper-table2-exact} (same id, same run configs), so
 * those trained runs are copied rather than retrained under one results root.
 */
class PaperFactorialHumanoidSpecTest {

    private static Plan shipped(String name) {
        return Expansion.expand(SpecReader.read(Path.of("ablations/" + name + ".yaml")), EnvCheck.REGISTRY,
                Expansion.DEFAULT_MAX_RUNS);
    }

    @Test
    void sixteenCellsOnHumanoidWithTheMainEffectsRuleAtLooks4And7And10() {
        Plan plan = shipped("paper-factorial-humanoid-exact");
        assertEquals(16, plan.cells().size());
        assertEquals(List.of("Humanoid-v4"), plan.spec().envs());
        assertEquals(new SeedRule(4, 10, 3, null, List.of(), false, true, true), plan.spec().adaptive());
        assertEquals(List.of("value-clip", "reward-scale", "ortho-init", "lr-anneal"), plan.setup().factors());
        assertTrue(plan.runs().stream().allMatch(r -> r.steps() == 999_424), "488 iterations of 2048 steps");
        assertEquals(160, plan.runs().size(), "16 cells x at most 10 seeds");
    }

    @Test
    void theAllOnCellIsTable2sPaperPpoHumanoidCell() {
        Plan factorial = shipped("paper-factorial-humanoid-exact");
        Plan table2 = shipped("paper-table2-exact");
        Cell allOn = factorial.cells().get(0);
        assertEquals("paper:ppo", allOn.label());
        assertTrue(factorial.setup().cells().get(0).levels().values().stream().allMatch(b -> b));
        Cell ppo = table2.cells().stream().filter(c -> c.label().equals("paper:ppo")).findFirst().orElseThrow();
        assertEquals(ppo.id(), allOn.id(), "same config, same cell: its runs are shared");
        for (long seed = 0; seed < 10; seed++) {
            long s = seed;
            PlannedRun a = factorial.runs().stream().filter(r -> r.cell() == allOn && r.seed() == s).findFirst()
                    .orElseThrow();
            PlannedRun b = table2.runs().stream().filter(r -> r.cell() == ppo && r.seed() == s
                    && r.env().equals("Humanoid-v4")).findFirst().orElseThrow();
            assertEquals(b.id(), a.id());
            TrainConfig ca = Expansion.runConfig(factorial.spec(), a);
            TrainConfig cb = Expansion.runConfig(table2.spec(), b);
            assertEquals(cb.toJson(), ca.toJson(), "seed " + seed);
        }
    }
}
