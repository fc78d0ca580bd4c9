package dev.ablate4j.report;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * The report's output directory, replaced as a whole: every file is written into a hidden sibling
 * staging directory, which is then renamed into place (the old directory is renamed aside first and
 * deleted after). A crash or a full disk therefore leaves either the old report or the new one,
 * never new PNGs beside an old PDF or a truncated chart. Entries of the old directory that the
 * report does not write (such as the {@code results/} the committed reports keep beside their
 * files) are moved into the staging directory before the swap, so they survive it.
 */
final class ReportOutput {

    private ReportOutput() {}

    /** Checks {@code out} and creates the staging directory next to it; bad paths are {@link ReportInputException}s. */
    static Path stage(Path out) {
        if (out.toString().isBlank()) {
            throw new ReportInputException("--out: the path is empty; name the report directory");
        }
        if (Files.exists(out) && !Files.isDirectory(out)) {
            throw new ReportInputException("--out " + out + ": is a file, not a directory");
        }
        Path parent = out.toAbsolutePath().getParent();
        if (parent == null) {
            throw new ReportInputException("--out " + out + ": cannot be the root directory");
        }
        Path staging = parent.resolve("." + out.getFileName() + ".report-" + UUID.randomUUID());
        try {
            Files.createDirectories(parent);
            Files.createDirectory(staging);
        } catch (IOException e) {
            throw new ReportInputException("--out " + out + ": cannot write next to it in " + parent + " ("
                    + reason(e) + ")");
        }
        return staging;
    }

    /** Moves the old directory's other entries into {@code staging}, then swaps {@code staging} into place. */
    static void commit(Path staging, Path out) throws IOException {
        Path old = null;
        if (Files.isDirectory(out)) {
            for (Path entry : list(out)) {
                if (!isReportFile(entry.getFileName().toString()) && !Files.exists(staging.resolve(entry.getFileName()))) {
                    Files.move(entry, staging.resolve(entry.getFileName()), StandardCopyOption.ATOMIC_MOVE);
                }
            }
            old = staging.resolveSibling("." + out.getFileName() + ".old-" + UUID.randomUUID());
            Files.move(out, old, StandardCopyOption.ATOMIC_MOVE);
        }
        Files.move(staging, out, StandardCopyOption.ATOMIC_MOVE);
        if (old != null) {
            delete(old);
        }
    }

    /** Removes the staging directory after a failure (the old report stays as it was). */
    static void discard(Path staging) {
        try {
            if (Files.exists(staging)) {
                delete(staging);
            }
        } catch (IOException e) {
            // best effort: a hidden leftover directory, named .<out>.report-<uuid>
        }
    }

    /** Files the report writes: report.pdf, report.md, summary.csv and the PNG charts. */
    static boolean isReportFile(String name) {
        return name.equals("report.pdf") || name.equals("report.md") || name.equals("summary.csv")
                || name.endsWith(".png");
    }

    private static List<Path> list(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.sorted().toList();
        }
    }

    private static void delete(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    private static String reason(IOException e) {
        if (e instanceof FileSystemException f && f.getReason() != null) {
            return f.getReason();
        }
        return e.getClass().getSimpleName().replace("Exception", "");
    }
}
