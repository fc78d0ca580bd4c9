/**
 * TRPO's policy step ({@link dev.ablate4j.algo.trpo.TrpoUpdate}): conjugate gradient on exact
 * Fisher-vector products, step to the trust-region boundary, backtracking line search. As in the
 * paper's code the curvature s'Fs that sets the step length uses the damped operator, and gradient
 * clipping (optimization 9) applies to TRPO's value network only: the policy step is already
 * normalized by the trust region.
 */
package dev.ablate4j.algo.trpo;
