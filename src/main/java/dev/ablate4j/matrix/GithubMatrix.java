package dev.ablate4j.matrix;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A GitHub Actions {@code strategy.matrix} for running a plan in shards: one line of JSON,
 * {@code {"include":[{"shard":"1/4","index":1,"runs":12,"steps":1200000}, ...]}}, with only the
 * non-empty shards. A workflow reads it with {@code fromJSON(...)} and runs
 * {@code matrix SPEC --shard ${{ matrix.shard }}} in each job ({@code index} names artifacts,
 * which may not contain '/').
 */
public final class GithubMatrix {

    /** GitHub's limit on jobs per matrix. */
    public static final int MAX_JOBS = 256;

    private GithubMatrix() {}

    public static String json(Plan plan, int shards) {
        return json(plan, plan.runs(), shards);
    }

    /**
     * The jobs for the runs {@code toTrain} of {@code whole}, sharded by {@code whole}'s partition (the
     * one {@code matrix --shard} uses): a shard with nothing left to train gets no job, and each job
     * counts only its runs still to train.
     */
    public static String json(Plan whole, Collection<PlannedRun> toTrain, int shards) {
        if (shards < 1 || shards > MAX_JOBS) {
            throw new SpecException("--shards: " + shards + " is not from 1 to " + MAX_JOBS
                    + " (GitHub runs at most " + MAX_JOBS + " jobs per matrix)");
        }
        Map<PlannedRun, Integer> owner = whole.assign(shards);
        int[] runs = new int[shards + 1];
        long[] steps = new long[shards + 1];
        for (PlannedRun r : toTrain) {
            int k = owner.get(r);
            runs[k]++;
            steps[k] += r.steps();
        }
        List<Map<String, Object>> include = new ArrayList<>();
        for (int k = 1; k <= shards; k++) {
            if (runs[k] == 0) {
                continue;
            }
            Map<String, Object> job = new LinkedHashMap<>();
            job.put("shard", k + "/" + shards);
            job.put("index", k);
            job.put("runs", runs[k]);
            job.put("steps", steps[k]);
            include.add(job);
        }
        try {
            return new ObjectMapper().writeValueAsString(Map.of("include", include));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
