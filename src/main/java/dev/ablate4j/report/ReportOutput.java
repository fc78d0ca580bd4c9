package dev.ablate4j.report;

import dev.ablate4j.results.ReportFiles;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.function.LongPredicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The report's output directory, replaced as a whole, crash-safe for what it carries over.
 *
 * <p>Every file is written into a hidden sibling staging directory {@code .<out>.report-<pid>-<id>}.
 * Entries of the old directory that the report does not write (such as the {@code results/} the
 * committed reports keep beside their files, or a user's notes) are carried over: hard-linked (copied
 * where links are not possible) into the staging directory, so the old directory keeps them too. Then
 * the swap, in steps ({@link Step}): the staging directory is renamed {@code .<out>.ready-<pid>-<id>}
 * (complete: the new report with everything it carries), {@code out} is renamed aside to
 * {@code .<out>.old-<pid>-<id>}, the ready directory is renamed to {@code out}, and the old one is
 * deleted. After a kill at any point, {@code out} holds the old report with everything it carried or
 * the new one with everything it carried, except between the two renames, when {@code out} is
 * missing and both complete directories stand beside it.
 *
 * <p>The next {@code report} into the same {@code out} first recovers what a killed one left
 * ({@link #recover}): a ready directory becomes {@code out} when {@code out} is missing (the swap
 * rolled forward), else an old one does (rolled back); every other leftover is deleted, so leftovers
 * do not accumulate. Leftovers of a process still alive on this machine are left alone (a concurrent
 * report). Versions before this scheme moved carried entries into a staging directory named
 * {@code .<out>.report-<uuid>}; such a leftover's carried entries are moved back into {@code out}.
 * Do not build reports into one {@code --out} from two machines at once.
 */
final class ReportOutput {

    /** The steps of {@link #commit}, after each of which a kill may come (tests stop there). */
    enum Step { LINKED, READY, OLD_ASIDE, SWAPPED, DONE }

    /** Called after each step of the swap; a test's throws there, as a kill would stop it. */
    interface Hook {
        void reached(Step step) throws IOException;

        Hook NONE = step -> {};
    }

    private static final String STAGING = "report";
    private static final String READY = "ready";
    private static final String OLD = "old";
    private static final Pattern UUID_TEXT = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    private ReportOutput() {}

    /**
     * Checks {@code out}, recovers what an earlier, killed report left beside it, and creates the
     * staging directory next to it; bad paths are {@link ReportInputException}s.
     */
    static Path stage(Path out) {
        if (out.toString().isBlank()) {
            throw new ReportInputException("--out: the path is empty; name the report directory");
        }
        Path parent = out.toAbsolutePath().getParent();
        if (parent == null) {
            throw new ReportInputException("--out " + out + ": cannot be the root directory");
        }
        try {
            recover(out, ReportOutput::running);
        } catch (IOException e) {
            throw new ReportInputException("--out " + out + ": cannot recover what an interrupted report left beside"
                    + " it in " + parent + " (" + reason(e) + ")");
        }
        if (Files.exists(out) && !Files.isDirectory(out)) {
            throw new ReportInputException("--out " + out + ": is a file, not a directory");
        }
        Path staging = sibling(out, STAGING, ProcessHandle.current().pid() + "-" + UUID.randomUUID());
        try {
            Files.createDirectories(parent);
            Files.createDirectory(staging);
        } catch (IOException e) {
            throw new ReportInputException("--out " + out + ": cannot write next to it in " + parent + " ("
                    + reason(e) + ")");
        }
        return staging;
    }

    /** Carries the old directory's other entries into {@code staging}, then swaps it into place. */
    static void commit(Path staging, Path out) throws IOException {
        commit(staging, out, Hook.NONE);
    }

    static void commit(Path staging, Path out, Hook hook) throws IOException {
        String token = token(staging);
        if (Files.isDirectory(out)) {
            for (Path entry : list(out)) {
                Path to = staging.resolve(entry.getFileName().toString());
                if (!isReportFile(entry.getFileName().toString()) && !Files.exists(to, LinkOption.NOFOLLOW_LINKS)) {
                    linkTree(entry, to);
                }
            }
        }
        hook.reached(Step.LINKED);
        Path ready = sibling(out, READY, token);
        Files.move(staging, ready, StandardCopyOption.ATOMIC_MOVE);
        hook.reached(Step.READY);
        Path old = null;
        if (Files.isDirectory(out)) {
            old = sibling(out, OLD, token);
            Files.move(out, old, StandardCopyOption.ATOMIC_MOVE);
        }
        hook.reached(Step.OLD_ASIDE);
        Files.move(ready, out, StandardCopyOption.ATOMIC_MOVE);
        hook.reached(Step.SWAPPED);
        if (old != null) {
            delete(old);
        }
        hook.reached(Step.DONE);
    }

    /**
     * Removes what a failed (not killed) report left: its staging or ready directory; if it had moved
     * {@code out} aside, that comes back first. The old report stays as it was.
     */
    static void discard(Path staging, Path out) {
        try {
            String token = token(staging);
            Path old = sibling(out, OLD, token);
            if (!Files.exists(out, LinkOption.NOFOLLOW_LINKS) && Files.isDirectory(old)) {
                Files.move(old, out, StandardCopyOption.ATOMIC_MOVE);
            }
            for (Path p : List.of(staging, sibling(out, READY, token), old)) {
                if (Files.exists(p, LinkOption.NOFOLLOW_LINKS)) {
                    delete(p);
                }
            }
        } catch (IOException | RuntimeException e) {
            // best effort: the next report into the same --out recovers or removes what is left
        }
    }

    /**
     * Brings {@code out} back to a whole report after a killed one and removes the leftovers of
     * processes that are gone (see the class documentation).
     */
    static void recover(Path out, LongPredicate running) throws IOException {
        Path parent = out.toAbsolutePath().getParent();
        if (parent == null || !Files.isDirectory(parent)) {
            return;
        }
        Path target = parent.resolve(out.getFileName().toString());
        List<Leftover> leftovers = leftovers(target, running);
        // the swap rolled forward where it can, else back; legacy leftovers last (they may need an out)
        for (String kind : List.of(READY, OLD)) {
            for (Leftover l : leftovers) {
                if (!l.kind.equals(kind) || l.legacy) {
                    continue;
                }
                if (!Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
                    Files.move(l.dir, target, StandardCopyOption.ATOMIC_MOVE);
                } else {
                    delete(l.dir);
                }
            }
        }
        for (Leftover l : leftovers) {
            if (l.kind.equals(STAGING) && !l.legacy) {
                delete(l.dir);
            }
        }
        for (Leftover l : leftovers) {
            if (l.legacy && l.kind.equals(OLD)) {
                if (!Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
                    Files.move(l.dir, target, StandardCopyOption.ATOMIC_MOVE);
                } else {
                    delete(l.dir);
                }
            }
        }
        for (Leftover l : leftovers) {
            if (l.legacy && l.kind.equals(STAGING)) {
                Files.createDirectories(target);
                for (Path entry : list(l.dir)) {
                    Path back = target.resolve(entry.getFileName().toString());
                    if (!isReportFile(entry.getFileName().toString())
                            && !Files.exists(back, LinkOption.NOFOLLOW_LINKS)) {
                        Files.move(entry, back, StandardCopyOption.ATOMIC_MOVE);
                    }
                }
                delete(l.dir);
            }
        }
    }

    /** A directory a report left beside {@code out}: its kind, and whether an older version named it. */
    private record Leftover(Path dir, String kind, boolean legacy) {}

    /** The leftovers of processes that are gone, sorted by name (so recovery is deterministic). */
    private static List<Leftover> leftovers(Path out, LongPredicate running) throws IOException {
        Pattern name = Pattern.compile(Pattern.quote("." + out.getFileName() + ".") + "(" + STAGING + "|" + READY
                + "|" + OLD + ")-(.+)");
        List<Leftover> found = new ArrayList<>();
        for (Path p : list(out.getParent())) {
            Matcher m = name.matcher(p.getFileName().toString());
            if (!m.matches() || !Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                continue;
            }
            String token = m.group(2);
            boolean legacy = UUID_TEXT.matcher(token).matches();
            if (legacy || !alive(token, running)) {
                found.add(new Leftover(p, m.group(1), legacy));
            }
        }
        return found;
    }

    /** Whether the process named in a token ({@code <pid>-<uuid>}) still runs. */
    private static boolean alive(String token, LongPredicate running) {
        int dash = token.indexOf('-');
        try {
            return running.test(Long.parseLong(token.substring(0, Math.max(dash, 0))));
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** Whether process {@code pid} runs on this machine. */
    static boolean running(long pid) {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    private static Path sibling(Path out, String kind, String token) {
        Path parent = out.toAbsolutePath().getParent();
        return parent.resolve("." + out.getFileName() + "." + kind + "-" + token);
    }

    private static String token(Path staging) {
        String name = staging.getFileName().toString();
        return name.substring(name.indexOf("." + STAGING + "-") + STAGING.length() + 2);
    }

    /** Hard-links the files of {@code from} into a copy of its tree at {@code to} (copies where links fail). */
    private static void linkTree(Path from, Path to) throws IOException {
        List<Path> all;
        try (Stream<Path> s = Files.walk(from)) {
            all = s.toList();
        }
        for (Path p : all) {
            Path dest = to.resolve(from.relativize(p).toString());
            if (Files.isSymbolicLink(p)) {
                Files.createSymbolicLink(dest, Files.readSymbolicLink(p));
            } else if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                Files.createDirectories(dest);
            } else if (Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
                try {
                    Files.createLink(dest, p);
                } catch (FileAlreadyExistsException e) {
                    throw e;
                } catch (UnsupportedOperationException | FileSystemException e) {
                    Files.copy(p, dest, StandardCopyOption.COPY_ATTRIBUTES, LinkOption.NOFOLLOW_LINKS);
                }
            }
        }
    }

    /** Files the report writes: report.pdf, report.md, summary.csv, runs.csv, verdicts.csv and the PNG charts. */
    static boolean isReportFile(String name) {
        return ReportFiles.isReportFile(name);
    }

    private static List<Path> list(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.sorted().toList();
        }
    }

    private static void delete(Path dir) throws IOException {
        if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
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
