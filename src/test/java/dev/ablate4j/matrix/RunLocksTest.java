package dev.ablate4j.matrix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ablate4j.results.AtomicFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunLocksTest {

    @TempDir
    Path tmp;

    private static final long STALE = 60_000_000_000L;
    private final AtomicLong clock = new AtomicLong();

    /** An owner that looks like a process on another machine (only its heartbeat tells it is alive). */
    private static Owner remote(String token) {
        return new Owner(token, "host-of-" + token, "boot", "pid:[1]", 4242, 1L);
    }

    private RunLocks locks(Owner owner) {
        return new RunLocks(owner, STALE, clock::get);
    }

    @Test
    void onlyOneOwnerHoldsARunAndReleaseLetsTheNextOneIn() {
        Owner a = Owner.create();
        Owner b = Owner.create();
        a.active(true);
        b.active(true);
        try {
            RunLocks la = locks(a);
            RunLocks lb = locks(b);
            RunLocks.Lock held = la.tryAcquire(tmp);
            assertNotNull(held);
            assertFalse(held.tookOver());
            assertNull(lb.tryAcquire(tmp), "a live owner in this JVM keeps its run");
            clock.addAndGet(10 * STALE);
            assertNull(lb.tryAcquire(tmp), "an owner on this machine is alive as long as its process is");
            assertEquals(a.token(), RunLocks.owner(tmp).token());
            held.release();
            assertFalse(Files.exists(tmp.resolve(MatrixFiles.LOCK)));
            RunLocks.Lock next = lb.tryAcquire(tmp);
            assertNotNull(next);
            assertFalse(next.tookOver());
        } finally {
            a.active(false);
            b.active(false);
        }
    }

    @Test
    void aLiveProcessOnThisMachineKeepsItsRunThoughTheClockMovedItsStartInstant() throws Exception {
        Process p = new ProcessBuilder("sleep", "60").start();
        try {
            Long ticks = Owner.startTicks(p.pid());
            org.junit.jupiter.api.Assumptions.assumeTrue(ticks != null, "skipped: no /proc/<pid>/stat here");
            long start = p.info().startInstant().orElseThrow().toEpochMilli();
            Owner me = Owner.create();
            // a clock synced by 17 s since the owner started (seen on this project's VM) moves the instant
            Owner live = new Owner("live", me.host(), me.bootId(), me.pidNamespace(), p.pid(), start - 17_000, ticks);
            Files.writeString(tmp.resolve(MatrixFiles.LOCK), AtomicFiles.JSON.writeValueAsString(live.toJson(1)));
            assertNull(locks(me).tryAcquire(tmp), "the start in ticks since boot matches: alive");
            Owner reused = new Owner("reused", me.host(), me.bootId(), me.pidNamespace(), p.pid(), start, ticks - 1);
            Files.writeString(tmp.resolve(MatrixFiles.LOCK), AtomicFiles.JSON.writeValueAsString(reused.toJson(1)));
            RunLocks.Lock lock = locks(me).tryAcquire(tmp);
            assertNotNull(lock, "another start in ticks: a reused pid, its owner is gone");
            assertTrue(lock.tookOver());
            lock.release();
            Owner older = new Owner("older", me.host(), me.bootId(), me.pidNamespace(), p.pid(), start - 17_000);
            Files.writeString(tmp.resolve(MatrixFiles.LOCK), AtomicFiles.JSON.writeValueAsString(older.toJson(1)));
            assertNull(locks(me).tryAcquire(tmp), "a lock without ticks (older versions): instants within "
                    + Owner.WALL_CLOCK_TOLERANCE_MS + " ms");
        } finally {
            p.destroy();
            p.waitFor();
        }
    }

    @Test
    void aLockOfADeadProcessOnThisMachineIsTakenOverAtOnce() throws Exception {
        Process p = new ProcessBuilder(System.getProperty("java.home") + "/bin/java", "-version")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        long pid = p.pid();
        Long start = p.info().startInstant().map(java.time.Instant::toEpochMilli).orElse(null);
        p.waitFor();
        Owner me = Owner.create();
        Owner dead = new Owner("dead", me.host(), me.bootId(), me.pidNamespace(), pid, start);
        Files.writeString(tmp.resolve(MatrixFiles.LOCK), AtomicFiles.JSON.writeValueAsString(dead.toJson(5)));
        me.active(true);
        try {
            RunLocks.Lock lock = locks(me).tryAcquire(tmp);
            assertNotNull(lock);
            assertTrue(lock.tookOver());
            assertEquals(me.token(), RunLocks.owner(tmp).token());
            lock.release();
        } finally {
            me.active(false);
        }
        Owner sameJvmButFinished = new Owner("finished", me.host(), me.bootId(), me.pidNamespace(), me.pid(),
                me.pidStart());
        Files.writeString(tmp.resolve(MatrixFiles.LOCK), AtomicFiles.JSON.writeValueAsString(
                sameJvmButFinished.toJson(0)));
        assertNotNull(locks(me).tryAcquire(tmp), "an execution of this JVM that has ended is dead");
    }

    @Test
    void aRemoteOwnerIsAliveWhileItsHeartbeatChangesAndStaleAfterSilence() throws Exception {
        Owner me = Owner.create();
        RunLocks mine = locks(me);
        RunLocks theirs = locks(remote("remote"));
        RunLocks.Lock remoteLock = theirs.tryAcquire(tmp);
        assertNotNull(remoteLock);

        assertNull(mine.tryAcquire(tmp), "first sight starts the silence timer");
        clock.addAndGet(STALE - 1);
        assertNull(mine.tryAcquire(tmp));
        theirs.heartbeat();
        clock.addAndGet(STALE - 1);
        assertNull(mine.tryAcquire(tmp), "the heartbeat restarted the timer");
        clock.addAndGet(1);
        assertNull(mine.tryAcquire(tmp), "the changed content is seen as a new heartbeat");
        clock.addAndGet(STALE);
        RunLocks.Lock taken = mine.tryAcquire(tmp);
        assertNotNull(taken, "silent for staleAfter: taken over");
        assertTrue(taken.tookOver());

        assertFalse(remoteLock.lost());
        theirs.heartbeat();
        assertTrue(remoteLock.lost(), "the old owner notices at its next heartbeat");
        remoteLock.release();
        assertEquals(me.token(), RunLocks.owner(tmp).token(), "a lost owner does not remove the new lock");
    }

    @Test
    void onlyOneOfTwoProcessesTakesOverTheSameStaleLock() throws Exception {
        RunLocks dead = locks(remote("dead"));
        assertNotNull(dead.tryAcquire(tmp));
        RunLocks b = locks(remote("b"));
        RunLocks c = locks(remote("c"));
        assertNull(b.tryAcquire(tmp));
        assertNull(c.tryAcquire(tmp));
        clock.addAndGet(STALE);
        // c is half way through its takeover: it holds the marker for the stale content
        String stale = Files.readString(tmp.resolve(MatrixFiles.LOCK));
        Path marker = null;
        try (var files = Files.list(tmp)) {
            assertEquals(1, files.count());
        }
        RunLocks.Lock lockB = b.tryAcquire(tmp);
        assertNotNull(lockB);
        assertNull(c.tryAcquire(tmp), "c sees b's fresh lock, not the stale one");
        assertTrue(Files.readString(tmp.resolve(MatrixFiles.LOCK)).contains("\"b\""));
        assertFalse(stale.contains("\"b\""));
        try (var files = Files.list(tmp)) {
            assertEquals(1, files.count(), "no marker or temporary file left: " + marker);
        }
    }

    @Test
    void aTakeoverMarkerOfADeadTakerDoesNotBlockForever() throws Exception {
        RunLocks dead = locks(remote("dead"));
        assertNotNull(dead.tryAcquire(tmp));
        RunLocks b = locks(remote("b"));
        assertNull(b.tryAcquire(tmp));
        clock.addAndGet(STALE);
        // a taker died after creating its marker: simulate by a marker owned by a silent remote owner
        String stale = Files.readString(tmp.resolve(MatrixFiles.LOCK));
        byte[] d = java.security.MessageDigest.getInstance("SHA-256").digest(stale.getBytes(
                java.nio.charset.StandardCharsets.UTF_8));
        Path marker = tmp.resolve(MatrixFiles.LOCK + ".takeover-" + java.util.HexFormat.of().formatHex(d)
                .substring(0, 16) + "-1");
        Files.writeString(marker, AtomicFiles.JSON.writeValueAsString(remote("dead-taker").toJson(0)));
        assertNull(b.tryAcquire(tmp), "the marker's owner might be alive: wait");
        clock.addAndGet(STALE);
        RunLocks.Lock lock = b.tryAcquire(tmp);
        assertNotNull(lock, "the marker went stale too: the next marker is used");
        assertTrue(Files.exists(marker));
        RunLocks.clearMarkers(tmp);
        assertFalse(Files.exists(marker));
    }
}
