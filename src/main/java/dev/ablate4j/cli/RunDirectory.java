package dev.ablate4j.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.ablate4j.config.ConfigDiff;
import dev.ablate4j.config.Keys;
import dev.ablate4j.config.TrainConfig;
import dev.ablate4j.results.AtomicFiles;
import dev.ablate4j.results.RunFiles;
import dev.ablate4j.results.RunIntegrity;
import dev.ablate4j.run.RecordedConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * What {@code train} does with its {@code --out} directory, decided before anything is written:
 * a missing or empty directory gets a fresh run; a finished run of the identical config is
 * skipped, unless its files fail {@link RunIntegrity#finished} (refused with the reason; {@code --force}
 * retrains); an unfinished one of the identical config resumes from its checkpoint (as {@code matrix}
 * does; a checkpoint its CSV files are shorter than is refused, {@link RunIntegrity#resumable});
 * a different run, or files that are not a run's, are refused unless {@code --force}, which
 * replaces the run files and leaves any other file alone.
 */
final class RunDirectory {

    /** What to do. */
    enum Action { TRAIN, RESUME, SKIP }

    /** The files a run directory may hold (the run's own, and their temporary siblings). */
    static final Set<String> RUN_FILES = Set.of(RunFiles.CONFIG, RunFiles.PROVENANCE, RunFiles.METRICS,
            RunFiles.EPISODES, RunFiles.TRUST_REGION, RunFiles.TIMING, RunFiles.CHECKPOINT, RunFiles.DONE,
            RunFiles.POLICY, RunFiles.EVAL, RunFiles.EVAL_SETTINGS);

    /** The claim of the process training in the directory ({@code matrix}'s RunLocks), and its siblings. */
    private static final String LOCK = dev.ablate4j.matrix.MatrixFiles.LOCK;

    /** Prefix of the empty file that checks --out is writable (deleted at once). */
    private static final String PROBE = ".write-test";

    private RunDirectory() {}

    /** Checks {@code out} for {@code config}; throws {@link BadInputException} when it must be refused. */
    static Action decide(Path out, TrainConfig config, boolean force) {
        if (out.toString().isBlank()) {
            throw new BadInputException("--out: the path is empty; name a run directory");
        }
        if (Files.exists(out) && !Files.isDirectory(out)) {
            throw new BadInputException("--out " + out + ": is a file, not a directory");
        }
        for (Path p = out.toAbsolutePath().getParent(); p != null; p = p.getParent()) {
            if (Files.exists(p) && !Files.isDirectory(p)) {
                throw new BadInputException("--out " + out + ": " + p + " is a file, not a directory");
            }
        }
        if (!Files.isDirectory(out)) {
            return Action.TRAIN;
        }
        List<String> entries = entries(out).stream().filter(n -> !n.equals(LOCK) && !n.startsWith(LOCK + "."))
                .toList();
        if (entries.isEmpty()) {
            return Action.TRAIN;
        }
        List<String> foreign = entries.stream().filter(n -> !isRunFile(n)).toList();
        if (!foreign.isEmpty() && !force) {
            throw new BadInputException("--out " + out + ": holds files that are not a run's (" + names(foreign)
                    + "); choose another --out, or add --force to train into it (run files replaced, others kept)");
        }
        RecordedConfig recorded = RecordedConfig.in(out, config);
        String difference = switch (recorded.verdict()) {
            case ABSENT -> "a run without config.json (" + names(entries) + ")";
            case UNREADABLE -> "its config.json is unreadable";
            case SAME -> null;
            case DIFFERENT -> difference(recorded.recorded(), config);
        };
        if (difference != null) {
            if (force) {
                return Action.TRAIN;
            }
            throw new BadInputException("--out " + out + ": holds a different run (" + difference
                    + "); choose another --out, or add --force to replace it");
        }
        if (force) {
            return Action.TRAIN;
        }
        if (RunFiles.isDone(out)) {
            String damaged = RunIntegrity.finished(out).reason();
            if (damaged != null) {
                throw new BadInputException("--out " + out + ": holds this config's finished run, but its files are"
                        + " damaged (" + damaged + "); add --force to retrain it");
            }
            return Action.SKIP;
        }
        String stuck = RunIntegrity.resumable(out).reason();
        if (stuck != null) {
            throw new BadInputException("--out " + out + ": holds this config's unfinished run, but " + stuck
                    + "; add --force to retrain it from the start");
        }
        return Action.RESUME;
    }

    /**
     * Creates {@code out} and checks that files can be written there; a path that cannot be used
     * ({@code /proc/x}, a read-only mount) is bad input, named with the reason.
     */
    static void prepare(Path out, Action action) {
        try {
            Files.createDirectories(out);
            Path probe = Files.createTempFile(out, PROBE, ".tmp");
            Files.delete(probe);
        } catch (IOException e) {
            throw new BadInputException("--out " + out + ": cannot write there (" + reason(e) + ")");
        }
        if (action == Action.TRAIN) {
            try {
                for (String name : RUN_FILES) {
                    Files.deleteIfExists(out.resolve(name));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    static String reason(IOException e) {
        if (e instanceof FileSystemException f && f.getReason() != null) {
            return f.getReason();
        }
        if (e instanceof java.nio.file.NoSuchFileException) {
            return "no such file or directory";
        }
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied";
        }
        String type = e.getClass().getSimpleName().replace("Exception", "");
        return type.isEmpty() ? String.valueOf(e.getMessage()) : type;
    }

    private static boolean isRunFile(String name) {
        return RUN_FILES.contains(name) || name.startsWith(PROBE) || name.endsWith(".tmp")
                && RUN_FILES.contains(name.substring(0, name.length() - 4));
    }

    private static List<String> entries(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new BadInputException("--out " + dir + ": cannot list it (" + reason(e) + ")");
        }
    }

    private static String names(List<String> names) {
        return names.size() <= 3 ? String.join(", ", names)
                : String.join(", ", names.subList(0, 3)) + " and " + (names.size() - 3) + " more";
    }

    /**
     * The first keys on which {@code there} (a config.json that does not hold {@code config}) differs
     * ("seed 1, not 2"); a key added later counts with its legacy value. Null when none differs.
     */
    private static String difference(Map<String, Object> there, TrainConfig config) {
        Map<String, Object> want = config.toJson();
        List<String> keys = new ArrayList<>();
        for (ConfigDiff.Difference d : ConfigDiff.between(want.keySet(), there, want,
                ConfigDiff.Reading.withLegacyValues(RunDirectory::text))) {
            keys.add(d.key() + " " + d.left() + ", not " + d.right());
        }
        for (String key : there.keySet()) {
            if (!want.containsKey(key)) {
                keys.add("unknown key " + key);
            }
        }
        if (keys.isEmpty()) {
            return null;
        }
        return String.join("; ", keys.size() <= 3 ? keys : keys.subList(0, 3))
                + (keys.size() > 3 ? "; and " + (keys.size() - 3) + " more" : "");
    }

    private static String text(Object v) {
        if (v == null) {
            return "missing";
        }
        try {
            return AtomicFiles.JSON.writeValueAsString(v).replace("\"", "");
        } catch (JsonProcessingException e) {
            return String.valueOf(v);
        }
    }

    /** For messages: the seed and env of a config. */
    static String describe(TrainConfig config) {
        return config.get(Keys.ENV) + " seed " + config.get(Keys.SEED);
    }
}
