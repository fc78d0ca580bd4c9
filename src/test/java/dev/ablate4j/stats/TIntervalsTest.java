package dev.ablate4j.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * t intervals against scipy 1.17.1 (src/test/resources/reference/scipy-t-intervals.json, made by
 * scipy_t_intervals.py beside it).
 */
class TIntervalsTest {

    private static final double TOL = 1e-9;

    private static JsonNode reference() throws IOException {
        try (InputStream in = TIntervalsTest.class.getResourceAsStream("/reference/scipy-t-intervals.json")) {
            return new ObjectMapper().readTree(in);
        }
    }

    private static void close(double expected, double actual, String what) {
        assertEquals(expected, actual, TOL * Math.max(1, Math.abs(expected)), what);
    }

    @Test
    void meanIntervalsMatchScipyTInterval() throws IOException {
        JsonNode ref = reference();
        assertTrue(ref.get("mean").size() >= 5);
        for (JsonNode c : ref.get("mean")) {
            Interval i = TIntervals.mean(ScipyReference.doubles(c.get("x")), 0.95);
            close(c.get("lo").asDouble(), i.lo(), c.get("name").asText() + " lo");
            close(c.get("hi").asDouble(), i.hi(), c.get("name").asText() + " hi");
            // the default method is this interval
            Interval d = Intervals.defaults().mean(ScipyReference.doubles(c.get("x")), new SplittableRandom(1));
            assertEquals(i, d);
        }
    }

    @Test
    void welchIntervalsMatchScipyTtestIndConfidenceInterval() throws IOException {
        JsonNode ref = reference();
        assertTrue(ref.get("welch").size() >= 4);
        for (JsonNode c : ref.get("welch")) {
            double[] x = ScipyReference.doubles(c.get("x"));
            double[] y = ScipyReference.doubles(c.get("y"));
            Interval i = TIntervals.welch(x, y, 0.95);
            close(c.get("lo").asDouble(), i.lo(), c.get("name").asText() + " lo");
            close(c.get("hi").asDouble(), i.hi(), c.get("name").asText() + " hi");
            close(c.get("df").asDouble(), WelchTest.test(x, y).df(), "df");
            assertEquals(i, Intervals.defaults().diffMeans(x, y, new SplittableRandom(1)));
        }
    }

    @Test
    void quantilesMatchScipyTPpfIncludingFractionalDf() throws IOException {
        for (JsonNode q : reference().get("t_quantiles")) {
            close(q.get("q").asDouble(), TIntervals.quantile(q.get("df").asDouble(), q.get("p").asDouble()),
                    "t.ppf df=" + q.get("df"));
        }
    }

    @Test
    void factorialEffectsUseTheCellStructureAsTheNumpyReimplementation() throws IOException {
        JsonNode f = reference().get("factorial");
        List<FactorialEffects.Observation> runs = new ArrayList<>();
        for (JsonNode r : f.get("runs")) {
            boolean a = r.get("a").asInt() == 1;
            boolean b = r.get("b").asInt() == 1;
            runs.add(new FactorialEffects.Observation(a + "/" + b, Map.of("a", a, "b", b), r.get("score").asDouble()));
        }
        FactorialEffects.Result res = Intervals.defaults().effects(runs, List.of("a", "b"), new SplittableRandom(3));
        check(f.get("main_a"), res.mainEffects().get(0));
        check(f.get("main_b"), res.mainEffects().get(1));
        check(f.get("interaction"), res.interactions().get(0));
        // wider than the percentile bootstrap within cells, which misses the (n − 1)/n factor at 3 runs per cell
        FactorialEffects.Result boot = new Intervals(IntervalMethod.PERCENTILE, Bootstrap.defaults())
                .effects(runs, List.of("a", "b"), new SplittableRandom(3));
        assertTrue(res.mainEffects().get(0).ci().width() > 1.2 * boot.mainEffects().get(0).ci().width(),
                res + " vs " + boot);
    }

    private static void check(JsonNode ref, FactorialEffects.Effect e) {
        close(ref.get("estimate").asDouble(), e.estimate(), e + " estimate");
        close(ref.get("lo").asDouble(), e.ci().lo(), e + " lo");
        close(ref.get("hi").asDouble(), e.ci().hi(), e + " hi");
    }

    @Test
    void aCellWithOneRunOrNoSpreadGivesNoInterval() {
        List<FactorialEffects.Observation> runs = List.of(
                new FactorialEffects.Observation("on", Map.of("a", true), 5),
                new FactorialEffects.Observation("off", Map.of("a", false), 3),
                new FactorialEffects.Observation("off", Map.of("a", false), 4));
        FactorialEffects.Effect e = Intervals.defaults().effects(runs, List.of("a"), new SplittableRandom(1))
                .mainEffects().get(0);
        assertEquals(1.5, e.estimate(), 1e-12);
        assertFalse(e.ci().isFinite(), e.toString());
        assertFalse(TIntervals.mean(new double[] {2, 2, 2}, 0.95).isFinite());
        assertFalse(TIntervals.mean(new double[] {2}, 0.95).isFinite());
        assertFalse(TIntervals.welch(new double[] {1, 1}, new double[] {3, 3}, 0.95).isFinite());
        assertFalse(TIntervals.welch(new double[] {1, 2}, new double[] {3}, 0.95).isFinite());
    }
}
