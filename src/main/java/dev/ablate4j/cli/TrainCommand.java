package dev.ablate4j.cli;

import dev.ablate4j.config.Keys;
import dev.ablate4j.config.TrainConfig;
import dev.ablate4j.env.Envs;
import dev.ablate4j.matrix.RunClaim;
import dev.ablate4j.run.RunDriver;
import dev.ablate4j.run.RunOutcome;
import dev.ablate4j.tensorboard.LiveBoard;
import dev.ablate4j.tensorboard.LiveRun;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
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
                + " (Hopper-v4, Walker2d-v4, Humanoid-v4), or another implementation's PPO: cleanrl:ppo, sb3:ppo"
                + " (any environment; see docs/implementation-presets.md)"})
    String preset = "ppo";

    @Option(names = "--paper-config", paramLabel = "<file>", order = -10,
            description = "start from a config of the paper's code (an agent_configs/N.json its scripts write, or"
                + " any subset of its keys over src/MuJoCo.json) instead of --preset")
    Path paperConfig;

    @Option(names = "--out", paramLabel = "<dir>", required = true, order = -9,
            description = "run directory to write into")
    Path out;

    @Option(names = "--config", paramLabel = "<file>", order = -7,
            description = "start from a run's config.json (its preset and every key); flags override it")
    Path configFile;

    @Option(names = "--force", order = -6,
            description = "replace the run in --out even if it is a different one (other files are kept)")
    boolean force;

    @Mixin
    RunOptions run = new RunOptions();

    @Override
    public Integer call() {
        TrainConfig config = resolveConfig();
        String unavailable = Envs.unavailableReason(config.get(Keys.ENV));
        if (unavailable != null) {
            throw new BadInputException("--env " + config.get(Keys.ENV) + ": " + unavailable);
        }
        String otherMujoco = MujocoInfo.mismatch(config, "the run (mujoco " + config.get(Keys.MUJOCO) + ")");
        if (otherMujoco != null) {
            throw new BadInputException(otherMujoco);
        }
        run.checkpointEvery();
        HeapCheck.require(config);
        if (config.stepsRoundingNote() != null) {
            spec.commandLine().getErr().println(config.stepsRoundingNote());
        }
        run.checkTensorboard();
        RunDirectory.Action action = RunDirectory.decide(out, config, force);
        if (action == RunDirectory.Action.SKIP) {
            return skipped();
        }
        run.checkTensorboard();
        RunDirectory.prepare(out, RunDirectory.Action.RESUME); // creates --out, checks it is writable
        try (RunClaim claim = RunClaim.tryClaim(out)) {
            if (claim == null) {
                throw new BadInputException("--out " + out + ": another process is training in it ("
                        + RunClaim.holder(out) + "); wait for it to finish, or choose another --out");
            }
            // decided again: the other process may have finished or changed the run in between
            action = RunDirectory.decide(out, config, force);
            if (action == RunDirectory.Action.SKIP) {
                return skipped();
            }
            RunDirectory.prepare(out, action);
            return train(config);
        }
    }

    private int skipped() {
        spec.commandLine().getErr().println(out + ": already done with this config; nothing to do"
                + " (--force retrains it)");
        spec.commandLine().getErr().flush();
        return ExitCodes.OK;
    }

    private int train(TrainConfig config) {
        RunDriver.Progress progress = run.quiet ? RunDriver.Progress.NONE : new ProgressLine(System.err);
        RunOutcome outcome;
        try (LiveRun live = liveTensorboard(config)) {
            outcome = RunDriver.runOrResume(config, out, MujocoInfo.version(config), live.around(progress),
                    run.checkpointEvery());
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
        return LiveBoard.train(run.tensorboard, config, out, System.err);
    }

    /**
     * The preset, the {@code --config} file or the {@code --paper-config} file, with the flags given
     * on the command line applied. The three starting points exclude each other.
     */
    private TrainConfig resolveConfig() {
        Map<String, Object> overrides = ConfigOptions.overrides(spec);
        boolean presetGiven = spec.commandLine().getParseResult().hasMatchedOption("--preset");
        if (paperConfig != null) {
            if (presetGiven || configFile != null) {
                throw new BadInputException("--paper-config: give one of --paper-config, --config and --preset");
            }
            return MujocoInfo.withLoadedVersion(TrainConfig.fromPaperConfig(readPaperConfig(), overrides,
                    "--paper-config " + paperConfig + ": "), overrides.containsKey(Keys.MUJOCO.name()));
        }
        if (configFile == null) {
            return MujocoInfo.withLoadedVersion(TrainConfig.resolve(preset, overrides, ""),
                    overrides.containsKey(Keys.MUJOCO.name()));
        }
        if (presetGiven) {
            throw new BadInputException("--preset and --config: give one (the config file names its preset)");
        }
        TrainConfig base = ConfigFile.read(configFile);
        Map<String, Object> values = new LinkedHashMap<>(base.values());
        values.putAll(overrides);
        // a MuJoCo run's config keeps its MuJoCo version (the legacy 2.2.2 when it names none)
        return MujocoInfo.withLoadedVersion(TrainConfig.resolve(base.preset(), values, "--config " + configFile + ": "),
                overrides.containsKey(Keys.MUJOCO.name()) || base.usesMujoco());
    }

    private Map<String, Object> readPaperConfig() {
        return UserJson.readObject(paperConfig, "--paper-config " + paperConfig + ": ", "a paper config");
    }
}
