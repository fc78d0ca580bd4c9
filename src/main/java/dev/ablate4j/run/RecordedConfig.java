package dev.ablate4j.run;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.ablate4j.config.TrainConfig;
import dev.ablate4j.results.AtomicFiles;
import dev.ablate4j.results.ConfigFile;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Whether a run directory holds a given config: the one check behind {@code train} (resume only the
 * same run; refuse {@code --out} holding another), {@code matrix} (a results directory written for
 * another config is refused; only the identical run of another spec is reused) and
 * {@link RunDriver#runOrResume}.
 *
 * <p>A {@code config.json} holds the config when it resolves to equal values
 * ({@link TrainConfig#matches}), so a file written before a key existed still holds it while the key
 * has its legacy value. The callers word what a verdict means for them.
 *
 * @param verdict what the directory's {@code config.json} says
 * @param file the {@code config.json} looked at
 * @param recorded for {@link Verdict#DIFFERENT}, the file's content (else null)
 * @param unreadable for {@link Verdict#UNREADABLE}, why it could not be read (else null)
 */
public record RecordedConfig(Verdict verdict, Path file, Map<String, Object> recorded, RuntimeException unreadable) {

    /** What a run directory's {@code config.json} says about a config. */
    public enum Verdict {
        /** No {@code config.json} (nothing written yet, or not a run). */
        ABSENT,
        /** A {@code config.json} that cannot be read as JSON. */
        UNREADABLE,
        /** The same config. */
        SAME,
        /** Another config. */
        DIFFERENT
    }

    /** Looks at {@code dir}'s {@code config.json}. */
    public static RecordedConfig in(Path dir, TrainConfig config) {
        Path file = ConfigFile.file(dir);
        if (!Files.isRegularFile(file)) {
            return new RecordedConfig(Verdict.ABSENT, file, null, null);
        }
        Map<String, Object> existing;
        try {
            existing = AtomicFiles.readJson(file);
        } catch (UncheckedIOException e) {
            return new RecordedConfig(Verdict.UNREADABLE, file, null, e);
        }
        return config.matches(existing) ? new RecordedConfig(Verdict.SAME, file, null, null)
                : new RecordedConfig(Verdict.DIFFERENT, file, existing, null);
    }

    /** Whether the directory holds exactly this config. */
    public boolean holds() {
        return verdict == Verdict.SAME;
    }

    /** Whether nothing in the directory contradicts the config: no {@code config.json}, or the same one. */
    public boolean compatible() {
        return verdict == Verdict.ABSENT || verdict == Verdict.SAME;
    }

    /**
     * {@code config} as its {@code config.json} would read back (the value types a file read gives),
     * to compare with {@link #recorded}.
     */
    public static Map<String, Object> asRead(TrainConfig config) throws JsonProcessingException {
        @SuppressWarnings("unchecked")
        Map<String, Object> m = AtomicFiles.JSON.readValue(AtomicFiles.JSON.writeValueAsString(config.toJson()),
                Map.class);
        return m;
    }
}
