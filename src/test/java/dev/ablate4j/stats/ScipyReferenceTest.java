package dev.ablate4j.stats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** Deterministic statistics reproduce scipy 1.10.1 to 1e-9 on every reference case. */
class ScipyReferenceTest {

    private static final double TOL = 1e-9;

    @TestFactory
    List<DynamicTest> deterministicStatisticsMatchScipy() {
        return ScipyReference.cases().stream()
                .map(c -> DynamicTest.dynamicTest(c.get("name").asText(), () -> check(c)))
                .toList();
    }

    private static void check(JsonNode c) {
        double[] x = ScipyReference.doubles(c.get("x"));
        double[] y = ScipyReference.doubles(c.get("y"));
        assertEquals(ScipyReference.number(c, "mean_x"), Descriptive.mean(x), TOL, "mean_x");
        assertEquals(ScipyReference.number(c, "median_x"), Descriptive.median(x), TOL, "median_x");
        assertEquals(ScipyReference.number(c, "std_x"), Descriptive.std(x), TOL, "std_x");
        assertEquals(ScipyReference.number(c, "iqm_x"), Descriptive.iqm(x), TOL, "iqm_x");

        WelchTest.Result w = WelchTest.test(x, y);
        assertEquals(ScipyReference.number(c, "welch_t"), w.t(), TOL, "welch_t");
        assertEquals(ScipyReference.number(c, "welch_df"), w.df(), TOL, "welch_df");
        assertEquals(ScipyReference.number(c, "welch_p"), w.p(), TOL, "welch_p");

        MannWhitney.Result mw = MannWhitney.test(x, y);
        assertEquals(ScipyReference.number(c, "mannwhitney_u"), mw.u(), TOL, "mannwhitney_u");
        assertEquals(ScipyReference.number(c, "mannwhitney_p_asymptotic_cc"), mw.pAsymptotic(), TOL, "mannwhitney_p");

        assertEquals(ScipyReference.number(c, "prob_improvement"), ProbabilityOfImprovement.estimate(x, y), TOL,
                "prob_improvement");
        assertEquals(ScipyReference.number(c, "cohens_d"), EffectSize.cohensD(x, y), TOL, "cohens_d");
        assertEquals(ScipyReference.number(c, "hedges_g"), EffectSize.hedgesG(x, y), TOL, "hedges_g");
    }

    @Test
    void holmAdjustmentMatchesReference() {
        JsonNode h = ScipyReference.holm();
        double[] adjusted = Holm.adjust(ScipyReference.doubles(h.get("pvalues")));
        assertArrayEquals(ScipyReference.doubles(h.get("adjusted")), adjusted, TOL);
    }
}
