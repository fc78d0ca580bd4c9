package dev.ablate4j.cli;

import dev.ablate4j.config.Keys;
import dev.ablate4j.config.TrainConfig;
import dev.ablate4j.env.Envs;
import dev.ablate4j.run.RunDriver;
import dev.ablate4j.run.RunOutcome;
import dev.ablate4j.run.AtomicFiles;
import dev.ablate4j.tensorboard.BadExportException;
import dev.ablate4j.tensorboard.LiveBoard;
import dev.ablate4j.tensorboard.LiveRun;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code train}: one training run into a directory. */
@Command(name = "train", modelTransformer = ConfigOptions.class, sortOptions = false, mixinStandardHelpOptions = true,
        description = {"Train one agent and write config.json, provenance.json, metrics.csv, episodes.csv,",
            "trust_region.csv and timing.csv into --out. Flags override the preset.",
            "",
            "TRPO: each step solves (F + cg-damping*I) s = g by cg-iters conjugate-gradient iterations on",
            "exact Fisher-vector products (fisher-frac of the batch), scales s to the trust-region boundary",
            "sqrt(2*max-kl / s'Fs)*s, and halves it up to max-backtracks times until the surrogate improves,",
            "the mean KL(old||new) <= max-kl (delta) and, with line-search-accept > 0, the improvement exceeds that",
            "fraction of the predicted one; if none qualifies the policy is left unchanged.",
            "",
            "paper:* presets and --paper-config run the paper's own configs with its code's behaviours",
            "(README: \"ablate4j and the paper's code\")."})
public final class TrainCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--preset", paramLabel = "<preset>", order = -10,
            description = {"starting configuration: ppo, ppo-m, ppo-noclip, trpo, trpo+ (default ppo), or the paper's"
                + " own config for --env: paper:ppo, paper:ppo-m, paper:ppo-noclip, paper:trpo, paper:trpo+"
                + " (Hopper-v4, Walker2d-v4, Humanoid-v4)"})
    String preset = "ppo";

    @Option(names = "--paper-config", paramLabel = "<file>", order = -10,
            description = "start from a config of the paper's code (an agent_configs/N.json its scripts write, or"
                + " any subset of its keys over src/MuJoCo.json) instead of --preset")
    Path paperConfig;

    @Option(names = "--out", paramLabel = "<dir>", required = true, order = -9,
            description = "run directory to write into")
    Path out;

    @Option(names = "--quiet", order = -8, description = "no per-iteration progress line")
    boolean quiet;

    @Option(names = "--tensorboard", paramLabel = "<logdir>", order = -8,
            description = "also append TensorBoard events to <logdir>/<out name>/<env>/seed-<n>/ as iterations"
                + " finish (a side output: the run's files are unchanged)")
    Path tensorboard;

    @Override
    public Integer call() {
        TrainConfig config = config();
        String unavailable = Envs.unavailableReason(config.get(Keys.ENV));
        if (unavailable != null) {
            throw new BadInputException("--env " + config.get(Keys.ENV) + ": " + unavailable);
        }
        if (java.nio.file.Files.exists(out) && !java.nio.file.Files.isDirectory(out)) {
            throw new BadInputException("--out: " + out + " is a file, not a directory");
        }
        RunDriver.Progress progress = quiet ? RunDriver.Progress.NONE : new ProgressLine(System.err);
        RunOutcome outcome;
        try (LiveRun live = liveTensorboard(config)) {
            outcome = RunDriver.run(config, out, MujocoInfo.version(config), live.around(progress));
            live.finish(outcome);
        }
        System.err.printf("%s: %d iterations, %d env steps in %.1f s (%.0f env steps/s)%n", outcome.status(),
                outcome.iterations(), outcome.envSteps(), outcome.seconds(), outcome.stepsPerSecond());
        if (!outcome.done()) {
            System.err.println(outcome.error());
            return ExitCodes.DIVERGED;
        }
        return 0;
    }

    /** The --tensorboard side output (nothing when the option is absent). */
    private LiveRun liveTensorboard(TrainConfig config) {
        try {
            LiveBoard.check(tensorboard, "--tensorboard");
        } catch (BadExportException e) {
            throw new BadInputException(e.getMessage());
        }
        return LiveBoard.train(tensorboard, config, out, System.err);
    }

    private TrainConfig config() {
        if (paperConfig == null) {
            return TrainConfig.resolve(preset, ConfigOptions.overrides(spec), "");
        }
        if (spec.commandLine().getParseResult().hasMatchedOption("--preset")) {
            throw new BadInputException("--paper-config: give either --paper-config or --preset, not both");
        }
        Map<String, Object> paper;
        try {
            paper = AtomicFiles.readJson(paperConfig);
        } catch (RuntimeException e) {
            throw new BadInputException("--paper-config: cannot read " + paperConfig + " as a JSON object ("
                    + e.getClass().getSimpleName() + ")");
        }
        return TrainConfig.fromPaperConfig(paper, ConfigOptions.overrides(spec), "--paper-config " + paperConfig + ": ");
    }
}
