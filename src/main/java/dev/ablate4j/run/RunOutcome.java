package dev.ablate4j.run;

import dev.ablate4j.results.RunStatus;

/** How a run ended: {@code done}, {@code diverged} (with the iteration) or {@code failed} (with the error). */
public record RunOutcome(RunStatus status, int iterations, long envSteps, double seconds, Integer divergedAt,
        String error) {

    public boolean done() {
        return status == RunStatus.DONE;
    }

    public double stepsPerSecond() {
        return seconds > 0 ? envSteps / seconds : 0;
    }
}
