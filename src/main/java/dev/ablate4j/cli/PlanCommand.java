package dev.ablate4j.cli;

import dev.ablate4j.adaptive.DecisionText;
import dev.ablate4j.matrix.EnvCheck;
import dev.ablate4j.matrix.Expansion;
import dev.ablate4j.matrix.GithubMatrix;
import dev.ablate4j.matrix.NextStep;
import dev.ablate4j.matrix.Plan;
import dev.ablate4j.matrix.PlannedRun;
import dev.ablate4j.matrix.Shard;
import dev.ablate4j.matrix.SlurmScript;
import dev.ablate4j.matrix.SpecException;
import java.nio.file.Files;
import java.nio.file.Path;
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
            "          submit it from any directory; its header gives the report step; the tasks run a copy",
            "          of the jar taken now; --submit submits it and the report job with afterok)",
            "Shards are the deterministic partition 'matrix --shard k/n' runs.",
            "--next-round prints exactly what 'matrix' trains next over the runs under --results: for a spec with",
            "adaptive seeds its next round, decided from the finished runs (nothing, exit 0, once the rule holds);",
            "for fixed seeds every run not yet finished (nothing once all are). A driver loops until it is empty.",
            "It refuses what 'matrix' refuses (exit 2). Exit 4: nothing to train until failed runs are rerun",
            "(matrix --retry-failed); not complete, and nothing printed."})
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

    @Option(names = "--next-round",
            description = "only what matrix trains next: the next round of adaptive seeds, else the unfinished runs")
    boolean nextRound;

    @Option(names = "--jar", paramLabel = "<path>",
            description = "slurm: the ablate4j jar (default: the jar running this command; made absolute)")
    String jar;

    @Option(names = "--cpus-per-task", paramLabel = "<n>", description = "slurm: cores per task (default: 4)")
    int cpusPerTask = 4;

    @Option(names = "--time", paramLabel = "<limit>",
            description = "slurm: time limit per task: minutes, h:m:s or d-h:m:s (default: 24:00:00)")
    String time = "24:00:00";

    @Option(names = "--mem", paramLabel = "<size>",
            description = "slurm: memory per node, megabytes or with K/M/G/T (e.g. 4G; default: the cluster's)")
    String mem;

    @Option(names = "--account", paramLabel = "<name>", description = "slurm: account to charge (array and report)")
    String account;

    @Option(names = "--partition", paramLabel = "<name>",
            description = "slurm: partition(s), comma-separated (array and report)")
    String partition;

    @Option(names = "--jar-copy", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "slurm: the tasks run a copy of the jar taken now, in <results>/" + SlurmSubmit.DIR
                + "/ablate4j-<hash>.jar, so a rebuild while they wait changes nothing (default: on)")
    boolean jarCopy = true;

    @Option(names = "--submit",
            description = "slurm: submit the script (written to <results>/" + SlurmSubmit.DIR + "/<spec>.sbatch) with"
                + " sbatch, then the report job with --dependency=afterok:<array job id>; prints both job ids")
    boolean submit;

    /** The sbatch command --submit runs; tests may replace it. */
    String sbatch = "sbatch";

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
            Plan whole = plan;
            if (nextRound) {
                NextStep.Step step = NextStep.of(plan, Path.of(absolute(results)),
                        plan.setup() == null ? null : NextRound.decider(plan));
                if (plan.setup() != null) { // where every cell, comparison and index stands, as matrix ends a round
                    System.err.println(DecisionText.status(plan.setup(), step.decision()));
                    System.err.print(DecisionText.details(plan.setup(), step.decision()));
                }
                if (step instanceof NextStep.Complete) {
                    complete(plan);
                    return ExitCodes.OK;
                }
                if (step instanceof NextStep.Waiting w) {
                    System.err.println(waiting(plan, w));
                    return ExitCodes.WAITING;
                }
                NextStep.Train t = (NextStep.Train) step;
                if (!t.failed().isEmpty()) {
                    System.err.println(t.failed().size() + " runs of this round failed and are not listed:"
                            + " matrix --retry-failed reruns them; the round waits for them");
                }
                whole = t.round();
                plan = t.toTrain();
            } else if (plan.setup() != null && !emit.equals("list")) {
                throw new SpecException("--emit " + emit + ": " + specFile + " has adaptive seeds; add --next-round"
                        + " (with --results) to emit the next round, and run the rounds one after another");
            }
            int n = shards == null ? 4 : shards;
            if (emit.equals("slurm")) {
                return slurm(whole, n);
            }
            if (submit) {
                throw new SpecException("--submit: only with --emit slurm");
            }
            out = switch (emit) {
                case "github" -> GithubMatrix.json(whole, plan.runs(), n) + "\n";
                default -> list(whole, plan);
            };
        } catch (SpecException e) {
            throw new BadInputException(e.getMessage());
        }
        System.out.print(out);
        System.out.flush();
        return ExitCodes.OK;
    }

    /**
     * Nothing left to train (exit 0, nothing printed on stdout). An adaptive spec's round is decided
     * from the finished results; a fixed-seed spec has one round, all its runs, until every one of
     * them is finished, so a driver loops over both kinds alike.
     */
    private static void complete(Plan full) {
        if (full.setup() == null) {
            System.err.printf("%s: all %d runs finished; nothing to train%n", full.spec().name(), full.runs().size());
        }
    }

    /** The one line for a round that cannot go on until failed runs are retried (exit {@link ExitCodes#WAITING}). */
    static String waiting(Plan full, NextStep.Waiting w) {
        List<String> ids = w.failed().stream().map(PlannedRun::id).toList();
        String named = ids.size() <= 3 ? String.join(", ", ids)
                : String.join(", ", ids.subList(0, 3)) + " and " + (ids.size() - 3) + " more";
        return full.spec().name() + ": waiting on " + ids.size() + " failed run" + (ids.size() == 1 ? "" : "s")
                + (ids.isEmpty() ? "" : " (" + named + ")") + "; nothing else to train until "
                + (ids.size() == 1 ? "it finishes" : "they finish") + ": matrix --retry-failed reruns "
                + (ids.size() == 1 ? "it" : "them") + " (exit " + ExitCodes.WAITING + ")";
    }

    /**
     * {@code --emit slurm}: the settings checked first (nothing written for bad input), then the jar
     * copy, then the script printed, or with {@code --submit} submitted with its report job.
     */
    private int slurm(Plan whole, int n) {
        SlurmScript.Settings settings = new SlurmScript.Settings(absolute(specFile.toString()), absolute(results),
                jarPath(), n, cpusPerTask, time, account, partition, mem);
        SlurmScript.check(settings);
        Path sbatchPath = null;
        if (submit) {
            sbatchPath = SlurmSubmit.findSbatch(sbatch);
            if (sbatchPath == null) {
                throw new SpecException("--submit: " + sbatch + " is not on PATH (is this a Slurm login node?);"
                        + " leave out --submit and submit the printed script there");
            }
        }
        Path jarFile = Path.of(settings.jar());
        if (jarCopy && Files.isRegularFile(jarFile)) {
            Path copy = SlurmSubmit.copyJar(jarFile, Path.of(settings.results()));
            settings = new SlurmScript.Settings(settings.specFile(), settings.results(), copy.toString(), n,
                    cpusPerTask, time, account, partition, mem);
            System.err.println("the tasks run " + copy + ", a copy of " + jarFile
                    + " (a rebuild while they wait changes nothing)");
        } else if (jarCopy) {
            System.err.println("note: " + jarFile + " does not exist yet; the tasks run whatever is there when they"
                    + " start");
        }
        String script = SlurmScript.render(whole, settings);
        if (!submit) {
            System.out.print(script);
            System.out.flush();
            return ExitCodes.OK;
        }
        String runs = settings.results() + "/" + whole.spec().name();
        SlurmSubmit.Submitted jobs = SlurmSubmit.submit(sbatchPath, script, whole.spec().name(),
                Path.of(settings.results()), SlurmScript.reportCommand(settings.jar(), runs, runs + "-report"),
                SlurmScript.sharedOptions(settings));
        System.err.println("submitted " + jobs.script() + " as array job " + jobs.arrayJob() + " (" + n
                + " tasks) and the report as job " + jobs.reportJob() + " (afterok:" + jobs.arrayJob() + ", into "
                + runs + "-report)");
        System.out.println("array-job " + jobs.arrayJob());
        System.out.println("report-job " + jobs.reportJob());
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

    private String list(Plan whole, Plan plan) {
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
        if (nextRound) {
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
