package dev.ablate4j.adaptive;

import dev.ablate4j.stats.Bootstrap;
import java.util.List;
import java.util.Locale;

/**
 * Where an adaptive spec stands, as {@link Rounds#decide} computes it from the finished results.
 *
 * @param round the index (0-based) of the round to run next; when {@code complete}, the number of
 *     rounds the rule took
 * @param complete true when every cell's rule holds or it has {@code max} seeds: nothing left to run
 * @param roundRuns every run of round {@code round} (finished or not), in plan order: the set that
 *     shards partition; empty when complete
 * @param pending the runs of {@code roundRuns} that are not finished: what {@code matrix} trains next
 * @param looks seeds per cell at each planned look
 * @param boundaries the |z| boundary at each look
 * @param cells one state per cell and environment, cells in plan order within each environment
 * @param comparisons one state per comparison and environment
 * @param indices one state of the ACLI − AAI target per environment (empty when the rule has none)
 * @param effects one state per main effect and environment, factors in spec order within each
 *     environment (empty when the rule has no main-effects target)
 */
public record Decision(int round, boolean complete, List<RunKey> roundRuns, List<RunKey> pending, int[] looks,
        double[] boundaries, List<CellState> cells, List<ComparisonState> comparisons, List<IndexState> indices,
        List<EffectState> effects) {

    /** One run: {@code <cellId>/<env>/seed-<seed>}. */
    public record RunKey(String cellId, String env, long seed) {
        public String id() {
            return cellId + "/" + env + "/seed-" + seed;
        }
    }

    /**
     * A cell on one environment.
     *
     * @param seeds seeds allocated so far (0 to seeds − 1)
     * @param used how many of them entered the statistics at the last look evaluated
     * @param halfWidth half-width of the 95% bootstrap interval of the mean final return at the last
     *     look evaluated (NaN before the first look or with fewer than two values)
     * @param precisionMetAt seeds at the look where the half-width first reached the target, or null
     * @param active whether the cell is still receiving seeds
     */
    public record CellState(Setup.CellRef cell, String env, int seeds, int used, double halfWidth,
            Integer precisionMetAt, boolean active) {}

    /** A comparison's verdict. */
    public enum Verdict {
        /** Still undecided with looks left. */
        OPEN,
        /** |z| reached the boundary at {@code look}. */
        DECIDED,
        /** The last look passed without |z| reaching its boundary: "max reached, undecided". */
        UNDECIDED
    }

    /**
     * A comparison on one environment.
     *
     * @param look index of the last look evaluated (the deciding one when DECIDED), -1 before any
     * @param seeds seeds per cell at that look
     * @param z Welch's t of left against right, mapped to z ({@link dev.ablate4j.stats.GroupSequential#zFromWelch})
     * @param boundary the boundary at that look
     */
    public record ComparisonState(Setup.Pair pair, String env, Verdict verdict, int look, int seeds, double z,
            double boundary) {

        /** {@code "decided at look 2 of 8 (10 seeds): |z| 3.41 >= 3.36"} and the like. */
        public String describe(int looks) {
            return sequential(verdict, look, looks, seeds, absZ(), boundary);
        }

        /**
         * |z| with two decimals, {@value Decision#BEYOND_DOUBLE} when z is infinite, or "n/a" when a
         * side has fewer than two values or neither side varies.
         */
        public String absZ() {
            return Decision.absZ(z);
        }
    }

    /** A group-sequential verdict in words: {@code "decided at look 2 of 8 (10 seeds): |z| 3.41 >= 3.36"}. */
    static String sequential(Verdict verdict, int look, int looks, int seeds, String absZ, double boundary) {
        return switch (verdict) {
            case OPEN -> look < 0 ? "open (no look yet)"
                    : String.format(Locale.ROOT, "open after look %d of %d (%d seeds): |z| %s < %.2f", look + 1, looks,
                            seeds, absZ, boundary);
            case DECIDED -> String.format(Locale.ROOT, "decided at look %d of %d (%d seeds): |z| %s >= %.2f", look + 1,
                    looks, seeds, absZ, boundary);
            case UNDECIDED -> String.format(Locale.ROOT, "max reached, undecided (%d seeds): |z| %s < %.2f", seeds,
                    absZ, boundary);
        };
    }

    /**
     * What an infinite z is shown as. z is Φ⁻¹(1 − p/2) of the two-sided p; once p/2 is below
     * about 2⁻⁵⁵ (2.8e-17) the double 1 − p/2 is 1 and z comes out infinite
     * ({@link dev.ablate4j.stats.GroupSequential#zFromWelch}, e.g. two clearly separated groups
     * with almost no spread), while the largest finite value it gives is 8.29: so the true |z| is
     * above 8.29, beyond every boundary.
     */
    static final String BEYOND_DOUBLE = "> 8.29";

    /** |z| with two decimals; {@value #BEYOND_DOUBLE} when z is infinite; "n/a" when not computable. */
    public static String absZ(double z) {
        if (Double.isNaN(z)) {
            return "n/a";
        }
        return Double.isInfinite(z) ? BEYOND_DOUBLE : String.format(Locale.ROOT, "%.2f", Math.abs(z));
    }

    /**
     * A main effect of the factorial on one environment ({@code main-effects: decided}).
     *
     * @param factor the factor (its spec key)
     * @param look index of the last look evaluated (the deciding one when DECIDED), -1 before any
     * @param seeds seeds per cell at that look
     * @param estimate mean final return with the factor on minus off, pooled over the other factors
     * @param se its standard error on the cell structure ({@link dev.ablate4j.stats.FactorialEffects#mainEffectTests})
     * @param df its Welch–Satterthwaite degrees of freedom
     * @param z estimate / se as a t with {@code df} degrees of freedom, mapped to z
     *     ({@link dev.ablate4j.stats.GroupSequential#zFromT}); NaN when a cell has fewer than two values
     * @param boundary the boundary at that look
     */
    public record EffectState(String env, String factor, Verdict verdict, int look, int seeds, double estimate,
            double se, double df, double z, double boundary) {

        /** {@code "decided at look 1 of 3 (4 seeds): |z| 5.12 >= 3.47"} and the like. */
        public String describe(int looks) {
            return sequential(verdict, look, looks, seeds, absZ(), boundary);
        }

        /** |z| with two decimals, {@value Decision#BEYOND_DOUBLE} when z is infinite, or "n/a". */
        public String absZ() {
            return Decision.absZ(z);
        }
    }

    /**
     * The ACLI − AAI target on one environment.
     *
     * @param look index of the last look evaluated (the deciding one when DECIDED), -1 before any
     * @param seeds seeds per cell at that look
     * @param estimate ACLI − AAI at that look
     * @param interval its percentile bootstrap interval at {@code level} (NaN bounds when a cell had no value)
     * @param level the interval's confidence level, {@link SeedRule#levelAt} of the look's boundary
     * @param resamples the bootstrap resamples behind the interval ({@link Bootstrap#resamplesFor} the
     *     level); 0 where the level is beyond what {@link Bootstrap#MAX_RESAMPLES} resolve: no interval,
     *     and no decision at that look
     */
    public record IndexState(String env, Verdict verdict, int look, int seeds, double estimate,
            dev.ablate4j.stats.Interval interval, double level, int resamples) {

        /** {@code "decided at look 3 of 7 (20 seeds): 99.6% interval [12.3, 340] excludes 0"} and the like. */
        public String describe(int looks) {
            if (look >= 0 && resamples == 0) {
                String why = String.format(Locale.ROOT, "a %s percentile interval needs %,.0f resamples (%d beyond each"
                        + " end), more than the %,d this bootstrap takes; no decision at this look", levelText(),
                        Bootstrap.resamplesNeeded(level), Bootstrap.TAIL_RESAMPLES, Bootstrap.MAX_RESAMPLES);
                return verdict == Verdict.UNDECIDED ? String.format("max reached, undecided (%d seeds): %s", seeds, why)
                        : String.format("open after look %d of %d (%d seeds): %s", look + 1, looks, seeds, why);
            }
            String ci = String.format("%s interval %s", levelText(), intervalText());
            return switch (verdict) {
                case OPEN -> look < 0 ? "open (no look yet)"
                        : String.format("open after look %d of %d (%d seeds): %s contains 0", look + 1, looks, seeds, ci);
                case DECIDED -> String.format("decided at look %d of %d (%d seeds): %s excludes 0", look + 1, looks,
                        seeds, ci);
                case UNDECIDED -> String.format("max reached, undecided (%d seeds): %s contains 0", seeds, ci);
            };
        }

        /** The level as a percentage with enough digits to tell it from 100%: "99.87%". */
        public String levelText() {
            if (Double.isNaN(level)) {
                return "n/a";
            }
            int decimals = (int) Math.max(0, Math.ceil(-Math.log10((1 - level) * 100)) + 1);
            return java.math.BigDecimal.valueOf(level * 100).setScale(decimals, java.math.RoundingMode.HALF_EVEN)
                    .stripTrailingZeros().toPlainString() + "%";
        }

        /** "[lo, hi]" with four significant digits, or "n/a". */
        public String intervalText() {
            return Double.isNaN(interval.lo()) ? "n/a"
                    : String.format("[%.4g, %.4g]", interval.lo(), interval.hi());
        }
    }
}
