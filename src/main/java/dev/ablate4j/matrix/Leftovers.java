package dev.ablate4j.matrix;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Temporary files and directories that a kill or a full disk leaves behind, removed by the next
 * command that works there; only stale ones, so a concurrent matrix loses nothing:
 * <ul>
 * <li>in a run directory just claimed ({@link RunLocks}): a run file's temporary sibling
 *     ({@code metrics.csv.tmp}, {@code failure.json.tmp}; only the claim's holder writes those, so any
 *     present now is a dead writer's), and a lock's temporary ({@code LOCK.<token>.tmp}) whose owner is
 *     gone: its process dead on this machine, or, from another machine, older than the fresh
 *     {@code LOCK} by more than the stale time (both times from the filesystem's clock);</li>
 * <li>below a merge target: the staging directories of {@link Merger} ({@code .seed-0.merge-<pid>-<uuid>},
 *     {@code .seed-0.old-<pid>-<uuid>}) whose process is no longer running on this machine (merging
 *     into one directory from two machines at once is not supported), and unnamed ones older than an
 *     hour.</li>
 * </ul>
 */
final class Leftovers {

    private static final Pattern STAGING = Pattern.compile("\\..+\\.(merge|old)-(?:([0-9]+)-)?[0-9a-f-]{36}");
    private static final long UNNAMED_STAGING_MILLIS = 3_600_000L;

    private Leftovers() {}

    /** A staging directory's name for {@code runDir}'s final name: {@code .<name>.<kind>-<pid>-<uuid>}. */
    static Path stagingFor(Path to, String kind) {
        return to.resolveSibling("." + to.getFileName() + "." + kind + "-" + ProcessHandle.current().pid() + "-"
                + UUID.randomUUID());
    }

    /** Clears the stale temporaries of a run directory that {@code me} has just claimed. */
    static void clearRunTemps(Path runDir, Owner me, long staleAfterNanos) {
        Path lock = runDir.resolve(MatrixFiles.LOCK);
        for (Path p : list(runDir)) {
            String name = p.getFileName().toString();
            if (!name.endsWith(".tmp") || !Files.isRegularFile(p) || name.startsWith(".")) {
                continue;
            }
            if (!name.startsWith(MatrixFiles.LOCK)) {
                delete(p);
            } else if (!name.contains(me.token()) && lockTempStale(p, lock, me, staleAfterNanos)) {
                delete(p);
            }
        }
    }

    private static boolean lockTempStale(Path tmp, Path lock, Owner me, long staleAfterNanos) {
        Owner writer = RunLocks.parse(RunLocks.read(tmp));
        if (writer != null && me.sameMachine(writer)) {
            return !me.aliveHere(writer);
        }
        try {
            FileTime now = Files.getLastModifiedTime(lock);
            return now.toMillis() - Files.getLastModifiedTime(tmp).toMillis() > staleAfterNanos / 1_000_000;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** Clears the stale staging directories of earlier merges below {@code into}. */
    static void clearMergeStaging(Path into) {
        if (!Files.isDirectory(into)) {
            return;
        }
        long now = System.currentTimeMillis();
        try (Stream<Path> s = Files.find(into, 4, (p, a) -> a.isDirectory()
                && STAGING.matcher(p.getFileName().toString()).matches())) {
            for (Path dir : s.toList()) {
                Matcher m = STAGING.matcher(dir.getFileName().toString());
                if (!m.matches()) {
                    continue;
                }
                boolean stale = m.group(2) != null
                        ? ProcessHandle.of(Long.parseLong(m.group(2))).map(h -> !h.isAlive()).orElse(true)
                        : now - Files.getLastModifiedTime(dir).toMillis() > UNNAMED_STAGING_MILLIS;
                if (stale) {
                    deleteTree(dir);
                }
            }
        } catch (IOException | RuntimeException e) {
            // what cannot be listed or removed now stays for a later merge
        }
    }

    private static List<Path> list(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    private static void delete(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException e) {
            // stays for a later claim
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
