package dev.ablate4j.matrix;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.ablate4j.results.AtomicFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Claims run directories for one matrix execution so that two processes (say two Slurm tasks on a
 * shared filesystem) never run the same run at once.
 *
 * <p>Protocol. A claim is the file {@code LOCK} in the run directory, created atomically with its
 * full content (written to a private temporary file, then hard-linked into place, which fails if
 * {@code LOCK} exists; NFS-safe). It records the {@link Owner} and a heartbeat counter that the
 * owner rewrites (temporary file + atomic rename) every heartbeat interval. If the owner is on
 * this machine, the lock is stale exactly when its process is gone (decided at once, so a rerun
 * after {@code kill -9} continues immediately). If it is on another machine, the lock is stale
 * when its content has not changed for {@code staleAfter} as timed by the observer's own clock (no
 * clock comparison between machines). A stale lock is taken over by first creating
 * {@code LOCK.takeover-<hash of the stale content>-1} exclusively (only one process wins per stale
 * lock; if that taker dies half way, its marker goes stale the same way and {@code -2} is used),
 * checking that {@code LOCK} still holds the stale content, and renaming a new lock over it. An
 * owner that finds a foreign token in its lock at a heartbeat has lost the claim and stops the run
 * at the next iteration. A process on another machine that is paused (e.g. SIGSTOP) or cut off
 * from the filesystem longer than {@code staleAfter} can lose its claim that way; choose
 * {@code staleAfter} well above any pause you expect. Host names must differ between machines.
 */
public final class RunLocks {

    private static final String TAKEOVER = MatrixFiles.LOCK + ".takeover-";

    private final Owner me;
    private final long staleAfterNanos;
    private final LongSupplier clock;
    private final Map<Path, Observation> seen = new ConcurrentHashMap<>();
    private final Map<Path, Lock> held = new ConcurrentHashMap<>();

    private record Observation(String content, long since) {}

    /** A held claim. */
    public final class Lock {
        private final Path file;
        private long heartbeat;
        private volatile boolean lost;
        private final boolean tookOver;

        private Lock(Path file, boolean tookOver) {
            this.file = file;
            this.tookOver = tookOver;
        }

        /** Whether another process has taken the claim over (the run must stop). */
        public boolean lost() {
            return lost;
        }

        /** Whether this claim replaced a stale lock of a dead or silent owner. */
        public boolean tookOver() {
            return tookOver;
        }

        /** Rewrites the lock with the next heartbeat, or marks it lost if it is no longer ours. */
        synchronized void beat() {
            if (lost) {
                return;
            }
            if (!mine(read(file))) {
                lost = true;
                return;
            }
            heartbeat++;
            writeReplacing(file, content(heartbeat));
        }

        /** Removes the lock if it is still ours. */
        public synchronized void release() {
            held.remove(file);
            if (!lost && mine(read(file))) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
    }

    /**
     * @param me this execution's identity
     * @param staleAfterNanos how long a lock of an owner on another machine may stay unchanged
     * @param clock monotonic nanoseconds (System::nanoTime)
     */
    public RunLocks(Owner me, long staleAfterNanos, LongSupplier clock) {
        this.me = me;
        this.staleAfterNanos = staleAfterNanos;
        this.clock = clock;
    }

    /** Claims {@code runDir} (created if needed), or returns null while another live owner holds it. */
    public Lock tryAcquire(Path runDir) {
        Path file = runDir.resolve(MatrixFiles.LOCK);
        try {
            Files.createDirectories(runDir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (int attempt = 0; attempt < 3; attempt++) {
            if (createExclusive(file, content(0))) {
                return hold(file, false);
            }
            String current = read(file);
            if (current == null) {
                continue; // released in between: try again
            }
            if (!stale(file, current)) {
                return null;
            }
            return takeOver(file, current);
        }
        return null;
    }

    /** Beats every held lock (called periodically by the runner). */
    public void heartbeat() {
        for (Lock lock : held.values()) {
            try {
                lock.beat();
            } catch (RuntimeException e) {
                // an unreadable moment on a shared filesystem: try again at the next beat
            }
        }
    }

    private Lock hold(Path file, boolean tookOver) {
        seen.remove(file);
        Leftovers.clearRunTemps(file.getParent(), me, staleAfterNanos);
        Lock lock = new Lock(file, tookOver);
        held.put(file, lock);
        return lock;
    }

    private boolean stale(Path file, String content) {
        Owner owner = parse(content);
        if (owner != null && me.sameMachine(owner)) {
            return !me.aliveHere(owner);
        }
        long now = clock.getAsLong();
        Observation o = seen.get(file);
        if (o == null || !o.content.equals(content)) {
            seen.put(file, new Observation(content, now));
            return false;
        }
        return now - o.since >= staleAfterNanos;
    }

    private Lock takeOver(Path file, String staleContent) {
        String tag = sha(staleContent);
        for (int i = 1; i <= 1000; i++) {
            Path marker = file.resolveSibling(TAKEOVER + tag + "-" + i);
            if (createExclusive(marker, content(0))) {
                try {
                    if (!staleContent.equals(read(file))) {
                        return null;
                    }
                    writeReplacing(file, content(0));
                    return hold(file, true);
                } finally {
                    deleteQuietly(marker);
                }
            }
            String taker = read(marker);
            if (taker == null || !stale(marker, taker)) {
                return null; // another process is taking over (or just did)
            }
            // that taker died half way: its marker stays, try the next one
        }
        return null;
    }

    /** Removes leftover takeover markers (called by the owner once the run is finished). */
    public static void clearMarkers(Path runDir) {
        try (var files = Files.list(runDir)) {
            files.filter(p -> p.getFileName().toString().startsWith(TAKEOVER)).forEach(RunLocks::deleteQuietly);
        } catch (IOException e) {
            // nothing to clear
        }
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException e) {
            // a leftover marker only names a lock content that no longer exists
        }
    }

    private static String sha(String s) {
        try {
            byte[] d = java.security.MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(d).substring(0, 16);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private String content(long heartbeat) {
        try {
            return AtomicFiles.JSON.writeValueAsString(me.toJson(heartbeat));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private boolean mine(String content) {
        Owner o = parse(content);
        return o != null && o.token().equals(me.token());
    }

    @SuppressWarnings("unchecked")
    static Owner parse(String content) {
        if (content == null) {
            return null;
        }
        try {
            return Owner.fromJson(AtomicFiles.JSON.readValue(content, Map.class));
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** The owner recorded in {@code runDir}'s lock, or null. */
    public static Owner owner(Path runDir) {
        return parse(read(runDir.resolve(MatrixFiles.LOCK)));
    }

    static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Path temp(Path file) {
        return file.resolveSibling(file.getFileName() + "." + me.token() + ".tmp");
    }

    /** Creates {@code file} with {@code content} unless it exists; readers never see it half written. */
    private boolean createExclusive(Path file, String content) {
        Path tmp = temp(file);
        try {
            Files.writeString(tmp, content, StandardCharsets.UTF_8);
            try {
                Files.createLink(file, tmp);
                return true;
            } catch (FileAlreadyExistsException e) {
                return false;
            } catch (UnsupportedOperationException | IOException e) {
                // no hard links here: exclusive create, then write (a reader may briefly see it empty)
                try {
                    Files.writeString(file, content, StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.CREATE_NEW,
                            java.nio.file.StandardOpenOption.WRITE);
                    return true;
                } catch (FileAlreadyExistsException e2) {
                    return false;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException e) {
                // harmless leftover
            }
        }
    }

    private void writeReplacing(Path file, String content) {
        Path tmp = temp(file);
        try {
            Files.writeString(tmp, content, StandardCharsets.UTF_8);
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
