package dev.ablate4j.matrix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ablate4j.results.AtomicFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Temporary files left by kills or a full disk are cleared, stale ones only; one claim per run. */
class LeftoversTest {

    @TempDir
    Path tmp;

    /** The pid of a process that has ended. */
    private static long deadPid() throws Exception {
        Process p = new ProcessBuilder("true").start();
        p.waitFor();
        long pid = p.pid();
        assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false));
        return pid;
    }

    private static Owner withPid(Owner o, long pid, String host) {
        return new Owner(UUID.randomUUID().toString(), host, o.bootId(), o.pidNamespace(), pid, null);
    }

    private static Path write(Path dir, String name, String content) throws Exception {
        Path f = dir.resolve(name);
        Files.writeString(f, content);
        return f;
    }

    private static String json(Owner o) throws Exception {
        return AtomicFiles.JSON.writeValueAsString(o.toJson(0));
    }

    @Test
    void aClaimClearsTheStaleTemporariesOfItsRunDirectoryOnly() throws Exception {
        Path run = Files.createDirectories(tmp.resolve("run"));
        Owner me = Owner.create();
        Owner dead = withPid(me, deadPid(), me.host());
        Owner live = Owner.create(); // another matrix execution in this JVM, still running
        live.active(true);
        Owner remote = withPid(me, 4242, "another-host");
        Owner remoteOld = withPid(me, 4243, "another-host");
        try {
            write(run, "failure.json.tmp", "{\"status\": ");       // a full disk while writing failure.json
            write(run, "metrics.csv.tmp", "iteration,");            // killed while writing
            Path deadTmp = write(run, "LOCK." + dead.token() + ".tmp", json(dead));
            Path liveTmp = write(run, "LOCK." + live.token() + ".tmp", json(live));
            Path remoteTmp = write(run, "LOCK." + remote.token() + ".tmp", json(remote));
            Path remoteOldTmp = write(run, "LOCK." + remoteOld.token() + ".tmp", json(remoteOld));
            Files.setLastModifiedTime(remoteOldTmp, FileTime.fromMillis(System.currentTimeMillis() - 3_600_000));
            Path keep = write(run, "notes.txt", "mine");

            RunLocks locks = new RunLocks(me, 120_000_000_000L, System::nanoTime);
            me.active(true);
            RunLocks.Lock lock = locks.tryAcquire(run);
            assertNotNull(lock);
            assertFalse(Files.exists(run.resolve("failure.json.tmp")));
            assertFalse(Files.exists(run.resolve("metrics.csv.tmp")));
            assertFalse(Files.exists(deadTmp), "its process has ended");
            assertFalse(Files.exists(remoteOldTmp), "an hour older than the fresh LOCK");
            assertTrue(Files.exists(liveTmp), "its process is running");
            assertTrue(Files.exists(remoteTmp), "another machine's, fresh: it may be in use");
            assertTrue(Files.exists(keep));
            lock.release();
            me.active(false);
        } finally {
            live.active(false);
        }
    }

    @Test
    void aMergeClearsTheStagingDirectoriesOfMergesThatAreGone() throws Exception {
        Path env = Files.createDirectories(tmp.resolve("into/spec/0123456789ab/Pendulum-v1"));
        Path dead = Files.createDirectories(env.resolve(".seed-0.merge-" + deadPid() + "-" + UUID.randomUUID()));
        Files.writeString(dead.resolve("metrics.csv"), "half");
        Path deadOld = Files.createDirectories(env.resolve(".seed-1.old-" + deadPid() + "-" + UUID.randomUUID()));
        Path running = Files.createDirectories(env.resolve(".seed-2.merge-" + ProcessHandle.current().pid() + "-"
                + UUID.randomUUID()));
        Path legacyOld = Files.createDirectories(env.resolve(".seed-3.merge-" + UUID.randomUUID()));
        Files.setLastModifiedTime(legacyOld, FileTime.fromMillis(System.currentTimeMillis() - 7_200_000));
        Path legacyNew = Files.createDirectories(env.resolve(".seed-4.merge-" + UUID.randomUUID()));
        Path empty = Files.createDirectories(tmp.resolve("empty"));

        Merger.merge(List.of(empty), tmp.resolve("into"));
        assertFalse(Files.exists(dead));
        assertFalse(Files.exists(deadOld));
        assertFalse(Files.exists(legacyOld));
        assertTrue(Files.exists(running), "a merge still running keeps its staging directory");
        assertTrue(Files.exists(legacyNew), "an unnamed one younger than an hour may be in use");
    }

    @Test
    void oneClaimAtATimeAndAKilledHoldersLockIsTakenOver() throws Exception {
        Path run = tmp.resolve("run");
        try (RunClaim first = RunClaim.tryClaim(run)) {
            assertNotNull(first);
            assertNull(RunClaim.tryClaim(run));
            assertEquals("pid " + ProcessHandle.current().pid() + " on " + Owner.create().host(),
                    RunClaim.holder(run));
        }
        assertFalse(Files.exists(run.resolve(MatrixFiles.LOCK)), "released on close");
        Owner me = Owner.create();
        Files.writeString(run.resolve(MatrixFiles.LOCK), json(withPid(me, deadPid(), me.host())));
        try (RunClaim after = RunClaim.tryClaim(run)) {
            assertNotNull(after, "the lock of a killed process is taken over");
        }
    }
}
