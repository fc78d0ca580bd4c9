package dev.ablate4j.results;

import dev.ablate4j.config.Keys;
import dev.ablate4j.config.StepsRounding;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

/**
 * {@code config.json} as read back: the fully resolved config a run was trained with, one key per
 * {@link Keys} entry (their CLI names), written by {@code train} and {@code matrix} before the run's
 * first iteration. A typed view over the stored object: the keys every reader asks for have typed
 * accessors; any other value is in {@link #values()} as the JSON gave it. Files written by older
 * versions or other tools may lack any key, so every accessor may answer null.
 *
 * @param values the stored object (keys sorted when read by {@link #read})
 */
public record ConfigFile(Map<String, Object> values) {

    /**
     * Keys a {@code config.json} may hold (from older or foreign tools) that never distinguish
     * configurations: seed and env, outputs, threads, logging. The report and the TensorBoard export
     * leave them out of what tells configs apart.
     */
    public static final Set<String> NOT_CONFIG = Set.of("seed", "env", "out", "output", "results", "results-dir",
            "threads", "progress", "quiet", "verbose", "resume", "checkpoint-every", "shard");

    /** The environment id, or null. */
    public String env() {
        Object env = values.get(Keys.ENV.name());
        return env == null ? null : env.toString();
    }

    /** The seed, or null when the file records none. */
    public Long seed() {
        return values.get(Keys.SEED.name()) instanceof Number n ? n.longValue() : null;
    }

    /** The step budget, or null. */
    public Long steps() {
        return values.get(Keys.STEPS.name()) instanceof Number n ? n.longValue() : null;
    }

    /**
     * How many iterations (metrics.csv rows) the run trains: ceil(steps / rollout-steps), or the floor
     * with {@code steps-rounding down} (as {@code TrainConfig#iterations}); null when the file does not
     * record both numbers.
     */
    public Long iterations() {
        Long t = rolloutSteps();
        if (steps() != null && t != null) {
            boolean down = StepsRounding.DOWN.word().equals(values.get(Keys.STEPS_ROUNDING.name()));
            return down ? steps() / t : (steps() + t - 1) / t;
        }
        return null;
    }

    /**
     * The environment steps the run trains: {@link #iterations()} whole rollouts of
     * {@code rollout-steps} each, which differs from {@link #steps()} when the budget is not a whole
     * number of iterations; null when the file does not record both numbers.
     */
    public Long trainedSteps() {
        Long iterations = iterations();
        return iterations == null ? null : iterations * rolloutSteps();
    }

    /** Environment steps per iteration, or null when not recorded (or not positive). */
    public Long rolloutSteps() {
        return values.get(Keys.ROLLOUT_STEPS.name()) instanceof Number n && n.longValue() > 0 ? n.longValue() : null;
    }

    /** Every how many iterations the trust region is logged, or null when not recorded (or not positive). */
    public Long trustRegionEvery() {
        return values.get(Keys.TR_LOG_EVERY.name()) instanceof Number n && n.longValue() > 0 ? n.longValue() : null;
    }

    /** Where a run directory's {@code config.json} is. */
    public static Path file(Path runDir) {
        return runDir.resolve(RunFiles.CONFIG);
    }

    /** Whether {@code runDir} holds a {@code config.json}. */
    public static boolean exists(Path runDir) {
        return Files.isRegularFile(file(runDir));
    }

    /** Writes {@code config.json} (a resolved config's JSON object, in its key order) into {@code runDir}, atomically. */
    public static void write(Path runDir, Map<String, ?> json) {
        AtomicFiles.writeJson(file(runDir), json);
    }

    /**
     * The stored object in file order, or null when {@code runDir} has no {@code config.json};
     * UncheckedIOException when it is unreadable. For comparing a directory with a config to train.
     */
    public static Map<String, Object> stored(Path runDir) {
        return exists(runDir) ? AtomicFiles.readJson(file(runDir)) : null;
    }

    /**
     * Reads {@code runDir}'s {@code config.json}, keys sorted (NaN and Infinity accepted); a file that
     * is not a JSON object is a CorruptFileException naming it below {@code shown}.
     */
    public static ConfigFile read(Path runDir, String shown) throws CorruptFileException, IOException {
        return new ConfigFile(JsonObjects.read(file(runDir), shown + "/" + RunFiles.CONFIG));
    }

    /** The stored object, or null when absent or unreadable (the tolerant read of the integrity check). */
    static ConfigFile lenient(Path runDir) {
        Map<String, Object> m = LenientJson.object(file(runDir));
        return m == null ? null : new ConfigFile(m);
    }
}
