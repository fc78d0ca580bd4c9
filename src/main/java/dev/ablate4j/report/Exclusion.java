package dev.ablate4j.report;

/** A run directory the report left out, and why. */
public record Exclusion(String path, String reason) {}
