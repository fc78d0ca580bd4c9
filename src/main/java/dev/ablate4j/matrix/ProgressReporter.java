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
 * {@code "[3/15] done      <run-id>  (<label>)  12.3 s"}. Steps a resumed run had made before the
 * resume are taken off the total rather than counted as speed.
 */
public final class ProgressReporter implements MatrixListener {

    private final PrintStream out;
    private final boolean interactive;
    private final int lineIntervalMillis;
    private final String task;
    private final Map<PlannedRun, Long> lastSteps = new ConcurrentHashMap<>();
    private final AtomicInteger finished = new AtomicInteger();
    private volatile int total;
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
    public synchronized void started(int total, int toRun, long stepsToRun) {
        this.total = total;
        if (toRun == 0) {
            out.println(task + ": all " + total + " runs already finished or recorded");
            out.flush();
            return;
        }
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
            long perIteration = run.cell().config().get(dev.ablate4j.config.Keys.ROLLOUT_STEPS);
            long before = Math.max(0, envSteps - perIteration);
            if (before > 0) {
                synchronized (this) {
                    b.maxHint(Math.max(1, b.getMax() - before));
                }
            }
            b.stepBy(envSteps - before);
        } else {
            b.stepBy(envSteps - last);
        }
    }

    @Override
    public synchronized void runFinished(RunResult r) {
        int n = finished.incrementAndGet();
        ProgressBar b = bar;
        if (b != null && r.status() != Status.SKIPPED) {
            Long last = lastSteps.remove(r.run());
            long remaining = r.run().steps() - (last == null ? 0 : last);
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
