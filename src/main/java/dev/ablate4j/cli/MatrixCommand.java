package dev.ablate4j.cli;

import dev.ablate4j.adaptive.DecisionText;
import dev.ablate4j.matrix.AdaptiveMatrix;
import dev.ablate4j.matrix.EnvCheck;
import dev.ablate4j.matrix.Expansion;
import dev.ablate4j.matrix.MatrixListener;
import dev.ablate4j.matrix.MatrixOptions;
import dev.ablate4j.matrix.MatrixRunner;
import dev.ablate4j.matrix.NextStep;
import dev.ablate4j.matrix.Plan;
import dev.ablate4j.matrix.ProgressReporter;
import dev.ablate4j.matrix.RunExecutor;
import dev.ablate4j.matrix.Shard;
import dev.ablate4j.matrix.SpecException;
import dev.ablate4j.matrix.SpecRecording;
import dev.ablate4j.matrix.Summary;
import dev.ablate4j.tensorboard.LiveBoard;
import java.io.Console;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code matrix SPEC --results DIR}: train every (cell, env, seed) of a spec file, resumably. */
@Command(name = "matrix", sortOptions = false, mixinStandardHelpOptions = true,
        description = {"Train every run of an ablation spec (cells x envs x seeds) into",
            "DIR/<spec>/<cell-id>/<env>/seed-<n>/ on a pool of single-threaded workers, each run exactly as",
            "'train' would run its resolved config. Rerunning skips finished runs and resumes interrupted",
            "ones from their checkpoints (byte-identical results); several processes may share DIR.",
            "A spec with adaptive seeds ({min, max, step, until}) runs round by round until its rule holds",
            "(with --shard: only the next round's shard k; see plan --next-round).",
            "Exit code: 0 if every run is done, 3 if some diverged or failed (see failure.json) or were left",
            "for another MuJoCo (mujoco as a factor), 2 for bad input; with adaptive seeds a diverged run is",
            "an outcome of its round: 3 only if some run failed or was left for another MuJoCo."})
public final class MatrixCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "SPEC", description = "spec file (YAML), e.g. ablations/quickstart.yaml")
    Path specFile;

    @Option(names = "--results", paramLabel = "<dir>", description = "results root (default: results)")
    Path results = Path.of("results");

    @Option(names = "--workers", paramLabel = "<n>", description = "parallel runs (default: the number of cores)")
    int workers = Runtime.getRuntime().availableProcessors();

    @Option(names = "--shard", paramLabel = "<k/n>",
            description = "run only shard k of n (deterministic, balanced by env steps; see 'plan')")
    String shard;

    @Mixin
    RunOptions run = new RunOptions();

    @Option(names = "--retry-failed", description = "rerun (from scratch) the runs recorded as diverged or failed")
    boolean retryFailed;

    @Option(names = "--reuse", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "copy a run that another spec under the same --results finished with the identical"
                    + " config (same cell id, env, seed and config.json) instead of training it (default: on)")
    boolean reuse = true;

    @Option(names = "--max-runs", paramLabel = "<n>",
            description = "refuse specs expanding to more runs than this (default: 10000)")
    long maxRuns = Expansion.DEFAULT_MAX_RUNS;

    @Option(names = "--progress-every", paramLabel = "<seconds>",
            description = "when stderr is not a terminal, print the progress line this often (default: 30)")
    int progressEvery = 30;

    @Option(names = "--heartbeat", paramLabel = "<seconds>", description = "lock heartbeat interval (default: 10)")
    double heartbeat = 10;

    @Option(names = "--stale-after", paramLabel = "<seconds>",
            description = "a lock of a process on another machine whose heartbeat has not changed for this long"
                    + " is taken over (default: 120); on the same machine a dead owner is detected at once")
    double staleAfter = 120;

    /** The training of one run; tests may replace it. */
    RunExecutor executor = RunExecutor.driver(MujocoInfo::version);

    /** Environment check; tests may replace it. */
    EnvCheck envs = EnvCheck.RUNNABLE;

    @Override
    public Integer call() {
        Summary summary;
        try {
            if (Files.exists(results) && !Files.isDirectory(results)) {
                throw new SpecException("--results: " + results + " exists and is not a directory");
            }
            OutputPath.check("--results", results);
            if (progressEvery < 1) {
                throw new SpecException("--progress-every: " + progressEvery + " is not a positive whole number");
            }
            Shard part = shard == null ? Shard.ALL : Shard.parse(shard);
            MatrixOptions options = new MatrixOptions(workers, run.checkpointEvery(), retryFailed, reuse, seconds(heartbeat,
                    "--heartbeat"), seconds(staleAfter, "--stale-after"), seconds(Math.min(2, heartbeat), "--heartbeat"));
            Plan full = Expansion.load(specFile, envs, maxRuns);
            String otherMujoco = Expansion.hasMujocoFactor(full.spec()) ? null // each run names its own
                    : MujocoInfo.mismatch(Expansion.mujocoVersion(full.spec()), specFile + " (mujoco in its base)");
            if (otherMujoco != null) {
                throw new SpecException(otherMujoco);
            }
            full.cells().stream().map(c -> c.config().stepsRoundingNote()).filter(java.util.Objects::nonNull)
                    .distinct().forEach(System.err::println);
            if (full.setup() != null) {
                RunExecutor board = withTensorboard(full);
                new MatrixRunner(full, Shard.ALL, results, options, board, MatrixListener.NONE).check();
                // a rule file of another rule (a changed max or multiplicity) is refused before the spec is recorded
                NextStep.checkRule(full.specDir(results), full.setup());
                SpecRecording.write(specFile, full, results);
                return adaptive(full, part, options, board);
            }
            Plan plan = full.shard(part);
            MatrixRunner runner = new MatrixRunner(plan, part, results, options, withTensorboard(full),
                    listener(plan.spec().name() + (part.n() > 1 ? " " + part : "")));
            runner.check();
            SpecRecording.write(specFile, full, results);
            summary = runner.run();
        } catch (SpecException e) {
            throw new BadInputException(e.getMessage());
        }
        System.out.print(summary.table());
        System.out.flush();
        return summary.allFinished() ? ExitCodes.OK : ExitCodes.DIVERGED;
    }

    /** Rounds of an adaptive spec ({@link AdaptiveMatrix}); the summary, then where the rule stands. */
    private int adaptive(Plan full, Shard part, MatrixOptions options, RunExecutor board) {
        AdaptiveMatrix.Result r = AdaptiveMatrix.run(full, part, results, options, board, this::listener,
                NextRound.decider(full));
        System.out.print(r.summary().table());
        System.out.println(DecisionText.status(full.setup(), r.decision()));
        System.out.print(DecisionText.details(full.setup(), r.decision()));
        System.out.flush();
        return r.summary().allSettled() ? ExitCodes.OK : ExitCodes.DIVERGED;
    }

    private MatrixListener listener(String title) {
        return run.quiet ? MatrixListener.NONE : new ProgressReporter(System.err, interactive(), progressEvery * 1000, title);
    }

    /** The executor, writing each run it trains into --tensorboard as well when given. */
    private RunExecutor withTensorboard(Plan full) {
        if (run.tensorboard == null) {
            return executor;
        }
        run.checkTensorboard();
        return LiveBoard.matrix(executor, run.tensorboard, full, System.err);
    }

    private static Duration seconds(double s, String flag) {
        if (!(s > 0) || Double.isInfinite(s)) {
            throw new SpecException(flag + ": " + s + " is not a positive number of seconds");
        }
        return Duration.ofMillis(Math.max(1, Math.round(s * 1000)));
    }

    /** Whether the console is a terminal (JDK 22+ has a console even when redirected; ask it). */
    private static boolean interactive() {
        Console console = System.console();
        if (console == null) {
            return false;
        }
        try {
            return (Boolean) Console.class.getMethod("isTerminal").invoke(console);
        } catch (ReflectiveOperationException e) {
            return true;
        }
    }
}
