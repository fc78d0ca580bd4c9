/**
 * Run configuration as data. {@link dev.ablate4j.config.Keys} lists every key once (name = CLI flag
 * without dashes = spec-file key = {@code config.json} key), {@link dev.ablate4j.config.Preset} holds
 * the paper's presets, and {@link dev.ablate4j.config.TrainConfig} is a resolved, checked
 * configuration. Resolution order: preset, then overrides (spec base, factors, per-env overrides,
 * CLI flags), each checked as it is applied, so a bad value is reported with its key.
 */
package dev.ablate4j.config;
