package dev.ablate4j.matrix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ShardingTest {

    /** Runs of three different lengths, so balancing has something to do. */
    private static final String SPEC = """
            name: shards
            base: {preset: ppo}
            factors:
              steps: [4096, 16384, 65536]
              value-clip: [true, false]
              reward-scale: [true, false]
            envs: [Pendulum-v1, MountainCarContinuous-v0]
            seeds: 3
            """;

    @Test
    void shardsPartitionThePlanForEveryN() {
        Plan plan = Specs.plan(SPEC);
        assertEquals(12 * 2 * 3, plan.runs().size());
        List<String> all = plan.runs().stream().map(PlannedRun::id).toList();
        long longest = plan.runs().stream().mapToLong(PlannedRun::steps).max().orElseThrow();
        for (int n : new int[] {1, 2, 3, 5, 7, 16, 72, 100}) {
            List<String> union = new ArrayList<>();
            long min = Long.MAX_VALUE;
            long max = 0;
            for (int k = 1; k <= n; k++) {
                Plan shard = plan.shard(new Shard(k, n));
                shard.runs().forEach(r -> union.add(r.id()));
                long steps = shard.steps();
                min = Math.min(min, steps);
                max = Math.max(max, steps);
                List<String> order = shard.runs().stream().map(PlannedRun::id).toList();
                assertEquals(all.stream().filter(order::contains).toList(), order, "plan order kept in a shard");
                assertEquals(order, Specs.plan(SPEC).shard(new Shard(k, n)).runs().stream().map(PlannedRun::id)
                        .toList(), "deterministic");
            }
            assertEquals(all.size(), union.size(), "no run in two shards (n=" + n + ")");
            assertEquals(new HashSet<>(all), new HashSet<>(union), "every run in a shard (n=" + n + ")");
            if (n <= all.size()) {
                assertTrue(max - min <= longest, "balanced by steps within one run (n=" + n + "): " + min + ".."
                        + max);
            }
        }
    }

    @Test
    void githubMatrixListsTheNonEmptyShards() throws Exception {
        Plan plan = Specs.plan(SPEC);
        JsonNode json = new ObjectMapper().readTree(GithubMatrix.json(plan, 5));
        JsonNode include = json.get("include");
        assertEquals(5, include.size());
        int runs = 0;
        Set<String> shards = new HashSet<>();
        for (JsonNode job : include) {
            shards.add(job.get("shard").asText());
            assertEquals(job.get("index").asInt() + "/5", job.get("shard").asText());
            assertEquals(plan.shard(Shard.parse(job.get("shard").asText())).runs().size(), job.get("runs").asInt());
            runs += job.get("runs").asInt();
        }
        assertEquals(plan.runs().size(), runs);
        assertEquals(Set.of("1/5", "2/5", "3/5", "4/5", "5/5"), shards);
        assertTrue(!GithubMatrix.json(plan, 3).contains("\n"), "one line, for $GITHUB_OUTPUT");

        Plan small = Specs.plan(SPEC.replace("seeds: 3", "seeds: 1").replace("steps: [4096, 16384, 65536]",
                "steps: [4096]"));
        assertEquals(8, new ObjectMapper().readTree(GithubMatrix.json(small, 20)).get("include").size(),
                "empty shards are left out");
    }

    @Test
    void slurmScriptIsAnArrayOverTheShards() {
        Plan plan = Specs.plan(SPEC);
        String script = SlurmScript.render(plan, new SlurmScript.Settings("/abs/ablations/x y.yaml", "/scratch/res",
                "/opt/ablate4j.jar", 6, 8, "12:00:00"));
        assertTrue(script.startsWith("#!/bin/bash\n"));
        assertTrue(script.contains("#SBATCH --array=1-6\n"), script);
        assertTrue(script.contains("#SBATCH --cpus-per-task=8\n"), script);
        assertTrue(script.contains("#SBATCH --time=12:00:00\n"), script);
        assertTrue(script.contains("#SBATCH --open-mode=append\n"), script);
        assertTrue(script.contains("\"${JAVA:-java}\" $vector ${JAVA_OPTS:-} -jar '/opt/ablate4j.jar' matrix"
                + " '/abs/ablations/x y.yaml' --results '/scratch/res' --shard \"${SLURM_ARRAY_TASK_ID}/6\""), script);
        assertTrue(script.contains("submit with --array=1-6"), script);
        assertTrue(script.contains("sbatch --dependency=afterok:$jid --job-name=ablate4j-report --wrap "
                + SlurmScript.quote(SlurmScript.reportCommand("/opt/ablate4j.jar", "/scratch/res/shards",
                        "/scratch/res/shards-report")) + "\n"), script);
        assertEquals("'it'\\''s'", SlurmScript.quote("it's"));
    }
}
