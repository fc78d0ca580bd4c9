package dev.ablate4j.cli;

import dev.ablate4j.env.Env;
import dev.ablate4j.env.Envs;
import dev.ablate4j.policy.Evaluation.Episode;
import dev.ablate4j.policy.Evaluation;
import dev.ablate4j.policy.ReturnSummary;
import dev.ablate4j.policy.SavedPolicy;
import dev.ablate4j.results.AtomicFiles;
import dev.ablate4j.results.RunCsv;
import dev.ablate4j.results.RunFiles;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code evaluate RUN... [--episodes N] [--deterministic|--stochastic] [--seed S]}: episodes of each
 * run's saved policy, its observation filter frozen; prints the mean return, its std and a 95%
 * Student-t interval, and writes {@code eval.csv} (episode, return, length) and {@code eval.json}
 * (the settings) into the run directory. Every run is checked before any is evaluated, so bad input
 * writes nothing.
 */
@Command(name = "evaluate", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Run episodes of finished runs' saved policies (policy.json), with the observation filter "
                + "frozen as training left it, and print the mean return, its standard deviation and a 95 percent "
                + "Student-t interval of the mean (n/a below 2 episodes). Writes eval.csv (episode, return, "
                + "length) and eval.json (the settings) into each run directory, replacing an earlier evaluation; "
                + "'report --score eval' then scores runs by it. The same seed gives the same episodes."})
public final class EvaluateCommand implements Callable<Integer> {


    @Spec
    private CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "RUN", description = "run directories (each with a policy.json)")
    private List<Path> runs;

    @Option(names = "--episodes", defaultValue = "10", paramLabel = "<n>",
            description = "episodes per run, at least 1 (default: ${DEFAULT-VALUE})")
    private int episodes;

    @Option(names = "--deterministic", description = "act with the policy's mean action (the default)")
    private boolean deterministic;

    @Option(names = "--stochastic", description = "sample actions from the policy's Gaussian, as in training")
    private boolean stochastic;

    @Option(names = "--seed", defaultValue = "0", paramLabel = "<seed>",
            description = "seed of the episodes' resets and action noise (default: ${DEFAULT-VALUE})")
    private long seed;

    @Override
    public Integer call() {
        if (episodes < 1) {
            throw new BadInputException("--episodes must be at least 1, got " + episodes);
        }
        if (deterministic && stochastic) {
            throw new BadInputException("--deterministic and --stochastic exclude each other; give one");
        }
        boolean useMean = !stochastic;
        List<SavedPolicy> policies = new ArrayList<>();
        for (Path run : runs) {
            SavedPolicy policy = SavedPolicies.read(run);
            String problem = SavedPolicies.cannotRun(run, policy);
            if (problem != null) {
                throw new BadInputException(problem);
            }
            OutputPath.check("run", run); // eval.csv and eval.json go there
            policies.add(policy);
        }
        PrintWriter out = spec.commandLine().getOut();
        for (int r = 0; r < runs.size(); r++) {
            Path run = runs.get(r);
            SavedPolicy policy = policies.get(r);
            List<Episode> result;
            try (Env env = Envs.make(policy.env(), policy.variant())) {
                result = Evaluation.run(policy, env, episodes, useMean, seed);
            }
            write(run, policy, result, useMean);
            double[] returns = result.stream().mapToDouble(Episode::totalReturn).toArray();
            out.println(line(run, policy, useMean, ReturnSummary.of(returns, ReturnSummary.LEVEL)));
            out.flush();
        }
        return ExitCodes.OK;
    }

    private String line(Path run, SavedPolicy policy, boolean useMean, ReturnSummary s) {
        String spread = s.n() < 2 ? "std n/a, 95% t interval n/a (needs 2 episodes)"
                : String.format(Locale.ROOT, "std %.2f, 95%% t interval [%.2f, %.2f]", s.std(), s.interval().lo(),
                        s.interval().hi());
        return String.format(Locale.ROOT, "evaluate: %s (%s, %d %s episode%s, seed %d): mean return %.2f, %s -> %s",
                run, policy.env(), s.n(), useMean ? "deterministic" : "stochastic", s.n() == 1 ? "" : "s", seed,
                s.mean(), spread, run.resolve(RunFiles.EVAL));
    }

    /** eval.json (settings) then eval.csv, each atomically; an earlier eval.csv is removed first. */
    private void write(Path run, SavedPolicy policy, List<Episode> result, boolean useMean) {
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("env", policy.env());
        settings.put("episodes", result.size());
        if (!policy.variant().isV4()) {
            settings.put("env_variant", Map.of("contact_forces_zeroed", policy.variant().contactForcesZeroed(),
                    "contact_cost", policy.variant().contactCost()));
        }
        settings.put("actions", useMean ? "deterministic" : "stochastic");
        settings.put("seed", seed);
        if (Envs.usesMujoco(policy.env())) {
            settings.put("mujoco", SavedPolicies.trainedOnMujoco(run));
        }
        settings.put("policy_sha256", sha256(run.resolve(RunFiles.POLICY)));
        List<List<String>> rows = new java.util.ArrayList<>();
        for (Episode e : result) {
            rows.add(RunCsv.evalRow(e.index(), e.totalReturn(), e.length()));
        }
        try {
            Files.deleteIfExists(run.resolve(RunFiles.EVAL));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        AtomicFiles.writeJson(run.resolve(RunFiles.EVAL_SETTINGS), settings);
        AtomicFiles.writeString(RunCsv.EVAL.file(run), RunCsv.EVAL.text(rows));
    }

    private static String sha256(Path file) {
        return dev.ablate4j.results.Sha256.hexOfFile(file);
    }
}
