package dev.ablate4j.matrix;

import dev.ablate4j.adaptive.Decision;
import dev.ablate4j.adaptive.RuleFile;
import dev.ablate4j.adaptive.Setup;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;

/**
 * What {@code matrix} does next with a spec over a results root: the one decision that
 * {@code matrix} and {@code plan --next-round} both take, so the driver of a CI loop sees exactly
 * what the matrix will do. Writes nothing.
 *
 * <p>It refuses (a {@link SpecException}, exit 2) what the matrix refuses before it writes: a run
 * directory of the spec whose {@code config.json} differs from the spec's (a changed environment
 * override, say; for adaptive seeds every run up to {@code max}, even once the rule holds), and an
 * adaptive spec whose rule, cells or envs differ from its {@code adaptive.json}. Otherwise the answer is one of three:
 * <ul>
 * <li>{@link Complete} — nothing left to train: every run finished (fixed seeds), or the adaptive
 *     rule holds everywhere;
 * <li>{@link Train} — the next round (all runs, for fixed seeds) has runs to train; runs recorded as
 *     failed are not among them (they wait for {@code --retry-failed});
 * <li>{@link Waiting} — not complete, yet nothing to train: the round's unfinished runs failed
 *     (failure.json, or finished with damaged files) and wait for {@code matrix --retry-failed}.
 * </ul>
 * The runs to train and the failed ones are what {@link MatrixRunner#check} finds, the check the
 * matrix runs before training.
 */
public final class NextStep {

    /** The answer; {@link #decision()} is where an adaptive spec stands (null for fixed seeds). */
    public sealed interface Step permits Complete, Train, Waiting {
        Decision decision();
    }

    /** Nothing left to train. */
    public record Complete(Decision decision) implements Step {}

    /**
     * Runs to train.
     *
     * @param round the runs the shards of this round partition (finished or not), as {@code matrix --shard} does
     * @param toTrain those of them the matrix trains
     * @param failed those of them recorded as failed, left to {@code --retry-failed}
     */
    public record Train(Plan round, Plan toTrain, List<PlannedRun> failed, Decision decision) implements Step {}

    /**
     * Nothing to train until failed runs are retried.
     *
     * @param round the round's runs
     * @param failed the runs it waits for
     */
    public record Waiting(Plan round, List<PlannedRun> failed, Decision decision) implements Step {}

    private NextStep() {}

    /** The next step of {@code full} over {@code results}; SpecException for what the matrix refuses. */
    public static Step of(Plan full, Path results, AdaptiveMatrix.Decider decider) {
        Path specDir = full.specDir(results);
        Setup setup = full.setup();
        Plan round = full;
        Decision decision = null;
        if (setup != null) {
            // as matrix does first: every existing run of the spec (up to max seeds) against its config
            new MatrixRunner(full, Shard.ALL, results, MatrixOptions.defaults(), null, MatrixListener.NONE).check();
            checkRule(specDir, setup);
            decision = decider.decide(specDir);
            if (decision.complete()) {
                return new Complete(decision);
            }
            round = full.only(decision.roundRuns());
        }
        MatrixRunner runner = new MatrixRunner(round, Shard.ALL, results, MatrixOptions.defaults(), null,
                MatrixListener.NONE);
        List<PlannedRun> toTrain = runner.check();
        List<PlannedRun> failed = runner.failedEarlier();
        if (toTrain.isEmpty() && failed.isEmpty() && decision == null) {
            return new Complete(null);
        }
        if (toTrain.isEmpty()) {
            return new Waiting(round, failed, decision);
        }
        return new Train(round, new Plan(full.spec(), full.cells(), toTrain), failed, decision);
    }

    /**
     * Refuses a rule file written for another rule, as the matrix refuses it before writing anything
     * (its own rule file, and its record of the spec: {@code spec.yaml}, {@code spec.json}).
     */
    public static void checkRule(Path specDir, Setup setup) {
        try {
            RuleFile.check(specDir, setup);
        } catch (IllegalStateException e) {
            throw new SpecException(e.getMessage());
        } catch (UncheckedIOException e) {
            throw new SpecException(specDir.resolve(RuleFile.NAME) + ": cannot read: " + e.getCause().getMessage());
        }
    }
}
