package dev.ablate4j.cli;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ablate4j.config.TrainConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** {@code train --config FILE}: a run's {@code config.json} read back into a {@link TrainConfig}. */
final class ConfigFile {

    /** Larger than any config.json (about 1.5 kB); a bigger file is not one. */
    static final long MAX_BYTES = 1 << 20;
    private static final ObjectMapper JSON = new ObjectMapper();

    private ConfigFile() {}

    @SuppressWarnings("unchecked")
    static TrainConfig read(Path file) {
        String where = "--config " + file + ": ";
        Object json;
        try {
            if (!Files.isRegularFile(file)) {
                throw new BadInputException(where + "no such file");
            }
            if (Files.size(file) > MAX_BYTES) {
                throw new BadInputException(where + "larger than " + MAX_BYTES + " bytes; not a config.json");
            }
            json = JSON.readValue(file.toFile(), Object.class);
        } catch (JacksonException e) {
            String at = e.getLocation() == null ? "" : "line " + e.getLocation().getLineNr() + ": ";
            throw new BadInputException(where + at + "not JSON (" + e.getOriginalMessage().lines().findFirst()
                    .orElse("") + ")");
        } catch (IOException e) {
            throw new BadInputException(where + "cannot read (" + RunDirectory.reason(e) + ")");
        }
        if (!(json instanceof Map)) {
            throw new BadInputException(where + "a config.json is a JSON object of keys, not this");
        }
        return TrainConfig.fromJson((Map<String, ?>) json, where);
    }
}
