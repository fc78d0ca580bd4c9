package dev.ablate4j.adaptive;

import java.util.Locale;

/**
 * The family-wise reading of an adaptive design's group-sequential verdicts. The design tests each
 * of its m comparisons (or main effects), on every environment, at two-sided α = 0.05 on its own
 * ({@link SeedRule#ALPHA}): when nothing has any effect, the chance that at least one of them is
 * declared decided grows with m (1 − 0.95^m for independent tests: 60% at m = 18). This reading
 * splits α by Bonferroni — each test at α/m, with the same O'Brien–Fleming spending and looks — so
 * that the chance of any false decision in the family stays at most α, as the Holm adjustment keeps
 * it among a fixed design's comparisons.
 *
 * <p>It never changes what the design decided or which cells received seeds. Each test is read on
 * its own at the looks whose runs exist ({@link Rounds#comparisonZ}, {@link Rounds#mainEffectZ}):
 * decided at the first look where |z| reaches the family-wise boundary, undecided when the last look
 * passes without (or when the design is complete and no later look has runs), and otherwise open
 * as of the last look with data. A comparison the design decided below the family-wise boundary got
 * no more seeds for it, so it stays open here while the design runs and is "not shown" family-wise
 * once it is complete, unless other runs in the design's own directory carry it further (seeds it
 * gave both cells for other comparisons; runs of another spec only when copied there:
 * {@code AdaptiveResults} reads {@code <results>/<spec>/} alone).
 *
 * @param size the number of tests in the family (comparisons or main effects, times environments), at least 1
 * @param alpha the two-sided level of each test, {@link SeedRule#ALPHA} / size
 * @param boundaries the |z| boundary of each test at each look at level {@code alpha}
 */
public record Familywise(int size, double alpha, double[] boundaries) {

    /**
     * One test's family-wise outcome.
     *
     * @param look the deciding look (DECIDED) or the last look with data (-1 before any)
     * @param z z at that look (NaN before any)
     */
    public record Reading(Decision.Verdict verdict, int look, double z) {}

    /** The reading for a family of {@code size} tests under {@code rule}'s looks. */
    public static Familywise of(SeedRule rule, int size) {
        if (size < 1) {
            throw new IllegalArgumentException("a family has at least one test, not " + size);
        }
        return new Familywise(size, SeedRule.ALPHA / size, rule.bonferroniBoundaries(size));
    }

    /** The reading of one test from its z at the looks with data ({@code zByLook[k]} at look k), the design still running. */
    public Reading read(double[] zByLook) {
        return read(zByLook, false);
    }

    /**
     * The reading of one test from its z at the looks with data ({@code zByLook[k]} at look k):
     * decided at the first look whose |z| reaches the family-wise boundary; else undecided after the
     * last look, or, once the design is complete ({@code designComplete}), after the last look with
     * data — a complete design adds no more runs, so a test it stopped early (it decided it below
     * the family-wise boundary) cannot go further; else open.
     */
    public Reading read(double[] zByLook, boolean designComplete) {
        for (int k = 0; k < zByLook.length; k++) {
            if (Math.abs(zByLook[k]) >= boundaries[k]) {
                return new Reading(Decision.Verdict.DECIDED, k, zByLook[k]);
            }
        }
        int last = zByLook.length - 1;
        boolean over = zByLook.length == boundaries.length || designComplete && last >= 0;
        return new Reading(over ? Decision.Verdict.UNDECIDED : Decision.Verdict.OPEN, last,
                last < 0 ? Double.NaN : zByLook[last]);
    }

    /** Whether an undecided reading ended before the last look: the design stopped giving the test runs. */
    public boolean stoppedEarly(Reading r) {
        return r.verdict() == Decision.Verdict.UNDECIDED && r.look() < boundaries.length - 1;
    }

    /** The boundary at {@code look} with two decimals, or "" before any look. */
    public String boundaryText(int look) {
        return look < 0 ? "" : String.format(Locale.ROOT, "%.2f", boundaries[look]);
    }

    /**
     * One word for a table: "decided", "undecided", "open", or "not shown" where the design decided
     * the test but the family-wise reading does not (yet).
     */
    public static String word(Reading r, Decision.Verdict design) {
        if (r.verdict() == Decision.Verdict.DECIDED) {
            return "decided";
        }
        if (design == Decision.Verdict.DECIDED) {
            return "not shown";
        }
        return r.verdict() == Decision.Verdict.UNDECIDED ? "undecided" : "open";
    }

    /**
     * The reading in words, e.g. {@code "decided family-wise over 18 comparisons (Bonferroni: ...):
     * at look 3 of 4 (15 seeds), |z| 4.51 ≥ 3.52"}; {@code what} names the tests ("comparisons").
     */
    public String describe(Reading r, int[] looks, String what) {
        return describe(r, looks, what, null, null);
    }

    /**
     * As {@link #describe(Reading, int[], String)}, naming the higher side of a decided test — {@code
     * positive} when z &gt; 0, {@code negative} otherwise — as {@code "decided family-wise, A higher, over
     * ..."} (at a later look than the design's decision its sign is its own); nulls leave it out.
     */
    public String describe(Reading r, int[] looks, String what, String positive, String negative) {
        String head = Decision.absZ(r.z());
        String at = r.look() < 0 ? "" : String.format(Locale.ROOT, "at look %d of %d (%d seeds), |z| %s", r.look() + 1,
                looks.length, looks[r.look()], head);
        String fw = "family-wise " + scope(what);
        return switch (r.verdict()) {
            case DECIDED -> "decided family-wise" + (positive == null ? "" : ", " + (r.z() > 0 ? positive : negative)
                    + " higher,") + " " + scope(what) + ": " + at + " ≥ " + boundaryText(r.look());
            case UNDECIDED -> stoppedEarly(r)
                    ? "not shown " + fw + ": " + at + " < " + boundaryText(r.look())
                            + " (the design, complete, gave it no runs after this look)"
                    : "undecided " + fw + ": " + at + " < " + boundaryText(r.look());
            case OPEN -> r.look() < 0 ? "open " + fw + " (no look with data yet)"
                    : "open " + fw + ": " + at + " < " + boundaryText(r.look()) + " (the last look with data)";
        };
    }

    /** "over 18 comparisons (Bonferroni: α = 0.05 / 18 = 0.00278 each)". */
    public String scope(String what) {
        return String.format(Locale.ROOT, "over %d %s (Bonferroni: α = 0.05 / %d = %s each)", size, what, size,
                plain(alpha));
    }

    /** A level with three significant digits and no trailing zeros: 0.025, 0.00278. */
    public static String plain(double alpha) {
        return new java.math.BigDecimal(alpha).round(new java.math.MathContext(3)).stripTrailingZeros().toPlainString();
    }

    /** The chance of at least one false decision among {@code size} independent tests at α = 0.05 each: 1 − 0.95^m. */
    public double perTestFamilyError() {
        return 1 - Math.pow(1 - SeedRule.ALPHA, size);
    }
}
