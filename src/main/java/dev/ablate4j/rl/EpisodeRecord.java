package dev.ablate4j.rl;

/** A finished episode: its return in the environment's true reward, its length, and the run's env-step count at its end. */
public record EpisodeRecord(double totalReward, int length, long envSteps) {}
