package dev.ablate4j.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The check {@code train} makes of {@code --out}, for every other command that writes a directory
 * ({@code matrix --results}, {@code merge --into}, {@code tensorboard --out}, {@code --tensorboard}):
 * a path that is a file, lies below a regular file, or cannot be written (a read-only directory or
 * mount, {@code /proc}) is bad input in one line naming the flag and the reason, found before the
 * command writes anything.
 */
final class OutputPath {

    private OutputPath() {}

    /**
     * Checks that {@code dir} (given as {@code flag}) is or can become a writable directory.
     * Directories missing on the way are not created; the nearest existing ancestor must take a new
     * entry (a probe file, deleted at once).
     */
    static void check(String flag, Path dir) {
        if (dir.toString().isBlank()) {
            throw new BadInputException(flag + ": the path is empty; name a directory");
        }
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new BadInputException(flag + " " + dir + ": is a file, not a directory");
        }
        Path existing = null;
        for (Path p = dir.toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.exists(p)) {
                if (!Files.isDirectory(p)) {
                    throw new BadInputException(flag + " " + dir + ": " + p + " is a file, not a directory");
                }
                if (existing == null) {
                    existing = p;
                }
            }
        }
        if (existing == null) {
            return;
        }
        try {
            Path probe = Files.createTempFile(existing, ".write-test", ".tmp");
            Files.delete(probe);
        } catch (IOException e) {
            throw new BadInputException(flag + " " + dir + ": cannot write there (" + existing + ": "
                    + RunDirectory.reason(e) + ")");
        }
    }
}
