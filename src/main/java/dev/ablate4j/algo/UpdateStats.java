package dev.ablate4j.algo;

/** What a policy step reports: its mean loss and the mean global norm of its policy gradients (before any clipping). */
public record UpdateStats(double policyLoss, double gradNorm) {}
