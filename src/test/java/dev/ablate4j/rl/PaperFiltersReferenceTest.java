package dev.ablate4j.rl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * ablate4j's reward and observation filters against the outputs of the paper's own RewardFilter and
 * ZFilter ({@code src/test/resources/reference/implementation-matters-filters.json}, produced by
 * running the paper's {@code torch_utils.py} in double precision on fixed streams, with the filters'
 * reset at every episode start as its {@code custom_env.Env.reset} calls it). Every number to 1e-12.
 */
class PaperFiltersReferenceTest {

    private static final double TOLERANCE = 1e-12;
    private static JsonNode ref;
    private static List<Integer> episodeStarts;

    @BeforeAll
    static void load() throws IOException {
        try (InputStream in = PaperFiltersReferenceTest.class.getResourceAsStream(
                "/reference/implementation-matters-filters.json")) {
            ref = new ObjectMapper().readTree(in);
        }
        episodeStarts = new ArrayList<>();
        int start = 0;
        for (JsonNode length : ref.get("episode_lengths")) {
            episodeStarts.add(start);
            start += length.asInt();
        }
    }

    @Test
    void returnsModeWithAndWithoutClippingMatchesThePapersRewardFilter() {
        check("returns_gamma0.99_clip10", new RewardFilter(true, RewardFilter.Mode.RETURNS, true, 10, 0.99));
        check("returns_gamma0.99_noclip", new RewardFilter(true, RewardFilter.Mode.RETURNS, false, 10, 0.99));
    }

    @Test
    void rewardsModeWithAndWithoutClippingMatchesThePapersUncentredZFilter() {
        check("rewards_clip2.5", new RewardFilter(true, RewardFilter.Mode.REWARDS, true, 2.5, 0.99));
        check("rewards_noclip", new RewardFilter(true, RewardFilter.Mode.REWARDS, false, 10, 0.99));
    }

    @Test
    void observationNormalizationWithAndWithoutClippingMatchesThePapersZFilter() {
        checkObservations("obs_zfilter_clip10", new ObservationFilter(3, true, true, 10));
        checkObservations("obs_zfilter_noclip", new ObservationFilter(3, true, false, 10));
    }

    private static void check(String name, RewardFilter filter) {
        JsonNode rewards = ref.get("rewards");
        JsonNode expected = ref.get("reward_outputs").get(name);
        assertEquals(rewards.size(), expected.size());
        for (int t = 0; t < rewards.size(); t++) {
            if (episodeStarts.contains(t)) {
                filter.resetEpisode();
            }
            double want = expected.get(t).asDouble();
            assertEquals(want, filter.apply(rewards.get(t).asDouble()), TOLERANCE * Math.max(1, Math.abs(want)),
                    name + " at step " + t);
        }
    }

    private static void checkObservations(String name, ObservationFilter filter) {
        JsonNode observations = ref.get("observations");
        JsonNode expected = ref.get("observation_outputs").get(name);
        double[] out = new double[3];
        for (int t = 0; t < observations.size(); t++) {
            double[] raw = new double[3];
            for (int i = 0; i < 3; i++) {
                raw[i] = observations.get(t).get(i).asDouble();
            }
            filter.apply(raw, true, out);
            for (int i = 0; i < 3; i++) {
                double want = expected.get(t).get(i).asDouble();
                assertEquals(want, out[i], TOLERANCE * Math.max(1, Math.abs(want)), name + " at step " + t + "[" + i + "]");
            }
        }
    }
}
