package dev.ablate4j.report;

import java.util.Map;

/**
 * A configuration compared in the report: the runs of one matrix cell (all its environments and
 * seeds), or, for trees without {@code cell.json}, the runs whose configs agree except for seed and
 * environment.
 *
 * @param key     unique key: {@code spec/cell-id} for matrix cells, otherwise the label
 * @param spec    spec name from {@code cell.json}, or "" when none
 * @param id      cell id from {@code cell.json}, or the label
 * @param label   short legend, e.g. {@code ppo -value-clip}; unique within a report
 * @param config  config values shared by every run of the cell (seed and env left out)
 * @param factors the factors from {@code cell.json} (empty when none)
 */
public record ResultCell(
        String key, String spec, String id, String label, Map<String, Object> config, Map<String, Object> factors) {

    /** The preset named in the config ({@code preset}, else {@code algo}), or "". */
    public String preset() {
        Object p = config.getOrDefault("preset", config.get("algo"));
        return p == null ? "" : p.toString();
    }
}
