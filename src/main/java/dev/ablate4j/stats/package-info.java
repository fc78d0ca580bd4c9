/**
 * Statistics for ablation results: pure functions on {@code double[]} samples, no I/O, no clocks.
 *
 * <p>Conventions a user should know:
 * <ul>
 *   <li>Standard deviations are sample standard deviations (n − 1 in the denominator).</li>
 *   <li>Quantiles and medians interpolate linearly between order statistics (numpy's default).</li>
 *   <li>The IQM is the 25% trimmed mean of {@code scipy.stats.trim_mean(x, 0.25)}: sort, drop
 *       {@code floor(0.25 n)} values from each end, average the rest.</li>
 *   <li>Intervals: {@link dev.ablate4j.stats.Intervals} is the one place that computes the interval
 *       of every statistic a report, {@code compare} or the adaptive rules print, by an
 *       {@link dev.ablate4j.stats.IntervalMethod} ({@code t}, {@code bootstrap-t}, {@code percentile},
 *       {@code bca}). The default {@code t} was chosen by measured coverage
 *       ({@link dev.ablate4j.stats.CoverageStudy}, {@code docs/statistics.md}): Student-t for a mean,
 *       Welch-t with Welch–Satterthwaite df for a difference of means ({@link dev.ablate4j.stats.TIntervals},
 *       checked against scipy), t on the cell structure for factorial effects
 *       ({@link dev.ablate4j.stats.FactorialEffects#tIntervals}); IQM, P(improve) and stratified
 *       statistics (aggregate IQM, profiles, AAI/ACLI) stay percentile bootstrap (BCa for an IQM under
 *       {@code bca}). At n = 5 the percentile bootstrap of a mean covers ~84% of normal data, Student-t
 *       95%.</li>
 *   <li>No zero-width interval: fewer than two values, no spread, or identical resamples give NaN
 *       bounds ({@link dev.ablate4j.stats.Intervals#shown}), which tables print as "n/a".</li>
 *   <li>Bootstrap intervals are drawn with a {@link java.util.SplittableRandom} the caller passes in
 *       (see {@link dev.ablate4j.stats.Seeds} to derive one per statistic from a master seed), so the
 *       same inputs and seed always give the same interval. Percentile intervals take numpy's linear
 *       percentile of the resampled statistics; BCa follows scipy.stats.bootstrap (bias from the
 *       fraction of resampled statistics strictly below the estimate, acceleration from the
 *       jackknife).</li>
 *   <li>Mann–Whitney U is the U of the first sample; its two-sided p-value is the normal approximation
 *       with tie and continuity correction (scipy's {@code method="asymptotic"}).</li>
 *   <li>Probability of improvement is P(X &gt; Y) + ½ P(X = Y) over all pairs.</li>
 *   <li>Factorial effects are contrasts of pooled means: a main effect is mean(on) − mean(off) over all
 *       runs regardless of the other factors; a two-way interaction is
 *       ½[(μ₁₁ − μ₀₁) − (μ₁₀ − μ₀₀)], so both live on the same scale as in a 2^k design. Their t
 *       intervals weigh each config's own variance (an unequal-variance ANOVA contrast); a
 *       bootstrap within configs is too narrow by √((n − 1)/n) at n runs per config.</li>
 *   <li>Power analysis uses the exact noncentral-t power of a two-sided two-sample t-test with equal
 *       group sizes, at the observed Hedges' g.</li>
 *   <li>Performance profiles count runs with a score ≥ τ (the paper's "fraction of agents with final
 *       reward ≥ x"), averaged over strata so every environment weighs the same.</li>
 *   <li>TOST ({@link dev.ablate4j.stats.Tost}) is two one-sided Welch t-tests; equivalence within ±m
 *       at α when both reject, i.e. the (1 − 2α) Welch interval lies inside (−m, m). Monte-Carlo
 *       rates carry 95% Wilson intervals. Simulations draw normals by Box–Muller with StrictMath.</li>
 *   <li>Degenerate inputs (too few values) give {@code NaN}, never an exception, so a report can show
 *       "n/a" and carry on.</li>
 * </ul>
 */
package dev.ablate4j.stats;
