/**
 * Adaptive seeds: a spec's {@code seeds: {min, max, step, until}} gives seeds where they still
 * decide something instead of a fixed count.
 *
 * <p><b>Rule.</b> {@link dev.ablate4j.adaptive.SeedRule}: every cell gets {@code min} seeds (0 ..
 * min − 1, the same seed numbers as a fixed {@code seeds: N}, so runs are shared and reused across
 * specs); after each round the cells (per environment) whose rule does not hold get {@code step}
 * more, up to {@code max}. The planned looks are min, min + step, ..., and max last.
 * {@code until} holds one or more of:
 * <ul>
 * <li>{@code ci-half-width: H}: the half-width of the report's default 95% interval of the cell's
 *     mean final return (Student-t since the intervals were chosen by coverage, {@link dev.ablate4j.stats.IntervalMethod#DEFAULT};
 *     it was the percentile bootstrap, which covers ~84% at 5 seeds) is at most H; a cell whose runs
 *     have no spread has no interval and does not meet it. It looks at the width only, never at the
 *     estimate. A design started before the change replays with the new half-width, which is wider
 *     on average at every n (a t quantile above 1.96 and no (n − 1)/n shrinkage), so it tends to ask
 *     for more seeds, not fewer.
 * <li>{@code decided: [A vs B, ...]}: comparisons between cell labels, each tested on every
 *     environment with a two-sided group-sequential test: Welch's t of A against B on the seeds so
 *     far, mapped to z, against Lan–DeMets O'Brien–Fleming α-spending boundaries at information
 *     fractions (seeds at the look) / max, α = 0.05 overall per comparison
 *     ({@link dev.ablate4j.stats.GroupSequential}). Decided when |z| reaches the boundary of its
 *     look; "max reached, undecided" when the last look passes. Comparisons are not corrected for
 *     multiplicity among themselves.
 * <li>{@code acli-aai: decided}: ACLI − AAI of the cells labelled ppo, ppo-m, trpo, trpo+ (or
 *     paper:…; {@link dev.ablate4j.stats.AlgorithmIndices}) on every environment, decided when its
 *     stratified percentile bootstrap interval at the level whose normal quantile is the look's
 *     boundary excludes 0; the four cells get seeds together while it is open.
 * <li>{@code main-effects: decided}: on a factorial whose factors are all on/off switches
 *     ({@code [true, false]}), each factor's main effect (mean final return on minus off, pooled over
 *     the other factors) on every environment, with the same two-sided group-sequential test as the
 *     comparisons: z from the effect's t statistic against the same boundaries. The standard error
 *     is the report's, not a Welch SE of the two pooled groups: the unequal-variance contrast on the
 *     cell structure (each cell's own variance times its runs' squared weights, Welch–Satterthwaite
 *     degrees of freedom; {@link dev.ablate4j.stats.FactorialEffects#mainEffectTests}), the SE of the
 *     t interval the report draws for the effect. Pooling the on and off runs would count the other
 *     factors' effects as noise, inflating the SE and wasting seeds, and the verdict could disagree
 *     with the report's own interval; with one factor both are Welch's test. Effects are not
 *     corrected for multiplicity among themselves. All cells get seeds together while any main
 *     effect on the environment is open, so the design stays balanced.
 * </ul>
 * With several, a cell continues while its precision is unmet <em>or</em> one of its comparisons on
 * that environment is open. A cell named in no comparison under a rule without a precision target
 * gets {@code min} seeds.
 *
 * <p><b>Determinism.</b> {@link dev.ablate4j.adaptive.Rounds#decide} replays the rounds from the
 * finished results alone, so the next round is the same for every process and after any crash;
 * the statistics at look k use seeds 0 .. looks[k] − 1 only. A run counts as finished when it is
 * done or recorded as diverged. Its final return enters the statistics exactly when the report
 * would use it: diverged (and otherwise left-out) runs use up their seed and contribute no value,
 * and the information fractions stay the planned ones. A run that failed (crashed) is not finished:
 * the round waits for it ({@code matrix --retry-failed}).
 *
 * <p><b>Files.</b> {@code matrix} writes {@link dev.ablate4j.adaptive.RuleFile} into
 * {@code DIR/<spec>/adaptive.json} so the report can replay the rounds without the spec file.
 */
package dev.ablate4j.adaptive;
