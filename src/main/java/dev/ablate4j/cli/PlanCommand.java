package dev.ablate4j.cli;

import dev.ablate4j.matrix.EnvCheck;
import dev.ablate4j.matrix.Expansion;
import dev.ablate4j.matrix.GithubMatrix;
import dev.ablate4j.matrix.Plan;
import dev.ablate4j.matrix.PlannedRun;
import dev.ablate4j.matrix.Shard;
import dev.ablate4j.matrix.SlurmScript;
import dev.ablate4j.matrix.SpecException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
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
            "Shards are the deterministic partition 'matrix --shard k/n' runs."})
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

    @Option(names = "--results", paramLabel = "<dir>", description = "slurm: results root (default: results; made absolute)")
    String results = "results";

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
        Plan shown = plan;
        if (shard != null) {
            shown = plan.shard(Shard.parse(shard));
        }
        Map<PlannedRun, Integer> owner = shards == null ? null : plan.assign(shards);
        StringBuilder sb = new StringBuilder();
        for (PlannedRun r : shown.runs()) {
            sb.append(r.id()).append('\t').append(r.steps()).append('\t').append(r.cell().label());
            if (owner != null) {
                sb.append('\t').append(owner.get(r)).append('/').append(shards);
            }
            sb.append('\n');
        }
        System.err.printf("%s: %d cells x %d envs x %d seeds = %d runs, %,d env steps%s%n", plan.spec().name(),
                plan.cells().size(), plan.spec().envs().size(), plan.spec().seeds().size(), plan.runs().size(),
                plan.steps(), shard == null ? "" : "; shard " + shard + ": " + shown.runs().size() + " runs");
        return sb.toString();
    }
}
