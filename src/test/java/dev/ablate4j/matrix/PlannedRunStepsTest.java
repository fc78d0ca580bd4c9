package dev.ablate4j.matrix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ablate4j.config.Keys;
import dev.ablate4j.config.TrainConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A planned run's env steps ({@link PlannedRun#steps}, what {@code plan} lists, shards balance and the
 * matrix progress bar counts) are the steps its own config trains: whole iterations of its rollout on
 * its environment, rounded as its {@code steps-rounding} says. A paper preset resolves steps per
 * environment, so a cell's config (resolved without one) is not enough.
 */
class PlannedRunStepsTest {

    private static long trained(TrainConfig c) {
        return (long) c.iterations() * c.get(Keys.ROLLOUT_STEPS);
    }

    @Test
    void aPaperPresetCellWithoutStepsPlansThePapersIterationsOnItsEnvironment() {
        Spec spec = SpecReader.parse("""
                name: steps-per-env
                design: one-at-a-time
                base: {preset: cleanrl:ppo}
                factors:
                  preset: [cleanrl:ppo, sb3:ppo, paper:ppo]
                envs: [Hopper-v4]
                seeds: 1
                """, "steps-per-env.yaml");
        Plan plan = Expansion.expand(spec, EnvCheck.REGISTRY, Expansion.DEFAULT_MAX_RUNS);
        List<String> got = plan.runs().stream().map(r -> r.cell().label() + " " + r.steps()).toList();
        // cleanrl:ppo 1e6 // 2048 = 488 iterations, sb3:ppo ceil = 489, paper:ppo the paper's 488 on Hopper
        assertEquals(List.of("cleanrl:ppo 999424", "sb3:ppo 1001472", "paper:ppo 999424"), got);
        assertEquals(999424L + 1001472L + 999424L, plan.steps());
    }

    @Test
    void everyShippedSpecPlansTheStepsItsRunsTrain() throws Exception {
        List<Path> specs;
        try (Stream<Path> s = Files.list(Path.of("ablations"))) {
            specs = s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
        assertTrue(specs.size() >= 17, "shipped specs: " + specs);
        for (Path file : specs) {
            Plan plan = Expansion.load(file, EnvCheck.REGISTRY, Expansion.DEFAULT_MAX_RUNS);
            long first = plan.spec().seeds().get(0);
            for (PlannedRun r : plan.runs()) {
                if (r.seed() == first) {
                    assertEquals(trained(Expansion.runConfig(plan.spec(), r)), r.steps(), file + ": " + r.id()
                            + " (" + r.cell().label() + ")");
                }
            }
        }
    }
}
