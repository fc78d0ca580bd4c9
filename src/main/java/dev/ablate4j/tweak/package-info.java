/**
 * The code-level optimizations of Engstrom et al. (2020) as data: {@link dev.ablate4j.tweak.Optimization}
 * names each one once (flag, spec key, results column, legend, whether it is on by default).
 */
package dev.ablate4j.tweak;
