package dev.ablate4j.matrix;

import dev.ablate4j.config.TrainConfig;
import java.util.List;
import java.util.Map;

/**
 * One configuration of a spec: a preset plus the base, this cell's factor values and the
 * overrides that apply to it regardless of environment.
 *
 * @param id {@link CellId} of {@link #config}
 * @param preset the cell's preset id
 * @param label a short legend: the preset and what differs from the spec's base, e.g.
 *     {@code "ppo, no value clipping"} or {@code "ppo, +gradient clipping, policy-lr 0.0001"}
 * @param factors every factor's value in this cell (config-JSON style: booleans, numbers, strings)
 * @param varied the factors whose value differs from the base (empty for the base cell)
 * @param values raw overrides before conditional overrides: base then factor values
 * @param plain the config resolved from {@link #values} alone; conditions are evaluated against it
 * @param config the cell's resolved config (with the env-independent overrides); its env is the
 *     preset's placeholder and its seed 0 — neither is part of the cell
 */
public record Cell(String id, String preset, String label, Map<String, Object> factors, List<String> varied,
        Map<String, Object> values, TrainConfig plain, TrainConfig config) {

    /** Env steps one run of this cell takes (whole iterations). */
    public long steps() {
        return (long) config.iterations() * config.get(dev.ablate4j.config.Keys.ROLLOUT_STEPS);
    }
}
