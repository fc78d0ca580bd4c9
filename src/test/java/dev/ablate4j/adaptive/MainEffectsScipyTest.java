package dev.ablate4j.adaptive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ablate4j.adaptive.Decision.EffectState;
import dev.ablate4j.adaptive.Decision.Verdict;
import dev.ablate4j.stats.FactorialEffects;
import dev.ablate4j.stats.GroupSequential;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The main-effects target's estimate, standard error, degrees of freedom and z against scipy 1.17.1
 * (src/test/resources/reference/scipy-main-effects-z.json, made by scipy_main_effects_z.py beside
 * it: an independent numpy/scipy computation of the unequal-variance contrast).
 */
class MainEffectsScipyTest {

    private static JsonNode reference() throws IOException {
        try (InputStream in = MainEffectsScipyTest.class.getResourceAsStream("/reference/scipy-main-effects-z.json")) {
            return new ObjectMapper().readTree(in);
        }
    }

    private static void close(double expected, double actual, String what) {
        assertEquals(expected, actual, 1e-9 * Math.max(1, Math.abs(expected)), what);
    }

    /** The reference factorial replayed through the round logic: one look at 4 seeds, one run left out. */
    @Test
    void theRoundLogicsZOfEachMainEffectIsScipys() throws IOException {
        JsonNode ref = reference();
        List<String> factors = new ArrayList<>();
        ref.get("factors").forEach(f -> factors.add(f.asText()));
        List<Setup.CellRef> cells = new ArrayList<>();
        Map<String, Outcome> outcomes = new HashMap<>();
        int k = 0;
        for (JsonNode c : ref.get("cells")) {
            Map<String, Boolean> levels = new LinkedHashMap<>();
            factors.forEach(f -> levels.put(f, c.get("levels").get(f).asBoolean()));
            String id = "c" + k++;
            cells.add(new Setup.CellRef(id, id, levels));
            List<Integer> leftOut = new ArrayList<>();
            c.get("left_out").forEach(s -> leftOut.add(s.asInt()));
            for (int s = 0; s < c.get("values").size(); s++) {
                outcomes.put(id + "/" + s, leftOut.contains(s) ? Outcome.LEFT_OUT
                        : Outcome.used(c.get("values").get(s).asDouble()));
            }
        }
        Setup setup = new Setup("scipy", new SeedRule(4, 4, 1, null, List.of(), false, true), cells, List.of("E"));
        Decision d = Rounds.decide(setup, new Rounds.Results() {
            @Override
            public Outcome outcome(String cellId, String env, long seed) {
                return outcomes.getOrDefault(cellId + "/" + seed, Outcome.PENDING);
            }

            @Override
            public double halfWidth(String cellId, String env, double[] values) {
                return Double.NaN;
            }
        });
        assertTrue(d.complete());
        assertEquals(3, d.effects().size());
        for (int f = 0; f < factors.size(); f++) {
            JsonNode r = ref.get("main_effects").get(f);
            EffectState e = d.effects().get(f);
            assertEquals(r.get("factor").asText(), e.factor());
            close(r.get("estimate").asDouble(), e.estimate(), e.factor() + " estimate");
            close(r.get("se").asDouble(), e.se(), e.factor() + " se");
            close(r.get("df").asDouble(), e.df(), e.factor() + " df");
            close(r.get("z").asDouble(), e.z(), e.factor() + " z");
            // a single look spends all of alpha: the boundary is the normal 97.5% quantile
            close(1.959963984540054, e.boundary(), "boundary");
            assertEquals(Math.abs(r.get("z").asDouble()) >= 1.959963984540054 ? Verdict.DECIDED : Verdict.UNDECIDED,
                    e.verdict(), e.toString());
        }
        assertEquals(Verdict.DECIDED, d.effects().get(0).verdict(), "a: z 3.79");
        assertEquals(Verdict.UNDECIDED, d.effects().get(1).verdict(), "b: z 1.48");
    }

    /** One factor: two cells, and the contrast is Welch's test (scipy's ttest_ind, equal_var=False). */
    @Test
    void withOneFactorItIsScipysWelchTest() throws IOException {
        JsonNode one = reference().get("one_factor_welch");
        List<FactorialEffects.Observation> obs = new ArrayList<>();
        one.get("on").forEach(v -> obs.add(new FactorialEffects.Observation("on", Map.of("x", true), v.asDouble())));
        one.get("off").forEach(v -> obs.add(new FactorialEffects.Observation("off", Map.of("x", false), v.asDouble())));
        FactorialEffects.MainEffectTest t = FactorialEffects.mainEffectTests(obs, List.of("x")).get(0);
        close(one.get("t").asDouble(), t.t(), "t");
        close(one.get("df").asDouble(), t.df(), "df");
        close(one.get("z").asDouble(), GroupSequential.zFromT(t.t(), t.df()), "z");
    }
}
