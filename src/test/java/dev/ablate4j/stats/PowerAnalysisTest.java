package dev.ablate4j.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * Power against scipy 1.17.1: {@code nct.sf(c, df, nc) + nct.cdf(-c, df, nc)} with df = 2n − 2,
 * nc = d·√(n/2), c = t.ppf(0.975, df); seeds needed = smallest n reaching 0.8 by the same formula.
 */
class PowerAnalysisTest {

    @Test
    void powerMatchesScipyNoncentralT() {
        assertEquals(0.8014595579222541, PowerAnalysis.power(0.5, 64, 0.05), 1e-9);
        assertEquals(0.8074866151465276, PowerAnalysis.power(0.8, 26, 0.05), 1e-9);
        assertEquals(0.28629549338059773, PowerAnalysis.power(1.0, 5, 0.05), 1e-9);
        assertEquals(0.8869702022546696, PowerAnalysis.power(1.5, 10, 0.05), 1e-9);
        assertEquals(0.8005931284024348, PowerAnalysis.power(0.2, 394, 0.05), 1e-9);
        assertEquals(0.6359859893006392, PowerAnalysis.power(2.5, 3, 0.05), 1e-9);
    }

    @Test
    void seedsNeededMatchesScipySearch() {
        assertEquals(394, PowerAnalysis.seedsNeeded(0.2));
        assertEquals(64, PowerAnalysis.seedsNeeded(0.5));
        assertEquals(26, PowerAnalysis.seedsNeeded(0.8));
        assertEquals(18, PowerAnalysis.seedsNeeded(0.9679818027723539));
        assertEquals(9, PowerAnalysis.seedsNeeded(-1.5)); // sign does not matter
        assertEquals(4, PowerAnalysis.seedsNeeded(3.0));
        assertEquals(-1, PowerAnalysis.seedsNeeded(0));
        assertEquals(-1, PowerAnalysis.seedsNeeded(Double.NaN));
        assertEquals(-1, PowerAnalysis.seedsNeeded(0.001));
    }
}
