package dev.ablate4j.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

/**
 * TOST against scipy (two one-sided {@code ttest_ind(equal_var=False)}; cross-checked with
 * statsmodels' {@code ttost_ind}) and Wilson intervals against statsmodels' formula, from
 * src/test/resources/reference/tost-reference.json (made by tost_reference.py beside it).
 */
class TostTest {

    static JsonNode reference() throws IOException {
        try (InputStream in = TostTest.class.getResourceAsStream("/reference/tost-reference.json")) {
            return new ObjectMapper().readTree(in);
        }
    }

    @Test
    void matchesScipyTwoOneSidedWelchTests() throws IOException {
        int checked = 0;
        for (JsonNode c : reference().get("tost")) {
            double[] x = ScipyReference.doubles(c.get("x"));
            double[] y = ScipyReference.doubles(c.get("y"));
            for (JsonNode t : c.get("tests")) {
                double m = t.get("margin").asDouble();
                Tost.Result r = Tost.test(x, y, m);
                String what = c.get("name").asText() + " m=" + m;
                assertEquals(t.get("diff").asDouble(), r.diff(), 1e-9 * Math.max(1, Math.abs(r.diff())), what);
                assertEquals(t.get("se").asDouble(), r.se(), 1e-9 * r.se(), what);
                assertEquals(t.get("df").asDouble(), r.df(), 1e-9 * r.df(), what);
                assertEquals(t.get("p_lower").asDouble(), r.pLower(), 1e-9, what);
                assertEquals(t.get("p_upper").asDouble(), r.pUpper(), 1e-9, what);
                assertEquals(t.get("p").asDouble(), r.p(), 1e-9, what);
                assertEquals(t.get("smallest_margin").asDouble(), Tost.smallestMargin(x, y, 0.05),
                        1e-7 * t.get("smallest_margin").asDouble(), what);
                checked++;
            }
        }
        assertTrue(checked >= 12, "reference cases read: " + checked);
    }

    @Test
    void smallestMarginIsWhereTostStartsToDeclareEquivalence() throws IOException {
        for (JsonNode c : reference().get("tost")) {
            double[] x = ScipyReference.doubles(c.get("x"));
            double[] y = ScipyReference.doubles(c.get("y"));
            double m = Tost.smallestMargin(x, y, 0.05);
            assertEquals(0.05, Tost.test(x, y, m).p(), 1e-9, c.get("name").asText());
            assertTrue(Tost.test(x, y, m * 1.001).equivalent(0.05));
            assertFalse(Tost.test(x, y, m * 0.999).equivalent(0.05));
        }
    }

    @Test
    void hopperNoClipAgainstPpoStatesItsSmallestMargin() throws IOException {
        JsonNode c = null;
        for (JsonNode k : reference().get("tost")) {
            if (k.get("name").asText().equals("hopper-ppo-noclip-vs-ppo")) {
                c = k;
            }
        }
        double m = Tost.smallestMargin(ScipyReference.doubles(c.get("x")), ScipyReference.doubles(c.get("y")), 0.05);
        assertEquals(311.505, m, 0.001);
    }

    @Test
    void degenerateSamplesGiveNaNAndBadMarginsAreRefused() {
        assertTrue(Double.isNaN(Tost.test(new double[] {1}, new double[] {1, 2}, 1).p()));
        assertTrue(Double.isNaN(Tost.test(new double[] {3, 3}, new double[] {1, 1}, 1).p()));
        assertTrue(Double.isNaN(Tost.smallestMargin(new double[] {1}, new double[] {1, 2}, 0.05)));
        for (double bad : new double[] {0, -1, Double.NaN, Double.POSITIVE_INFINITY}) {
            assertThrows(IllegalArgumentException.class, () -> Tost.test(new double[] {1, 2}, new double[] {1, 2}, bad));
        }
    }

    @Test
    void wilsonMatchesStatsmodels() throws IOException {
        for (JsonNode w : reference().get("wilson")) {
            Interval i = Wilson.interval(w.get("k").asLong(), w.get("n").asLong());
            assertEquals(w.get("lo").asDouble(), i.lo(), 1e-12, w.toString());
            assertEquals(w.get("hi").asDouble(), i.hi(), 1e-12, w.toString());
        }
        assertTrue(Double.isNaN(Wilson.interval(0, 0).lo()));
    }
}
