package dev.ablate4j.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Each interval method of {@link Intervals}, and the rule that no zero-width interval is shown. */
class IntervalsTest {

    private static final double[] X = {2836.1, 3864.1, 3054.1, 2767.6, 1320.4, 3301.0, 2950.2, 3512.9};
    private static final double[] Y = {3959.4, 3212.3, 1801.5, 2933.5, 2500.0, 2210.9, 3100.7};

    private static Intervals of(IntervalMethod m) {
        return new Intervals(m, new Bootstrap(4000, 0.95));
    }

    @Test
    void everyMethodGivesAnIntervalAroundTheEstimateAndTheBootstrapOnesAreReproducible() {
        for (IntervalMethod m : IntervalMethod.values()) {
            Interval mean = of(m).mean(X, new SplittableRandom(5));
            Interval diff = of(m).diffMeans(X, Y, new SplittableRandom(5));
            assertTrue(mean.contains(Descriptive.mean(X)) && mean.width() > 0, m + " " + mean);
            assertTrue(diff.contains(Descriptive.mean(X) - Descriptive.mean(Y)) && diff.width() > 0, m + " " + diff);
            assertEquals(mean, of(m).mean(X, new SplittableRandom(5)), m.toString());
        }
    }

    @Test
    void percentileAndBcaAreTheBootstrapsOwn() {
        Bootstrap b = new Bootstrap(4000, 0.95);
        assertEquals(b.percentile(X, Descriptive::mean, new SplittableRandom(9)),
                of(IntervalMethod.PERCENTILE).mean(X, new SplittableRandom(9)));
        assertEquals(b.bca(X, Descriptive::mean, new SplittableRandom(9)),
                of(IntervalMethod.BCA).mean(X, new SplittableRandom(9)));
        assertEquals(b.percentile(X, Descriptive::iqm, new SplittableRandom(9)),
                of(IntervalMethod.T).iqm(X, new SplittableRandom(9)), "IQM: percentile under t, as rliable");
    }

    @Test
    void bootstrapTIsCloseToStudentTOnLargeNormalSamplesAndWiderThanPercentile() {
        SplittableRandom g = new SplittableRandom(11);
        double[] big = new double[200];
        for (int i = 0; i < big.length; i++) {
            big[i] = CoverageStudy.normal(g);
        }
        Interval t = of(IntervalMethod.T).mean(big, new SplittableRandom(1));
        Interval bt = of(IntervalMethod.BOOTSTRAP_T).mean(big, new SplittableRandom(1));
        assertEquals(t.width(), bt.width(), 0.08 * t.width(), t + " vs " + bt);
        double[] small = {1.0, 2.5, 7.0};
        Interval pct = of(IntervalMethod.PERCENTILE).mean(small, new SplittableRandom(2));
        Interval bts = of(IntervalMethod.BOOTSTRAP_T).mean(small, new SplittableRandom(2));
        assertTrue(bts.width() > pct.width(), bts + " vs " + pct);
    }

    @Test
    void bootstrapTResamplesWithoutSpreadAreInfiniteNotAbsurdlyLarge() {
        // three identical values of 0.1 average to 0.10000000000000002: without care their variance is
        // a rounding residue and t* a finite 1e15
        double[] x = {0.1, 0.2, 0.7};
        Interval i = of(IntervalMethod.BOOTSTRAP_T).mean(x, new SplittableRandom(4));
        for (double bound : new double[] {i.lo(), i.hi()}) {
            assertTrue(Double.isInfinite(bound) || Math.abs(bound) < 1e3, i.toString());
        }
        Interval d = of(IntervalMethod.BOOTSTRAP_T).diffMeans(x, new double[] {0.3, 0.3, 0.9}, new SplittableRandom(4));
        for (double bound : new double[] {d.lo(), d.hi()}) {
            assertTrue(Double.isInfinite(bound) || Math.abs(bound) < 1e3, d.toString());
        }
    }

    @Test
    void bootstrapTIsTheStudentizedPivotByHand() {
        double[] x = {3.0, 1.0, 4.0, 1.5, 5.0, 9.0};
        int n = x.length;
        double m = Descriptive.mean(x);
        double se = Math.sqrt(Descriptive.variance(x) / n);
        SplittableRandom r = new SplittableRandom(21);
        double[] t = new double[1000];
        double[] buf = new double[n];
        for (int b = 0; b < t.length; b++) {
            for (int i = 0; i < n; i++) {
                buf[i] = x[r.nextInt(n)];
            }
            t[b] = (Descriptive.mean(buf) - m) / Math.sqrt(Descriptive.variance(buf) / n);
        }
        double[] finite = java.util.Arrays.stream(t).filter(v -> !Double.isNaN(v)).sorted().toArray();
        Interval expected = new Interval(m - Descriptive.quantileOfSorted(finite, 0.975) * se,
                m - Descriptive.quantileOfSorted(finite, 0.025) * se);
        Interval got = new Bootstrap(1000, 0.95).studentizedMean(x, new SplittableRandom(21));
        assertEquals(expected.lo(), got.lo(), 1e-9);
        assertEquals(expected.hi(), got.hi(), 1e-9);
    }

    @Test
    void noIntervalFromOneValueNoSpreadOrASeparatedPairOfSingletons() {
        for (IntervalMethod m : IntervalMethod.values()) {
            Intervals iv = of(m);
            assertFalse(iv.mean(new double[] {5}, new SplittableRandom(1)).isFinite(), m.toString());
            assertFalse(iv.mean(new double[] {5, 5, 5}, new SplittableRandom(1)).isFinite(), m.toString());
            assertFalse(iv.diffMeans(new double[] {1}, new double[] {2}, new SplittableRandom(1)).isFinite(), m.toString());
            assertFalse(iv.iqm(new double[] {5}, new SplittableRandom(1)).isFinite(), m.toString());
        }
        // two runs each, fully separated: the percentile bootstrap of P(improve) is [1, 1]; not shown
        Interval p = of(IntervalMethod.T).probImprovement(new double[] {10, 11}, new double[] {1, 2}, new SplittableRandom(1));
        assertFalse(p.isFinite(), p.toString());
        assertFalse(Intervals.shown(new Interval(3, 3)).isFinite());
        assertEquals(new Interval(1, 2), Intervals.shown(new Interval(1, 2)));
    }

    @Test
    void methodsParseByTheirCliNamesAndNameThemselvesInCaptions() {
        assertEquals(IntervalMethod.BOOTSTRAP_T, IntervalMethod.parse("bootstrap-t"));
        assertEquals(IntervalMethod.BCA, IntervalMethod.parse("BCa"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> IntervalMethod.parse("wald"));
        assertTrue(e.getMessage().contains("t, bootstrap-t, percentile, bca"), e.getMessage());
        assertEquals(IntervalMethod.T, IntervalMethod.DEFAULT);
        assertEquals("Student-t", Intervals.defaults().describe(Intervals.Statistic.MEAN));
        assertTrue(Intervals.defaults().describe(Intervals.Statistic.DIFF_MEANS).startsWith("Welch-t"));
        assertEquals("percentile bootstrap", of(IntervalMethod.PERCENTILE).describe(Intervals.Statistic.MEAN));
        assertTrue(of(IntervalMethod.BCA).describe(Intervals.Statistic.DIFF_MEANS).contains("no two-sample BCa"));
    }
}
