package dev.ablate4j.results;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Where runs stand in a results tree. A matrix writes each run to
 * {@code <spec>/<cell>/<env>/seed-<n>/}; {@code train --out} writes one anywhere. This class spells
 * the {@code seed-<n>} name and finds the run directories below a root for every reader of results
 * (report, TensorBoard export, merge), as {@link RunFiles} spells the files inside a run.
 */
public final class RunDirs {

    /** The name of a seed's directory: {@code seed-<n>}. */
    public static final Pattern SEED_NAME = Pattern.compile("seed-[0-9]+");

    private static final String SEED_PREFIX = "seed-";

    private RunDirs() {}

    /** {@code seed-<seed>}. */
    public static String seedName(long seed) {
        return SEED_PREFIX + seed;
    }

    /** Whether {@code dir} is named {@code seed-<n>}. */
    public static boolean isSeedDir(Path dir) {
        return dir.getFileName() != null && SEED_NAME.matcher(dir.getFileName().toString()).matches();
    }

    /** The seed a {@code seed-<n>} directory names, or -1 for any other name (or an n beyond a long). */
    public static long seedOf(Path dir) {
        if (!isSeedDir(dir)) {
            return -1;
        }
        try {
            return Long.parseLong(dir.getFileName().toString().substring(SEED_PREFIX.length()));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /**
     * The run directories below {@code root} (root itself included), sorted by path: every
     * {@code seed-<n>} directory and every directory holding a {@code config.json}. A directory
     * inside a run directory is part of that run, not a run of its own. Symbolic links are followed
     * (a linked results root, a linked cell directory), as {@code matrix} and {@code merge} follow
     * them; a link back to a directory above it is not followed again (no cycles).
     */
    public static List<Path> under(Path root) throws IOException {
        List<Path> candidates = new ArrayList<>();
        Files.walkFileTree(root, java.util.EnumSet.of(java.nio.file.FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE,
                new java.nio.file.SimpleFileVisitor<>() {
                    @Override
                    public java.nio.file.FileVisitResult preVisitDirectory(Path d,
                            java.nio.file.attribute.BasicFileAttributes attrs) {
                        if (isSeedDir(d) || Files.isRegularFile(d.resolve(RunFiles.CONFIG))) {
                            candidates.add(d);
                        }
                        return java.nio.file.FileVisitResult.CONTINUE;
                    }

                    @Override
                    public java.nio.file.FileVisitResult visitFileFailed(Path f, IOException e) throws IOException {
                        if (e instanceof java.nio.file.FileSystemLoopException) {
                            return java.nio.file.FileVisitResult.CONTINUE; // a link back to a directory above
                        }
                        throw e;
                    }
                });
        candidates.sort(Comparator.comparing(Path::toString));
        List<Path> runs = new ArrayList<>();
        for (Path candidate : candidates) {
            if (runs.stream().noneMatch(candidate::startsWith)) {
                runs.add(candidate);
            }
        }
        return runs;
    }

    /** How messages name {@code dir}: {@code root} as the user gave it, then the path below it, with '/'. */
    public static String shown(Path root, Path dir) {
        String below = root.relativize(dir).toString().replace('\\', '/');
        String start = root.toString().replace('\\', '/');
        if (below.isEmpty()) {
            return start;
        }
        return start.endsWith("/") ? start + below : start + "/" + below;
    }
}
