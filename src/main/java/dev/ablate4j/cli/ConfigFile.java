package dev.ablate4j.cli;

import dev.ablate4j.config.TrainConfig;
import java.nio.file.Path;

/**
 * {@code train --config FILE}: a run's {@code config.json} read back into a {@link TrainConfig}, as
 * strictly as {@link UserJson} reads user files (UTF-8, each key once, nothing after the object).
 */
final class ConfigFile {

    private ConfigFile() {}

    static TrainConfig read(Path file) {
        String where = "--config " + file + ": ";
        return TrainConfig.fromJson(UserJson.readObject(file, where, "a config.json"), where);
    }
}
