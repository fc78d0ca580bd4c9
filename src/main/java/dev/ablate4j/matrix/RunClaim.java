package dev.ablate4j.matrix;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * One run directory claimed by a single process outside a matrix ({@code train --out DIR}), with the
 * same {@code LOCK} protocol as {@link RunLocks}, so two {@code train} on one directory, or a
 * {@code train} and a {@code matrix} task, never write the same run at once. The lock is beaten
 * every {@code heartbeat} by a daemon thread, and removed on {@link #close}; after a kill it is
 * stale (at once on this machine) and the next claim takes it over.
 */
public final class RunClaim implements AutoCloseable {

    /** The defaults of {@code matrix} ({@link MatrixOptions#defaults}). */
    public static final Duration HEARTBEAT = Duration.ofSeconds(10);
    public static final Duration STALE_AFTER = Duration.ofSeconds(120);

    private final Owner owner;
    private final RunLocks.Lock lock;
    private final ScheduledExecutorService beat;

    private RunClaim(Owner owner, RunLocks.Lock lock, ScheduledExecutorService beat) {
        this.owner = owner;
        this.lock = lock;
        this.beat = beat;
    }

    /** Claims {@code dir} (created if needed), or returns null while another live process holds it. */
    public static RunClaim tryClaim(Path dir) {
        Owner owner = Owner.create();
        owner.active(true);
        RunLocks locks = new RunLocks(owner, STALE_AFTER.toNanos(), System::nanoTime);
        RunLocks.Lock lock;
        try {
            lock = locks.tryAcquire(dir);
        } catch (RuntimeException e) {
            owner.active(false);
            throw e;
        }
        if (lock == null) {
            owner.active(false);
            return null;
        }
        ScheduledExecutorService beat = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "run-heartbeat");
            t.setDaemon(true);
            return t;
        });
        long ms = HEARTBEAT.toMillis();
        beat.scheduleWithFixedDelay(locks::heartbeat, ms, ms, TimeUnit.MILLISECONDS);
        return new RunClaim(owner, lock, beat);
    }

    /** Who holds {@code dir}'s lock, for a message: "pid 123 on host-a", or "another process". */
    public static String holder(Path dir) {
        Owner o = RunLocks.owner(dir);
        return o == null ? "another process" : "pid " + o.pid() + " on " + o.host();
    }

    /** Whether another process took the claim over (this one was paused longer than the stale time). */
    public boolean lost() {
        return lock.lost();
    }

    @Override
    public void close() {
        beat.shutdownNow();
        try {
            lock.release();
        } finally {
            owner.active(false);
        }
    }
}
