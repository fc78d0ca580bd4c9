package dev.ablate4j.cli;

import dev.ablate4j.config.Keys;
import dev.ablate4j.run.IterationResult;
import dev.ablate4j.run.RunDriver;
import dev.ablate4j.run.Training;
import java.io.PrintStream;

/** One short line per iteration on stderr: iteration, env steps, mean return, steps/s and ETA. */
final class ProgressLine implements RunDriver.Progress {

    private final PrintStream out;

    ProgressLine(PrintStream out) {
        this.out = out;
    }

    @Override
    public void iteration(Training training, IterationResult result, double stepsPerSecond) {
        long remaining = (long) (training.iterations() - training.iteration()) * training.config().get(Keys.ROLLOUT_STEPS);
        long eta = stepsPerSecond > 0 ? Math.round(remaining / stepsPerSecond) : 0;
        double ret = result.metrics().meanReturn();
        out.printf("iter %d/%d  steps %d  return %s  %.0f steps/s  ETA %dm%02ds%n", training.iteration(),
                training.iterations(), training.envSteps(), Double.isNaN(ret) ? "-" : String.format("%.1f", ret),
                stepsPerSecond, eta / 60, eta % 60);
    }
}
