package dev.ablate4j.matrix;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ablate4j.matrix.RunResult.Status;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** A resumed execution's progress counts only the steps it has left to make. */
class ProgressReporterTest {

    @Test
    void aResumedRunIsTakenOffTheTotalFromTheStart() {
        // 8 runs of 256 steps, 64 per iteration; the first resumes at 192.
        Plan plan = Specs.plan(Specs.twoByTwo("progress"));
        PlannedRun resumed = plan.runs().get(0);
        PlannedRun fresh = plan.runs().get(1);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ProgressReporter p = new ProgressReporter(new PrintStream(bytes, true, StandardCharsets.UTF_8), false, 10,
                "progress");
        p.resumable(resumed, 192);
        p.started(8, 2, 64 + 256);
        p.progress(resumed, 256);
        p.runFinished(new RunResult(resumed, Status.DONE, null, null, 0.1, false));
        for (long s = 64; s <= 256; s += 64) {
            p.progress(fresh, s);
        }
        p.runFinished(new RunResult(fresh, Status.DONE, null, null, 0.1, false));
        p.finished();
        String out = bytes.toString(StandardCharsets.UTF_8);
        assertTrue(out.contains("progress: 2 of 8 runs to train (1 resumes from its checkpoint at 192 steps), 320 env"
                + " steps left"), out);
        assertTrue(out.contains("resumed " + resumed.id() + " at 192/256 steps"), out);
        assertTrue(out.contains("320/320"), "ends at the total it started with: " + out);
        assertFalse(out.contains("/512"), "never counts the resumed run's earlier steps: " + out);
    }

    @Test
    void runsSettledAtTheFirstLookLeaveTheTotalAlone() {
        // 8 runs of 256 steps: 2 to train, 1 failed earlier, 1 left for another MuJoCo, the rest done
        Plan plan = Specs.plan(Specs.twoByTwo("progress"));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ProgressReporter p = new ProgressReporter(new PrintStream(bytes, true, StandardCharsets.UTF_8), false, 10,
                "progress");
        p.started(8, 2, 512);
        p.settledAtStart(new RunResult(plan.runs().get(2), Status.FAILED, null, "boom", 0, true));
        p.settledAtStart(new RunResult(plan.runs().get(3), Status.OTHER_MUJOCO, null, "needs MuJoCo 3.14.0", 0,
                false));
        for (int i = 0; i < 2; i++) {
            for (long s = 64; s <= 256; s += 64) {
                p.progress(plan.runs().get(i), s);
            }
            p.runFinished(new RunResult(plan.runs().get(i), Status.DONE, null, null, 0.1, false));
        }
        p.finished();
        String out = bytes.toString(StandardCharsets.UTF_8);
        assertTrue(out.contains("512/512"), "ends at the total it started with: " + out);
        assertTrue(out.contains("other MuJoCo") && out.contains("needs MuJoCo 3.14.0"), out);
        assertFalse(out.contains("/256 steps") || out.contains("0/1 "), "the total never shrinks below it: " + out);
    }

    @Test
    void severalResumedRunsReportTheStepsTheyHaveBetweenThem() {
        Plan plan = Specs.plan(Specs.twoByTwo("progress"));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ProgressReporter p = new ProgressReporter(new PrintStream(bytes, true, StandardCharsets.UTF_8), false, 10,
                "progress");
        p.resumable(plan.runs().get(0), 128);
        p.resumable(plan.runs().get(1), 64);
        p.started(8, 2, 64 + 128);
        p.finished();
        String out = bytes.toString(StandardCharsets.UTF_8);
        assertTrue(out.contains("progress: 2 of 8 runs to train (2 resume from checkpoints, 192 steps between them),"
                + " 192 env steps left"), out);
    }
}
