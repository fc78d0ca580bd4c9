/**
 * The code-level optimizations of Engstrom et al. (2020) as data: {@link dev.ablate4j.tweak.Optimization}
 * names each one once (flag, spec key, results column, legend); {@link dev.ablate4j.tweak.OptimizationSet}
 * is an immutable set of those switched on.
 */
package dev.ablate4j.tweak;
