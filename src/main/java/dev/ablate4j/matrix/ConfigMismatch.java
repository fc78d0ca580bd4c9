package dev.ablate4j.matrix;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.ablate4j.config.ConfigDiff;
import dev.ablate4j.config.TrainConfig;
import dev.ablate4j.run.RecordedConfig;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** The matrix's wording of a run directory written for another config ({@link RecordedConfig}). */
final class ConfigMismatch {

    private ConfigMismatch() {}

    /**
     * A message if {@code dir} holds a config.json different from {@code config} (or unreadable), else
     * null. Files written before a key existed match when the key holds its legacy value.
     */
    static String of(Path dir, TrainConfig config) {
        RecordedConfig found = RecordedConfig.in(dir, config);
        try {
            return switch (found.verdict()) {
                case ABSENT, SAME -> null;
                case UNREADABLE -> unreadable(found.file(), found.unreadable());
                case DIFFERENT -> found.file() + " was written for a different config (" + String.join(", ",
                        differences(found.recorded(), RecordedConfig.asRead(config))) + ")";
            };
        } catch (JsonProcessingException e) {
            return unreadable(found.file(), e);
        }
    }

    private static String unreadable(Path file, Exception e) {
        return file + " is unreadable (" + OneLine.of(e) + ")";
    }

    /**
     * The keys whose values differ ({@code "key old -> new"}, in key order, the preset first), a key
     * missing from a file read as its legacy value.
     */
    static List<String> differences(Map<String, Object> a, Map<String, Object> b) {
        List<String> keys = new ArrayList<>();
        for (ConfigDiff.Difference d : ConfigDiff.between(ConfigDiff.keyNames(), a, b,
                ConfigDiff.Reading.withLegacyValues(v -> Objects.toString(v, null)))) {
            keys.add(d.key() + " " + d.left() + " -> " + d.right());
        }
        Object pa = a.get(TrainConfig.PRESET_KEY);
        Object pb = b.get(TrainConfig.PRESET_KEY);
        if (pa != null && !pa.equals(pb)) {
            keys.add(0, "preset " + pa + " -> " + pb);
        }
        return keys;
    }
}
