package dev.ablate4j.matrix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ablate4j.config.Keys;
import dev.ablate4j.matrix.RunResult.Status;
import dev.ablate4j.results.AtomicFiles;
import dev.ablate4j.results.RunFiles;
import dev.ablate4j.run.RunDriver;
import dev.ablate4j.run.RunOutcome;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MatrixRunnerTest {

    @TempDir
    Path tmp;

    private static final String SPEC = Specs.twoByTwo("iso");

    private static MatrixOptions options(boolean retry) {
        return new MatrixOptions(2, 2, retry, true, Duration.ofMillis(100), Duration.ofSeconds(2), Duration.ofMillis(50));
    }

    /** Runs the real training, except that chosen runs diverge or throw. */
    private static final class Scripted implements RunExecutor {
        final List<String> executed = new CopyOnWriteArrayList<>();
        final Map<String, String> behaviour = new ConcurrentHashMap<>();

        @Override
        public RunOutcome execute(ResolvedRun job, RunDriver.Progress progress, int every) {
            dev.ablate4j.config.TrainConfig config = job.config();
            Path dir = job.dir();
            String key = dir.getParent().getParent().getFileName() + "/seed-" + config.get(Keys.SEED);
            executed.add(key);
            String b = behaviour.getOrDefault(key, "train");
            if (b.equals("throw")) {
                throw new IllegalStateException("simulated crash\nsecond line");
            }
            if (b.equals("diverge")) {
                return new RunOutcome(dev.ablate4j.results.RunStatus.DIVERGED, 3, 192, 0.1, 2, "non-finite value in the policy loss");
            }
            return RunDriver.runOrResume(config, dir, null, progress, every);
        }
    }

    private Summary run(Plan plan, RunExecutor executor, boolean retry) {
        return new MatrixRunner(plan, Shard.ALL, tmp, options(retry), executor, MatrixListener.NONE).run();
    }

    @Test
    void failuresAreRecordedAndIsolatedAndOnlyThoseAreRetried() throws IOException {
        Plan plan = Specs.plan(SPEC);
        assertEquals(4 * 2, plan.runs().size(), "2 x 2 factorial x 2 seeds");
        String crash = plan.cells().get(1).id() + "/seed-0";
        String diverge = plan.cells().get(2).id() + "/seed-1";
        Scripted executor = new Scripted();
        executor.behaviour.put(crash, "throw");
        executor.behaviour.put(diverge, "diverge");

        Summary first = run(plan, executor, false);
        assertEquals(8, executor.executed.size());
        assertEquals(6, first.count(Status.DONE));
        assertEquals(1, first.count(Status.FAILED));
        assertEquals(1, first.count(Status.DIVERGED));
        assertFalse(first.allFinished());
        Path crashDir = tmp.resolve("iso").resolve(crash.replace("/seed-0", "/Pendulum-v1/seed-0"));
        Map<String, Object> failure = AtomicFiles.readJson(crashDir.resolve(RunFiles.FAILURE));
        assertEquals("failed", failure.get("status"));
        assertEquals("IllegalStateException: simulated crash second line", failure.get("error"));
        Path divergeDir = tmp.resolve("iso").resolve(diverge.replace("/seed-1", "/Pendulum-v1/seed-1"));
        Map<String, Object> diverged = AtomicFiles.readJson(divergeDir.resolve(RunFiles.FAILURE));
        assertEquals("diverged", diverged.get("status"));
        assertEquals(2, diverged.get("iteration"));
        assertTrue(first.table().contains("diverged " + diverge.replace("/seed-1", "/Pendulum-v1/seed-1")),
                first.table());
        assertNoLocks();

        executor.executed.clear();
        Summary again = run(plan, executor, false);
        assertEquals(List.of(), executor.executed, "nothing reruns without --retry-failed");
        assertEquals(6, again.count(Status.SKIPPED));
        assertEquals(1, again.count(Status.FAILED));
        assertEquals(1, again.count(Status.DIVERGED));
        assertTrue(again.results().stream().filter(r -> !r.status().finished()).allMatch(RunResult::earlier));
        assertTrue(again.table().contains("--retry-failed reruns it"), again.table());

        executor.behaviour.clear();
        Summary retried = run(plan, executor, true);
        assertEquals(List.of(crash, diverge).stream().sorted().toList(),
                executor.executed.stream().sorted().toList(), "--retry-failed reruns exactly the failed runs");
        assertEquals(2, retried.count(Status.DONE));
        assertEquals(6, retried.count(Status.SKIPPED));
        assertTrue(retried.allFinished());
        assertFalse(Files.exists(crashDir.resolve(RunFiles.FAILURE)));
        assertTrue(RunFiles.isDone(crashDir));
    }

    @Test
    void cellJsonTellsWhichCellARunBelongsTo() {
        Plan plan = Specs.plan(SPEC);
        run(plan, RunExecutor.driver(c -> null), false);
        for (PlannedRun r : plan.runs()) {
            Path dir = r.dir(tmp.resolve("iso"));
            assertTrue(RunFiles.isDone(dir), r.id());
            Map<String, Object> cell = AtomicFiles.readJson(dir.resolve(RunFiles.CELL));
            assertEquals("iso", cell.get("spec"));
            assertEquals(r.cell().id(), cell.get("cell"));
            assertEquals(r.cell().label(), cell.get("label"));
            assertEquals(Map.of("value-clip", r.cell().config().on(dev.ablate4j.tweak.Optimization.VALUE_CLIP),
                    "grad-clip", r.cell().config().on(dev.ablate4j.tweak.Optimization.GRAD_CLIP)), cell.get("factors"));
            Map<String, Object> config = AtomicFiles.readJson(dir.resolve(RunFiles.CONFIG));
            assertEquals(r.seed(), ((Number) config.get("seed")).longValue());
        }
        assertNoLocks();
    }

    @Test
    void aChangedEnvOverrideIsRefusedBeforeAnythingIsWritten() throws IOException {
        String spec = SPEC + "overrides:\n  - when: {env: Pendulum-v1}\n    set: {value-lr: 1.0e-3}\n";
        Plan plan = Specs.plan(spec);
        run(plan, RunExecutor.driver(c -> null), false);
        Plan changed = Specs.plan(spec.replace("value-lr: 1.0e-3", "value-lr: 2.0e-3"));
        assertEquals(plan.cells().stream().map(Cell::id).toList(), changed.cells().stream().map(Cell::id).toList());
        Map<Path, Long> before = snapshot();
        SpecException e = assertThrows(SpecException.class,
                () -> run(changed, RunExecutor.driver(c -> null), false));
        assertTrue(e.getMessage().contains("was written for a different config (value-lr 0.001 -> 0.002)"),
                e.getMessage());
        assertTrue(e.getMessage().contains("(and 7 more runs)"), e.getMessage());
        assertEquals(before, snapshot(), "nothing written");
    }

    @Test
    void aRunHeldByALiveOwnerElsewhereIsWaitedForNotRun() throws Exception {
        Plan plan = Specs.plan(SPEC.replace("seeds: 2", "seeds: 1"));
        PlannedRun held = plan.runs().get(0);
        Path dir = held.dir(tmp.resolve("iso"));
        Files.createDirectories(dir);
        Owner other = new Owner("other-token", "another-host", null, null, 1, null);
        Files.writeString(dir.resolve(MatrixFiles.LOCK), AtomicFiles.JSON.writeValueAsString(other.toJson(0)));
        Scripted executor = new Scripted();
        Thread finisher = new Thread(() -> {
            try {
                Thread.sleep(400);
                AtomicFiles.writeString(dir.resolve(RunFiles.DONE), "done\n");
                Files.delete(dir.resolve(MatrixFiles.LOCK));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        finisher.start();
        Summary s = run(plan, executor, false);
        finisher.join();
        assertEquals(3, executor.executed.size());
        assertFalse(executor.executed.contains(held.cell().id() + "/seed-0"));
        assertEquals(Status.ELSEWHERE, s.results().get(0).status());
        assertTrue(s.allFinished());
    }

    @Test
    void aFinishedRunKilledBeforeItTidiedUpLosesItsStaleLockAndCheckpoint() throws Exception {
        Plan plan = Specs.plan(SPEC.replace("seeds: 2", "seeds: 1"));
        run(plan, new Scripted(), false);
        Path dir = plan.runs().get(0).dir(tmp.resolve("iso"));
        assertTrue(RunFiles.isDone(dir));
        // as a kill -9 between DONE and the lock's release (and the checkpoint's removal) leaves it
        Process p = new ProcessBuilder(System.getProperty("java.home") + "/bin/java", "-version")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        p.waitFor();
        Owner me = Owner.create();
        Owner dead = new Owner("dead", me.host(), me.bootId(), me.pidNamespace(), p.pid(),
                p.info().startInstant().map(java.time.Instant::toEpochMilli).orElse(null));
        Files.writeString(dir.resolve(MatrixFiles.LOCK), AtomicFiles.JSON.writeValueAsString(dead.toJson(7)));
        Files.writeString(dir.resolve(RunFiles.CHECKPOINT), "{}");
        byte[] metrics = Files.readAllBytes(dir.resolve(RunFiles.METRICS));

        Scripted executor = new Scripted();
        Summary s = run(plan, executor, false);
        assertEquals(List.of(), executor.executed, "a finished run is not trained again");
        assertTrue(s.allFinished());
        assertFalse(Files.exists(dir.resolve(RunFiles.CHECKPOINT)), "stale checkpoint removed");
        assertNoLocks();
        assertTrue(java.util.Arrays.equals(metrics, Files.readAllBytes(dir.resolve(RunFiles.METRICS))));

        // a live owner's lock is left alone: it tidies up itself
        Owner live = new Owner("live", "another-host", null, null, 1, null);
        Files.writeString(dir.resolve(MatrixFiles.LOCK), AtomicFiles.JSON.writeValueAsString(live.toJson(0)));
        run(plan, new Scripted(), false);
        assertTrue(Files.exists(dir.resolve(MatrixFiles.LOCK)));
    }

    private void assertNoLocks() {
        try (Stream<Path> s = Files.walk(tmp)) {
            List<Path> left = s.filter(p -> p.getFileName().toString().startsWith(MatrixFiles.LOCK)
                    || p.getFileName().toString().endsWith(".tmp")).collect(Collectors.toList());
            assertEquals(List.of(), left);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private Map<Path, Long> snapshot() throws IOException {
        try (Stream<Path> s = Files.walk(tmp)) {
            return s.collect(Collectors.toMap(p -> p, p -> {
                try {
                    return Files.isRegularFile(p) ? Files.getLastModifiedTime(p).toMillis() * 31 + Files.size(p) : -1;
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }));
        }
    }
}
