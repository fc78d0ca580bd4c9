package dev.ablate4j.algo.trpo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LineSearchTest {

    /**
     * A surrogate that improves by f(1 - 0.95 f) at fraction f of the full step whose predicted
     * improvement is 1: the full step gains 0.05 (ratio 0.05), half of it 0.2625 (ratio 0.525).
     */
    private static LineSearch.Trial concave(double f, List<Double> tried) {
        tried.add(f);
        return new LineSearch.Trial(2.0 + f * (1 - 0.95 * f), 0.001 * f * f);
    }

    @Test
    void theAcceptanceRatioPicksAShorterStep() {
        List<Double> tried = new ArrayList<>();
        LineSearch.Result paper = LineSearch.run(f -> concave(f, tried), 9, 2.0, 0.01, 0.1, 1.0);
        assertEquals(0.5, paper.fraction(), "0.05 / 1 < 0.1 at the full step; 0.2625 / 0.5 > 0.1 at half");
        assertEquals(2.0 + 0.5 * (1 - 0.475), paper.surrogate(), 1e-15);
        assertEquals(List.of(1.0, 0.5), tried);

        LineSearch.Result plain = LineSearch.run(f -> concave(f, new ArrayList<>()), 9, 2.0, 0.01, 0, 1.0);
        assertEquals(1.0, plain.fraction(), "without the ratio any improvement within the KL bound is taken");
    }

    @Test
    void theKlBoundAndTheNumberOfTriesLimitTheSearch() {
        List<Double> tried = new ArrayList<>();
        // KL 0.001 f^2 <= 0.0001 needs f <= 0.316: the third try, f = 0.25
        LineSearch.Result r = LineSearch.run(f -> concave(f, tried), 9, 2.0, 0.0001, 0.1, 1.0);
        assertEquals(0.25, r.fraction());
        assertEquals(3, tried.size());
        List<Double> few = new ArrayList<>();
        assertNull(LineSearch.run(f -> concave(f, few), 1, 2.0, 0.0001, 0.1, 1.0), "2 tries: 1 and 1/2");
        assertEquals(List.of(1.0, 0.5), few);
        // 10 tries as the paper's max_backtrack 10: fractions 2^0 ... 2^-9
        List<Double> all = new ArrayList<>();
        assertNull(LineSearch.run(f -> new LineSearch.Trial(1.0, 0) , 9, 2.0, 1, 0.1, 1.0));
        LineSearch.run(f -> {
            all.add(f);
            return new LineSearch.Trial(1.0, 0);
        }, 9, 2.0, 1, 0.1, 1.0);
        assertEquals(10, all.size());
        assertEquals(Math.pow(2, -9), all.get(9));
    }
}
