package dev.ablate4j.matrix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ablate4j.config.Keys;
import dev.ablate4j.matrix.RunResult.Status;
import dev.ablate4j.results.AtomicFiles;
import dev.ablate4j.results.FailureRecord;
import dev.ablate4j.results.RunFiles;
import dev.ablate4j.results.RunStatus;
import dev.ablate4j.run.RunOutcome;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One attempt of one run, without a matrix around it: what it records for each state the run
 * directory can be in, what it hands the executor, and that it claims and releases the run. Training
 * is scripted (no real run), so each case is about the attempt alone.
 */
class RunAttemptTest {

    @TempDir
    Path tmp;

    private final Plan plan = Specs.plan(Specs.twoByTwo("att"));
    private final Owner me = Owner.create();
    private final RunLocks locks = new RunLocks(me, Duration.ofSeconds(2).toNanos(), System::nanoTime);
    private final List<RunResult> finished = new CopyOnWriteArrayList<>();
    private final List<ResolvedRun> executed = new CopyOnWriteArrayList<>();
    private Path specDir;
    private ResolvedRun job;

    /** What the scripted executor does when called. */
    private interface Script {
        RunOutcome run(ResolvedRun job, dev.ablate4j.run.RunDriver.Progress progress) throws Exception;
    }

    private Script script = (j, p) -> new RunOutcome(RunStatus.DONE, 4, 256, 0.1, null, null);

    @BeforeEach
    void setUp() {
        me.active(true);
        specDir = plan.specDir(tmp);
        job = ResolvedRun.of(plan.spec(), specDir, plan.runs().get(0));
    }

    @AfterEach
    void tearDown() {
        me.active(false);
    }

    private boolean attempt(RunAttempt.Retry retry, boolean reuse) {
        MatrixOptions options = new MatrixOptions(1, 2, false, reuse, Duration.ofMillis(100), Duration.ofSeconds(2),
                Duration.ofMillis(50));
        RunExecutor executor = (j, progress, every) -> {
            executed.add(j);
            assertEquals(2, every, "checkpointEvery from the options");
            try {
                return script.run(j, progress);
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        };
        RunAttempt.Context context = new RunAttempt.Context(plan.spec(), specDir, options, executor,
                MatrixListener.NONE, locks, finished::add);
        return new RunAttempt(context, job, retry).run();
    }

    private boolean attempt() {
        return attempt(RunAttempt.Retry.NONE, false);
    }

    private RunResult only() {
        assertEquals(1, finished.size(), finished.toString());
        RunResult r = finished.get(0);
        assertSame(job.run(), r.run());
        assertFalse(r.earlier(), "recorded by this execution");
        return r;
    }

    @Test
    void aFreshRunIsClaimedTrainedWithItsResolvedConfigAndReleased() throws IOException {
        script = (j, p) -> {
            assertTrue(Files.exists(j.dir().resolve(MatrixFiles.LOCK)), "trained under the claim");
            assertTrue(Files.isRegularFile(j.dir().resolve(RunFiles.CELL)), "cell.json written before training");
            return new RunOutcome(RunStatus.DONE, 4, 256, 0.1, null, null);
        };
        assertTrue(attempt());
        assertEquals(List.of(job), executed);
        assertEquals(Expansion.runConfig(plan.spec(), job.run()), executed.get(0).config());
        assertEquals(job.run().dir(specDir), executed.get(0).dir());
        assertEquals(Status.DONE, only().status());
        assertFalse(Files.exists(job.dir().resolve(MatrixFiles.LOCK)), "the claim is released");
        Map<String, Object> cell = AtomicFiles.readJson(job.dir().resolve(RunFiles.CELL));
        assertEquals(List.of("spec", "cell", "label", "preset", "design", "factors", "varied"), List.copyOf(cell.keySet()));
        assertEquals("att", cell.get("spec"));
        assertEquals(job.run().cell().id(), cell.get("cell"));
    }

    @Test
    void aRunHeldByAnotherLiveProcessIsLeftForLaterWithNothingRecorded() {
        Owner other = Owner.create();
        other.active(true);
        try {
            RunLocks.Lock theirs = new RunLocks(other, Duration.ofSeconds(2).toNanos(), System::nanoTime)
                    .tryAcquire(job.dir());
            assertFalse(attempt(), "look again later");
            assertTrue(executed.isEmpty());
            assertTrue(finished.isEmpty());
            theirs.release();
        } finally {
            other.active(false);
        }
    }

    @Test
    void aRunFinishedElsewhereSinceTheFirstLookIsNotTrainedAgain() throws IOException {
        Files.createDirectories(job.dir());
        Files.writeString(job.dir().resolve(RunFiles.DONE), "");
        assertTrue(attempt());
        assertTrue(executed.isEmpty());
        assertEquals(Status.ELSEWHERE, only().status());
    }

    @Test
    void aFailureRecordedSinceTheFirstLookIsReportedNotRetried() throws IOException {
        Files.createDirectories(job.dir());
        new FailureRecord(RunStatus.DIVERGED, 3, 192L, "non-finite loss").write(job.dir());
        assertTrue(attempt());
        assertTrue(executed.isEmpty());
        RunResult r = only();
        assertEquals(Status.DIVERGED, r.status());
        assertEquals(3, r.iteration());
        assertEquals("non-finite loss", r.error());
    }

    @Test
    void retryFailedReplacesExactlyTheFailureItSaw() throws IOException {
        Files.createDirectories(job.dir());
        new FailureRecord(RunStatus.FAILED, null, null, "disk on fire").write(job.dir());
        String seen = Files.readString(job.dir().resolve(RunFiles.FAILURE));
        assertTrue(attempt(new RunAttempt.Retry(false, "another failure"), false));
        assertTrue(executed.isEmpty(), "a failure written since the first look is reported, not replaced");
        assertEquals(Status.FAILED, only().status());

        finished.clear();
        script = (j, p) -> {
            assertFalse(Files.exists(j.dir().resolve(RunFiles.FAILURE)), "cleared before training");
            return new RunOutcome(RunStatus.DONE, 4, 256, 0.1, null, null);
        };
        assertTrue(attempt(new RunAttempt.Retry(false, seen), false));
        assertEquals(1, executed.size());
        assertEquals(Status.DONE, only().status());
    }

    @Test
    void aDamagedFinishedRunIsRetrainedOnlyWhenRetryAllowsIt() throws IOException {
        Files.createDirectories(job.dir());
        Files.writeString(job.dir().resolve(RunFiles.DONE), "");
        Files.writeString(job.dir().resolve(RunFiles.CHECKPOINT), "stale");
        script = (j, p) -> {
            assertFalse(Files.exists(j.dir().resolve(RunFiles.DONE)), "DONE removed before retraining");
            assertFalse(Files.exists(j.dir().resolve(RunFiles.CHECKPOINT)), "from the start");
            return new RunOutcome(RunStatus.DONE, 4, 256, 0.1, null, null);
        };
        assertTrue(attempt(new RunAttempt.Retry(true, null), false));
        assertEquals(1, executed.size());
        assertEquals(Status.DONE, only().status());
    }

    @Test
    void aDivergedRunIsWrittenToFailureJson() {
        script = (j, p) -> new RunOutcome(RunStatus.DIVERGED, 2, 128, 0, 1, "non-finite value loss");
        assertTrue(attempt());
        RunResult r = only();
        assertEquals(Status.DIVERGED, r.status());
        assertEquals(1, r.iteration());
        FailureRecord f = FailureRecord.read(job.dir());
        assertTrue(f.diverged());
        assertEquals(1, f.iteration());
        assertEquals(128L, f.envSteps());
        assertEquals("non-finite value loss", f.error());
        assertFalse(Files.exists(job.dir().resolve(MatrixFiles.LOCK)));
    }

    @Test
    void aCrashIsRecordedOnOneLineAndReleasesTheClaim() {
        script = (j, p) -> {
            throw new IllegalStateException("disk on fire\n  second line");
        };
        assertTrue(attempt());
        RunResult r = only();
        assertEquals(Status.FAILED, r.status());
        assertEquals("IllegalStateException: disk on fire second line", r.error());
        assertEquals(r.error(), FailureRecord.read(job.dir()).error());
        assertFalse(FailureRecord.read(job.dir()).diverged());
        assertFalse(Files.exists(job.dir().resolve(MatrixFiles.LOCK)));
    }

    @Test
    void aDirectoryWrittenForAnotherConfigFailsWithTheDifferenceAndIsNotTouched() throws IOException {
        Map<String, Object> other = job.config().with(Keys.GAMMA, 0.5).toJson();
        Files.createDirectories(job.dir());
        AtomicFiles.writeJson(job.dir().resolve(RunFiles.CONFIG), other);
        byte[] before = Files.readAllBytes(job.dir().resolve(RunFiles.CONFIG));
        assertTrue(attempt());
        assertTrue(executed.isEmpty());
        RunResult r = only();
        assertEquals(Status.FAILED, r.status());
        assertTrue(r.error().endsWith("config.json was written for a different config (gamma 0.5 -> 0.99)"),
                r.error());
        assertEquals(new String(before), Files.readString(job.dir().resolve(RunFiles.CONFIG)));
        assertNull(FailureRecord.read(job.dir()), "a config mismatch is not recorded as the run's failure");
    }

    @Test
    void aRunWhoseClaimIsTakenOverStopsAsLostAndLeavesTheNewOwnersFiles() {
        Owner other = Owner.create();
        other.active(true);
        try {
            RunLocks theirs = new RunLocks(other, Duration.ofSeconds(2).toNanos(), System::nanoTime);
            script = (j, p) -> {
                Files.delete(j.dir().resolve(MatrixFiles.LOCK));
                theirs.tryAcquire(j.dir());
                locks.heartbeat();
                p.iteration(null, null, 0); // the next iteration notices
                return new RunOutcome(RunStatus.DONE, 4, 256, 0.1, null, null);
            };
            assertTrue(attempt());
            RunResult r = only();
            assertEquals(Status.LOST, r.status());
            assertEquals("lock taken over by another process", r.error());
            assertNull(FailureRecord.read(job.dir()), "the new owner's run, not ours to mark failed");
            assertEquals(other.token(), RunLocks.owner(job.dir()).token(), "their claim stays");
        } finally {
            other.active(false);
        }
    }

    @Test
    void anIdenticalFinishedRunOfAnotherSpecIsCopiedNotTrainedWhenReuseIsOn() throws IOException {
        Path donorDir = job.run().dir(tmp.resolve("donor"));
        Files.createDirectories(donorDir);
        dev.ablate4j.run.RunDriver.runOrResume(job.config(), donorDir, null, dev.ablate4j.run.RunDriver.Progress.NONE,
                0);
        assertTrue(attempt(RunAttempt.Retry.NONE, true));
        assertTrue(executed.isEmpty());
        assertEquals(Status.REUSED, only().status());
        assertEquals("donor/" + job.run().id(), AtomicFiles.readJson(job.dir().resolve(RunFiles.CELL))
                .get("reused_from"));
        assertTrue(Arrays.equals(Files.readAllBytes(donorDir.resolve(RunFiles.METRICS)),
                Files.readAllBytes(job.dir().resolve(RunFiles.METRICS))));

        finished.clear();
        Files.delete(job.dir().resolve(RunFiles.DONE));
        Files.delete(job.dir().resolve(RunFiles.METRICS));
        Files.delete(job.dir().resolve(RunFiles.CONFIG));
        assertTrue(attempt(RunAttempt.Retry.NONE, false));
        assertEquals(1, executed.size(), "--no-reuse trains");
    }
}
