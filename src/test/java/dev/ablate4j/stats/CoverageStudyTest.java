package dev.ablate4j.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ablate4j.cli.WalkerPopulation;
import dev.ablate4j.stats.CoverageStudy.Cell;
import dev.ablate4j.stats.CoverageStudy.Data;
import dev.ablate4j.stats.CoverageStudy.Target;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The default interval meets the coverage targets of docs/statistics.md: 94.0–96.0% on
 * normal data at every n ≥ 3 for a mean and a difference of means, at least 92% on the bimodal
 * "failed seeds" mixture at n ≥ 10; each asserted cell with a Monte-Carlo error ≤ 0.5 points.
 */
class CoverageStudyTest {

    private static final int REPS = 4000; // √(.95 · .05 / 4000) = 0.34 points
    private static final long SEED = 26;
    private static final CoverageStudy STUDY = new CoverageStudy(WalkerPopulation.trpoPlus(), WalkerPopulation.trpo());

    private static Cell measure(Data d, Target t, int n, IntervalMethod m, int reps) {
        return STUDY.measure(d, t, n, m, reps, 1000, 0.95, SEED);
    }

    /** A target of the issue: in [lo, hi] with a Monte-Carlo error of at most 0.5 points. */
    private static void target(double lo, double hi, Cell c) {
        assertTrue(c.mcError() <= 0.005, "Monte-Carlo error too large: " + c);
        between(lo, hi, c);
    }

    private static void between(double lo, double hi, Cell c) {
        double pct = 100 * c.coverage();
        assertTrue(pct >= lo && pct <= hi, String.format("%s %s n=%d: %.2f%% not in [%s, %s]", c.target(), c.data(),
                c.n(), pct, lo, hi));
    }

    @Test
    void defaultMeanIntervalCoversNinetyFivePercentOfNormalDataAtEveryN() {
        for (int n : List.of(3, 5, 10, 20, 40)) {
            target(94.0, 96.0, measure(Data.NORMAL, Target.MEAN, n, IntervalMethod.DEFAULT, REPS));
        }
    }

    @Test
    void defaultDifferenceIntervalCoversNinetyFivePercentOfNormalData() {
        for (int n : List.of(5, 10, 20, 40)) {
            target(94.0, 96.0, measure(Data.NORMAL, Target.DIFF_MEANS, n, IntervalMethod.DEFAULT, REPS));
            target(94.0, 96.0, measure(Data.NORMAL_UNEQUAL, Target.DIFF_MEANS, n, IntervalMethod.DEFAULT, REPS));
        }
        // Welch at n = 3 with equal variances is conservative (≈ 96.5% in scipy simulations, where the
        // pooled t is exact but falls to ≈ 91.5% at an sd ratio of 4): never below nominal
        target(95.0, 97.5, measure(Data.NORMAL, Target.DIFF_MEANS, 3, IntervalMethod.DEFAULT, REPS));
        target(94.0, 97.0, measure(Data.NORMAL_UNEQUAL, Target.DIFF_MEANS, 3, IntervalMethod.DEFAULT, REPS));
    }

    @Test
    void defaultIntervalsCoverAtLeastNinetyTwoPercentOfTheBimodalMixtureFromTenSeeds() {
        for (int n : List.of(10, 20, 40)) {
            target(92.0, 100.0, measure(Data.BIMODAL, Target.MEAN, n, IntervalMethod.DEFAULT, REPS));
            target(92.0, 100.0, measure(Data.BIMODAL, Target.DIFF_MEANS, n, IntervalMethod.DEFAULT, REPS));
        }
    }

    @Test
    void theStudySeesWhatThePercentileBootstrapMissesAndThatNoMethodRescuesBimodalNFive() {
        // the reason for the default: the percentile bootstrap covers ~84% of normal data at n = 5
        between(80.0, 88.0, measure(Data.NORMAL, Target.MEAN, 5, IntervalMethod.PERCENTILE, 1500));
        // a quarter of bimodal samples of 5 hold no failed seed: Student-t covers ~79% there
        between(75.0, 83.0, measure(Data.BIMODAL, Target.MEAN, 5, IntervalMethod.DEFAULT, REPS));
    }

    @Test
    void walkerPopulationIsTheEightyCommittedFinalReturnsAndDrawsAreWithoutReplacement() {
        assertEquals(40, WalkerPopulation.trpoPlus().length);
        assertEquals(40, WalkerPopulation.trpo().length);
        // at n = 40 every draw is the whole population, so a t interval always holds its mean
        Cell all = measure(Data.WALKER, Target.MEAN, 40, IntervalMethod.DEFAULT, 200);
        assertEquals(200, all.covered());
        double[] d = STUDY.draw(Data.WALKER, true, 40, new java.util.SplittableRandom(1));
        double[] sorted = d.clone();
        java.util.Arrays.sort(sorted);
        double[] pop = WalkerPopulation.trpoPlus().clone();
        java.util.Arrays.sort(pop);
        assertEquals(java.util.Arrays.toString(pop), java.util.Arrays.toString(sorted));
    }

    @Test
    void sameSeedSameCountsAndMethodsShareTheirSamples() {
        Cell a = measure(Data.LOGNORMAL, Target.MEAN, 5, IntervalMethod.DEFAULT, 500);
        Cell b = measure(Data.LOGNORMAL, Target.MEAN, 5, IntervalMethod.DEFAULT, 500);
        assertEquals(a, b);
        // percentile and t see the same samples; at n = 5 the t interval is ~1.6 times as wide around
        // nearly the same centre, so it covers at least as often
        Cell p = measure(Data.LOGNORMAL, Target.MEAN, 5, IntervalMethod.PERCENTILE, 500);
        assertTrue(a.covered() >= p.covered(), a + " vs " + p);
    }
}
