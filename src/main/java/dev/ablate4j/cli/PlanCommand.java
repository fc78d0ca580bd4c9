package dev.ablate4j.cli;

import dev.ablate4j.adaptive.Decision;
import dev.ablate4j.adaptive.DecisionText;
import dev.ablate4j.adaptive.Setup;
import dev.ablate4j.matrix.EnvCheck;
import dev.ablate4j.matrix.Expansion;
import dev.ablate4j.matrix.GithubMatrix;
import dev.ablate4j.matrix.MatrixFiles;
import dev.ablate4j.matrix.Plan;
import dev.ablate4j.matrix.PlannedRun;
import dev.ablate4j.matrix.Shard;
import dev.ablate4j.matrix.SlurmScript;
import dev.ablate4j.matrix.SpecException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code plan SPEC --emit list|github|slurm}: what a matrix would run, or how to run it on CI/Slurm. */
@Command(name = "plan", sortOptions = false, mixinStandardHelpOptions = true,
        description = {"Print the runs of an ablation spec without running anything:",
            "  list    one line per run: <cell-id>/<env>/seed-<n> <TAB> env steps <TAB> label [<TAB> shard k/n]",
            "  github  a GitHub Actions strategy.matrix (JSON, one line) with --shards jobs",
            "  slurm   a Slurm job-array script with --shards array tasks (paths made absolute:",
            "          submit it from any directory; its header gives the report step)",
            "Shards are the deterministic partition 'matrix --shard k/n' runs.",
            "For a spec with adaptive seeds, --next-round prints only the next round, decided from the finished",
            "runs under --results: exactly what 'matrix' trains next (nothing, exit 0, once the rule holds)."})
public final class PlanCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "SPEC", description = "spec file (YAML)")
    Path specFile;

    @Option(names = "--emit", paramLabel = "<format>", description = "list (default), github or slurm")
    String emit = "list";

    @Option(names = "--shards", paramLabel = "<n>",
            description = "number of shards for github/slurm (default 4); with list, adds each run's shard")
    Integer shards;

    @Option(names = "--shard", paramLabel = "<k/n>", description = "list: only the runs of shard k of n")
    String shard;

    @Option(names = "--results", paramLabel = "<dir>",
            description = "results root: --next-round reads it; slurm names it (default: results; made absolute)")
    String results = "results";

    @Option(names = "--next-round", description = "adaptive seeds: only the runs of the next round (see 'matrix')")
    boolean nextRound;

    @Option(names = "--jar", paramLabel = "<path>",
            description = "slurm: the ablate4j jar (default: the jar running this command; made absolute)")
    String jar;

    @Option(names = "--cpus-per-task", paramLabel = "<n>", description = "slurm: cores per task (default: 4)")
    int cpusPerTask = 4;

    @Option(names = "--time", paramLabel = "<limit>", description = "slurm: time limit per task (default: 24:00:00)")
    String time = "24:00:00";

    @Option(names = "--max-runs", paramLabel = "<n>", description = "refuse larger expansions (default: 10000)")
    long maxRuns = Expansion.DEFAULT_MAX_RUNS;

    /** Environment check; tests may replace it. */
    EnvCheck envs = EnvCheck.REGISTRY;

    @Override
    public Integer call() {
        String out;
        try {
            if (!emit.equals("list") && !emit.equals("github") && !emit.equals("slurm")) {
                throw new SpecException("--emit: '" + emit + "' is not one of list, github, slurm");
            }
            if (shards != null && shards < 1) {
                throw new SpecException("--shards: " + shards + " is not a positive whole number");
            }
            Plan plan = Expansion.load(specFile, envs, maxRuns);
            if (nextRound) {
                plan = nextRound(plan);
                if (plan == null) {
                    return ExitCodes.OK;
                }
            } else if (plan.setup() != null && !emit.equals("list")) {
                throw new SpecException("--emit " + emit + ": " + specFile + " has adaptive seeds; add --next-round"
                        + " (with --results) to emit the next round, and run the rounds one after another");
            }
            int n = shards == null ? 4 : shards;
            out = switch (emit) {
                case "github" -> GithubMatrix.json(plan, n) + "\n";
                case "slurm" -> SlurmScript.render(plan, new SlurmScript.Settings(absolute(specFile.toString()),
                        absolute(results), jarPath(), n, cpusPerTask, time));
                default -> list(plan);
            };
        } catch (SpecException e) {
            throw new BadInputException(e.getMessage());
        }
        System.out.print(out);
        System.out.flush();
        return ExitCodes.OK;
    }

    /**
     * The next round of an adaptive spec, or null (after saying so) when the rule holds everywhere.
     * For --emit list the round keeps only the runs matrix would train now; github and slurm shard
     * the whole round, as matrix --shard does.
     */
    private Plan nextRound(Plan full) {
        Setup setup = full.setup();
        if (setup == null) {
            throw new SpecException("--next-round: " + specFile + " has a fixed number of seeds; --next-round is for"
                    + " adaptive seeds: {min, max, step, until}");
        }
        Path dir = full.specDir(Path.of(absolute(results)));
        Decision d = NextRound.decider(full).decide(dir);
        System.err.println(DecisionText.status(setup, d));
        if (d.complete()) {
            System.err.print(DecisionText.details(setup, d));
            return null;
        }
        Plan round = full.only(d.roundRuns());
        if (!emit.equals("list")) {
            return round;
        }
        List<Decision.RunKey> toTrain = new ArrayList<>();
        int failed = 0;
        for (Decision.RunKey k : d.pending()) {
            if (Files.exists(dir.resolve(k.id()).resolve(MatrixFiles.FAILURE))) {
                failed++;
            } else {
                toTrain.add(k);
            }
        }
        if (failed > 0) {
            System.err.println(failed + " runs of this round failed (failure.json) and are not listed:"
                    + " matrix --retry-failed reruns them; the round waits for them");
        }
        partitioned = round;
        return full.only(toTrain);
    }

    /** The plan whose partition defines the shards: the whole round with --next-round, else the listed plan. */
    private Plan partitioned;

    /** The jar the script runs: --jar, which must exist, else the one running now. */
    private String jarPath() {
        if (jar != null) {
            String path = absolute(jar);
            if (!Files.isRegularFile(Path.of(path))) {
                throw new SpecException("--jar: " + path + " does not exist");
            }
            return path;
        }
        try {
            Path running = Path.of(PlanCommand.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (Files.isRegularFile(running)) {
                return running.toAbsolutePath().normalize().toString();
            }
        } catch (java.net.URISyntaxException | RuntimeException e) {
            // not run from a jar (tests, an IDE): fall through
        }
        return absolute("target/ablate4j.jar");
    }

    /** The script may be submitted from anywhere, so it names every path absolutely. */
    private static String absolute(String path) {
        try {
            return Path.of(path).toAbsolutePath().normalize().toString();
        } catch (java.nio.file.InvalidPathException e) {
            throw new SpecException("'" + path + "' is not a valid path (" + e.getReason() + ")");
        }
    }

    private String list(Plan plan) {
        Plan whole = partitioned != null ? partitioned : plan;
        Plan shown = plan;
        if (shard != null) {
            Set<PlannedRun> mine = Collections.newSetFromMap(new IdentityHashMap<>());
            mine.addAll(whole.shard(Shard.parse(shard)).runs());
            shown = new Plan(plan.spec(), plan.cells(), plan.runs().stream().filter(mine::contains).toList());
        }
        Map<PlannedRun, Integer> owner = shards == null ? null : whole.assign(shards);
        StringBuilder sb = new StringBuilder();
        for (PlannedRun r : shown.runs()) {
            sb.append(r.id()).append('\t').append(r.steps()).append('\t').append(r.cell().label());
            if (owner != null) {
                sb.append('\t').append(owner.get(r)).append('/').append(shards);
            }
            sb.append('\n');
        }
        String shardNote = shard == null ? "" : "; shard " + shard + ": " + shown.runs().size() + " runs";
        if (partitioned != null) {
            System.err.printf("%s: next round: %d runs to train, %,d env steps%s%n", plan.spec().name(),
                    plan.runs().size(), plan.steps(), shardNote);
        } else {
            System.err.printf("%s: %d cells x %d envs x %s%d seeds = %d runs, %,d env steps%s%s%n", plan.spec().name(),
                    plan.cells().size(), plan.spec().envs().size(), plan.setup() != null ? "at most " : "",
                    plan.spec().seeds().size(), plan.runs().size(), plan.steps(), shardNote, plan.setup() == null ? ""
                            : "; adaptive seeds: plan --next-round --results DIR lists the next round");
        }
        return sb.toString();
    }
}
