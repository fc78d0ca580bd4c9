package dev.ablate4j.matrix;

import dev.ablate4j.config.Keys;
import dev.ablate4j.matrix.RunResult.Status;
import dev.ablate4j.results.Checkpoint;
import dev.ablate4j.results.FailureRecord;
import dev.ablate4j.results.RunFiles;
import dev.ablate4j.results.RunIntegrity;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Runs a plan's runs into {@code results/<spec>/<cell>/<env>/seed-<n>/} on a pool of worker
 * threads, each run single-threaded and exactly as {@code train} would run its config.
 *
 * <ul>
 * <li>Before anything is written, every run's config is resolved and compared with the
 *     {@code config.json} of an existing run directory; a difference is a {@link SpecException}.
 * <li>Runs with a {@code DONE} marker are skipped, unless their files fail {@link RunIntegrity#finished}:
 *     such a run counts as failed (listed with the reason) and {@code retryFailed} retrains it; runs recorded in {@code failure.json} are
 *     reported again, or rerun from scratch with {@code retryFailed}; others start or resume from
 *     their checkpoint.
 * <li>A run is claimed with {@link RunLocks} first, so other processes on the same directory skip
 *     it; runs held by another live process are looked at again until they are done or their owner
 *     is dead, so every process finishes knowing the whole plan's state.
 * <li>A run that another spec in the same results root finished with the identical config is
 *     copied, not trained ({@link RunReuse}); {@code --no-reuse} trains it anyway.
 * <li>A diverged or crashed run is written to {@code failure.json} and the others go on.
 * <li>A run that names another MuJoCo than this process loaded (a spec with {@code mujoco} as a factor)
 *     is left untouched ({@link Status#OTHER_MUJOCO}) unless it can be copied.
 * </ul>
 */
public final class MatrixRunner {

    private final Plan plan;
    private final Shard shard;
    private final Path specDir;
    private final MatrixOptions options;
    private final RunExecutor executor;
    private final MatrixListener listener;
    private final Owner owner = Owner.create();
    private final RunLocks locks;
    private final Map<PlannedRun, RunResult> results = new ConcurrentHashMap<>();
    private final Map<PlannedRun, RunAttempt.Retry> retry = new ConcurrentHashMap<>();
    private final Map<PlannedRun, ResolvedRun> resolved = new IdentityHashMap<>();

    /**
     * @param plan the runs (already a shard of the full plan, if sharded)
     * @param shard which shard {@code plan} is, for the summary
     * @param results the results root; runs go below {@code results/<spec name>}
     * @param executor trains a run; null for a runner that only {@link #check}s (planning: every run counts as trainable)
     */
    public MatrixRunner(Plan plan, Shard shard, Path results, MatrixOptions options, RunExecutor executor,
            MatrixListener listener) {
        this.plan = plan;
        this.shard = shard;
        this.specDir = plan.specDir(results);
        this.options = options;
        this.executor = executor;
        this.listener = listener;
        this.locks = new RunLocks(owner, options.staleAfter().toNanos(), System::nanoTime);
    }

    /**
     * Resolves every run's config and checks existing run directories against it, writing nothing;
     * returns the runs left to train. Throws {@link SpecException} on any inconsistency.
     */
    public List<PlannedRun> check() {
        List<String> mismatches = new ArrayList<>();
        List<PlannedRun> todo = new ArrayList<>();
        for (PlannedRun run : plan.runs()) {
            ResolvedRun job = resolved(run);
            Path dir = job.dir();
            String mismatch = ConfigMismatch.of(dir, job.config());
            if (mismatch != null) {
                mismatches.add(mismatch);
                continue;
            }
            if (RunFiles.isDone(dir)) {
                String damaged = RunIntegrity.finished(dir).reason();
                String left = damaged != null && options.retryFailed() ? leftForOtherMujoco(job) : null;
                if (damaged == null) {
                    tidyFinished(dir);
                    results.put(run, new RunResult(run, Status.SKIPPED, null, null, 0, true));
                } else if (!options.retryFailed()) {
                    results.put(run, new RunResult(run, Status.FAILED, null, RunAttempt.damaged(damaged), 0,
                            true));
                } else if (left != null) { // its files stay as they are, DONE included
                    results.put(run, new RunResult(run, Status.OTHER_MUJOCO, null, left + "; "
                            + RunAttempt.damaged(damaged), 0, false));
                } else {
                    retry.put(run, new RunAttempt.Retry(true, null));
                    todo.add(run);
                }
                continue;
            }
            String failure = RunAttempt.readOrNull(FailureRecord.file(dir));
            if (failure != null && !options.retryFailed()) {
                results.put(run, RunAttempt.failureResult(run, dir, true));
                continue;
            }
            String otherMujoco = leftForOtherMujoco(job);
            if (otherMujoco != null) {
                results.put(run, new RunResult(run, Status.OTHER_MUJOCO, null, otherMujoco, 0, false));
                continue;
            }
            if (failure != null) {
                retry.put(run, new RunAttempt.Retry(false, failure));
            }
            todo.add(run);
        }
        if (!mismatches.isEmpty()) {
            throw new SpecException(mismatches.get(0) + (mismatches.size() > 1 ? " (and " + (mismatches.size() - 1)
                    + " more runs)" : "") + "; a spec change altered their config without changing the cell id"
                    + " (an env-specific override): use another --results directory or remove those runs");
        }
        return todo;
    }

    /**
     * Why this process leaves {@code job} untouched (it names another MuJoCo and cannot be copied), or
     * null; always null when planning (no executor: every run counts as trainable).
     */
    private String leftForOtherMujoco(ResolvedRun job) {
        return executor == null ? null : RunAttempt.leftForOtherMujoco(executor, options, specDir, job);
    }

    /**
     * After {@link #check}: the runs it found recorded as failed (not diverged), or finished with
     * damaged files, and left to {@code retryFailed}; in plan order.
     */
    public List<PlannedRun> failedEarlier() {
        List<PlannedRun> failed = new ArrayList<>();
        for (PlannedRun run : plan.runs()) {
            RunResult r = results.get(run);
            if (r != null && r.earlier() && r.status() == Status.FAILED) {
                failed.add(run);
            }
        }
        return failed;
    }

    /** Checks, then runs everything left; returns the summary. */
    public Summary run() {
        long started = System.nanoTime();
        results.clear();
        retry.clear();
        List<PlannedRun> todo = check();
        long stepsToRun = 0;
        for (PlannedRun run : todo) {
            long done = checkpointedSteps(run);
            if (done > 0) {
                listener.resumable(run, done);
            }
            stepsToRun += run.steps() - done;
        }
        int left = (int) results.values().stream().filter(r -> r.status() == Status.OTHER_MUJOCO).count();
        if (left > 0) {
            listener.leftForOtherMujoco(left);
        }
        listener.started(plan.runs().size(), todo.size(), stepsToRun);
        for (PlannedRun run : plan.runs()) {
            RunResult r = results.get(run);
            if (r != null) {
                listener.settledAtStart(r);
            }
        }
        if (!todo.isEmpty()) {
            execute(todo);
        }
        listener.finished();
        List<RunResult> ordered = new ArrayList<>();
        for (PlannedRun run : plan.runs()) {
            ordered.add(results.get(run));
        }
        return new Summary(plan.spec().name(), shard, ordered, (System.nanoTime() - started) / 1e9);
    }

    /** The run with its config and directory, resolved once. */
    private ResolvedRun resolved(PlannedRun run) {
        return resolved.computeIfAbsent(run, r -> ResolvedRun.of(plan.spec(), specDir, r));
    }

    /** Env steps in a run's checkpoint (0 without one): where it will resume. */
    private long checkpointedSteps(PlannedRun run) {
        try {
            Checkpoint c = Checkpoint.read(run.dir(specDir).resolve(RunFiles.CHECKPOINT));
            if (c == null) {
                return 0;
            }
            long perIteration = resolved(run).config().get(Keys.ROLLOUT_STEPS);
            return Math.max(0, Math.min(run.steps(), c.counter(Checkpoint.ITERATION) * perIteration));
        } catch (RuntimeException e) {
            return 0; // unreadable or being replaced: the run will say what it finds when it starts
        }
    }

    private void execute(List<PlannedRun> todo) {
        try {
            Files.createDirectories(specDir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        owner.active(true);
        ScheduledExecutorService heartbeat = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "matrix-heartbeat");
            t.setDaemon(true);
            return t;
        });
        long beat = options.heartbeat().toMillis();
        heartbeat.scheduleWithFixedDelay(locks::heartbeat, beat, beat, TimeUnit.MILLISECONDS);
        RunAttempt.Context context = new RunAttempt.Context(plan.spec(), specDir, options, executor, listener, locks,
                this::finish);
        Scheduler scheduler = new Scheduler(todo);
        List<Thread> workers = new ArrayList<>();
        try {
            for (int i = 0; i < Math.min(options.workers(), todo.size()); i++) {
                Thread t = new Thread(() -> work(scheduler, context), "matrix-worker-" + (i + 1));
                workers.add(t);
                t.start();
            }
            for (Thread t : workers) {
                t.join();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            workers.forEach(Thread::interrupt);
        } finally {
            heartbeat.shutdownNow();
            owner.active(false);
        }
    }

    private void work(Scheduler scheduler, RunAttempt.Context context) {
        try {
            PlannedRun run;
            while ((run = scheduler.next()) != null) {
                try {
                    RunAttempt attempt = new RunAttempt(context, resolved.get(run),
                            retry.getOrDefault(run, RunAttempt.Retry.NONE));
                    if (!attempt.run()) {
                        scheduler.defer(run);
                    }
                } catch (RuntimeException e) {
                    finish(new RunResult(run, Status.FAILED, null, OneLine.of(e), 0, false));
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * A run killed after writing {@code DONE} but before tidying up keeps its {@code LOCK}, takeover
     * markers or checkpoint. Once its owner is gone (the lock can be claimed), they are removed; while a
     * live owner holds it, it tidies up itself.
     */
    private void tidyFinished(Path dir) {
        if (!Files.exists(dir.resolve(MatrixFiles.LOCK)) && !Files.exists(dir.resolve(RunFiles.CHECKPOINT))) {
            return;
        }
        RunLocks.Lock lock = locks.tryAcquire(dir);
        if (lock == null) {
            return;
        }
        try {
            Files.deleteIfExists(dir.resolve(RunFiles.CHECKPOINT));
            RunLocks.clearMarkers(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            lock.release();
        }
    }

    private void finish(RunResult r) {
        results.put(r.run(), r);
        listener.runFinished(r);
    }

    /** Hands out runs to workers; runs held elsewhere come back after the poll interval. */
    private final class Scheduler {
        private final Deque<PlannedRun> ready;
        private final PriorityQueue<Deferred> later = new PriorityQueue<>();
        private long sequence;

        private record Deferred(PlannedRun run, long at, long seq) implements Comparable<Deferred> {
            @Override
            public int compareTo(Deferred o) {
                return at != o.at ? Long.compare(at, o.at) : Long.compare(seq, o.seq);
            }
        }

        Scheduler(List<PlannedRun> todo) {
            ready = new ArrayDeque<>(todo);
        }

        synchronized PlannedRun next() throws InterruptedException {
            while (true) {
                if (!ready.isEmpty()) {
                    return ready.poll();
                }
                Deferred d = later.peek();
                if (d == null) {
                    return null;
                }
                long waitMillis = (d.at - System.nanoTime()) / 1_000_000;
                if (waitMillis <= 0) {
                    return later.poll().run;
                }
                wait(waitMillis);
            }
        }

        synchronized void defer(PlannedRun run) {
            later.add(new Deferred(run, System.nanoTime() + options.poll().toNanos(), sequence++));
            notifyAll();
        }
    }
}
