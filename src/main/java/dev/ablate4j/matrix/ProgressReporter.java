package dev.ablate4j.matrix;

import dev.ablate4j.matrix.RunResult.Status;
import java.io.PrintStream;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import me.tongfei.progressbar.DelegatingProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Shows a matrix execution's progress with a progress bar (me.tongfei:progressbar) counting env
 * steps of the runs to train, with steps/s and ETA from the library and "runs done/total" as its
 * message. On a terminal the bar redraws in place; otherwise (logs, CI) the bar is printed as a
 * plain line every {@code lineIntervalMillis}, and every finished run gets a line of its own:
 * {@code "[3/15] done      <run-id>  (<label>)  12.3 s"}. The total counts only the steps this
 * process has left to make: steps a run had checkpointed before are not in it (and a resumed run
 * gets a line {@code "resumed <run-id> at 40960/245760 steps"}), so a resumed execution's bar
 * starts at 0 of what is left rather than jumping.
 */
public final class ProgressReporter implements MatrixListener {

    private final PrintStream out;
    private final boolean interactive;
    private final int lineIntervalMillis;
    private final String task;
    private final Map<PlannedRun, Long> lastSteps = new ConcurrentHashMap<>();
    private final Map<PlannedRun, Long> checkpointed = new ConcurrentHashMap<>();
    private final AtomicInteger finished = new AtomicInteger();
    private volatile int total;
    /** Runs left untouched for a process that loads their MuJoCo ({@link #leftForOtherMujoco}). */
    private volatile int leftForOtherMujoco;
    private ProgressBar bar;

    /**
     * @param out where to print (stderr)
     * @param interactive redraw in place (a terminal) rather than print lines
     * @param lineIntervalMillis how often the bar is printed when not interactive
     * @param task the bar's name (the spec name)
     */
    public ProgressReporter(PrintStream out, boolean interactive, int lineIntervalMillis, String task) {
        this.out = out;
        this.interactive = interactive;
        this.lineIntervalMillis = lineIntervalMillis;
        this.task = task;
    }

    @Override
    public void resumable(PlannedRun run, long envSteps) {
        checkpointed.put(run, envSteps);
    }

    @Override
    public void leftForOtherMujoco(int runs) {
        leftForOtherMujoco = runs;
    }

    @Override
    public synchronized void started(int total, int toRun, long stepsToRun) {
        this.total = total;
        String left = leftForOtherMujoco + " left for a process that loads their MuJoCo";
        if (toRun == 0 && leftForOtherMujoco > 0) {
            out.println(task + ": nothing to train under this MuJoCo: " + (total - leftForOtherMujoco) + " of " + total
                    + " runs finished or recorded, " + left);
            out.flush();
            return;
        }
        if (toRun == 0) {
            out.println(task + ": all " + total + " runs already finished or recorded");
            out.flush();
            return;
        }
        long resumedAt = checkpointed.values().stream().mapToLong(Long::longValue).sum();
        String resumes = switch (checkpointed.size()) {
            case 0 -> "";
            case 1 -> String.format(" (1 resumes from its checkpoint at %,d steps)", resumedAt);
            default -> String.format(" (%d resume from checkpoints, %,d steps between them)",
                    checkpointed.size(), resumedAt);
        };
        out.printf("%s: %d of %d runs to train%s, %,d env steps left%s%n", task, toRun, total, resumes, stepsToRun,
                leftForOtherMujoco > 0 ? "; " + left : "");
        out.flush();
        ProgressBarBuilder b = new ProgressBarBuilder().setTaskName(task).setInitialMax(Math.max(1, stepsToRun))
                .setUnit(" steps", 1).showSpeed(new java.text.DecimalFormat("#,##0")).setSpeedUnit(
                        java.time.temporal.ChronoUnit.SECONDS);
        if (interactive) {
            b.setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(500)
                    .setConsumer(new me.tongfei.progressbar.ConsoleProgressBarConsumer(out));
        } else {
            b.setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(lineIntervalMillis)
                    .setConsumer(new DelegatingProgressBarConsumer(line -> {
                        out.println(line.replace("\r", "").stripTrailing());
                        out.flush();
                    }, 120));
        }
        bar = b.build();
        bar.setExtraMessage(message());
    }

    @Override
    public void progress(PlannedRun run, long envSteps) {
        ProgressBar b = bar;
        if (b == null) {
            return;
        }
        Long last = lastSteps.put(run, envSteps);
        if (last == null) {
            // The first report of this run in this process: where did it resume?
            long perIteration = run.cell().config().get(dev.ablate4j.config.Keys.ROLLOUT_STEPS);
            long before = Math.max(0, envSteps - perIteration);
            long counted = checkpointed.getOrDefault(run, 0L);
            if (before != counted) {
                synchronized (this) {
                    b.maxHint(Math.max(1, b.getMax() - (before - counted)));
                }
            }
            if (before > 0 && !interactive) {
                out.printf("resumed %s at %d/%d steps%n", run.id(), before, run.steps());
                out.flush();
            }
            b.stepBy(envSteps - before);
        } else {
            b.stepBy(envSteps - last);
        }
    }

    @Override
    public synchronized void runFinished(RunResult r) {
        record(r, true);
    }

    /** Counted and listed like any other, but its steps were never in the bar's total: nothing to take off. */
    @Override
    public synchronized void settledAtStart(RunResult r) {
        record(r, false);
    }

    private void record(RunResult r, boolean inTotal) {
        int n = finished.incrementAndGet();
        ProgressBar b = bar;
        if (b != null && inTotal && r.status() != Status.SKIPPED) {
            Long last = lastSteps.remove(r.run());
            long remaining = r.run().steps() - (last == null ? checkpointed.getOrDefault(r.run(), 0L) : last);
            if (r.status() == Status.DONE && remaining > 0) {
                b.stepBy(remaining);
            } else if (remaining > 0) {
                synchronized (this) {
                    b.maxHint(Math.max(1, b.getMax() - remaining));
                }
            }
        }
        if (b != null) {
            b.setExtraMessage(message());
        }
        if (!interactive && !(r.status() == Status.SKIPPED)) {
            StringBuilder line = new StringBuilder(String.format("[%d/%d] %-14s %s  (%s)", n, total,
                    r.status().word(), r.run().id(), r.run().cell().label()));
            if (r.seconds() > 0) {
                line.append(String.format("  %.1f s", r.seconds()));
            }
            if (r.error() != null) {
                line.append("  ").append(r.error());
            }
            out.println(line);
            out.flush();
        }
    }

    private String message() {
        return " runs " + finished.get() + "/" + total;
    }

    @Override
    public synchronized void finished() {
        if (bar != null) {
            bar.close();
            bar = null;
        }
    }
}
