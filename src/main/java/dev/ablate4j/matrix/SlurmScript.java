package dev.ablate4j.matrix;

/**
 * A Slurm job-array script that runs a plan in shards on a shared filesystem: array task K runs
 * {@code matrix SPEC --results DIR --shard K/N}. Because runs are claimed with locks and resume
 * from checkpoints, a task that is preempted, requeued or resubmitted continues where it stopped,
 * and overlapping tasks never run the same run twice.
 *
 * <p>The script names the spec, results root and jar exactly as given in {@link Settings}; callers
 * pass absolute paths so that it can be submitted from any directory. Its log opens in append mode
 * so a requeued task adds to its log instead of overwriting it. {@code JAVA} and {@code JAVA_OPTS}
 * (word-split, e.g. {@code -Xmx256m}) are taken from the submitting environment; java gets
 * {@code --add-modules jdk.incubator.vector} when it has that module ({@link #VECTOR_PROBE}).
 */
public final class SlurmScript {

    /**
     * What the script needs to know.
     *
     * @param specFile the spec path as the job will see it (absolute)
     * @param results the results root as the job will see it (absolute)
     * @param jar the ablate4j jar (absolute)
     * @param shards array size
     * @param cpusPerTask cores (and matrix workers) per task
     * @param time the per-task time limit (Slurm syntax, e.g. 24:00:00)
     */
    public record Settings(String specFile, String results, String jar, int shards, int cpusPerTask, String time,
            String account, String partition, String mem) {

        /** Without account, partition and memory (the cluster's defaults). */
        public Settings(String specFile, String results, String jar, int shards, int cpusPerTask, String time) {
            this(specFile, results, jar, shards, cpusPerTask, time, null, null, null);
        }
    }

    /** Slurm's time formats: minutes, m:s, h:m:s, d-h, d-h:m, d-h:m:s, or UNLIMITED / INFINITE. */
    private static final java.util.regex.Pattern TIME = java.util.regex.Pattern.compile(
            "[0-9]+(:[0-9]{1,2}){0,2}|[0-9]+-[0-9]{1,2}(:[0-9]{1,2}){0,2}|(?i:unlimited|infinite)");
    /** Memory per node: a whole number of megabytes, or with a unit K, M, G or T (0: all of a node's memory). */
    private static final java.util.regex.Pattern MEM = java.util.regex.Pattern.compile("(0|[1-9][0-9]{0,8})[KMGT]?");
    /** An account or partition name (a partition may be a comma-separated list, as sbatch takes it). */
    private static final java.util.regex.Pattern NAME = java.util.regex.Pattern.compile("[A-Za-z0-9_.+-]{1,64}");

    /** Checks the settings a user types; a {@link SpecException} naming the flag and what is allowed. */
    public static void check(Settings s) {
        if (s.shards() < 1) {
            throw new SpecException("--shards: " + s.shards() + " is not a positive whole number");
        }
        if (s.cpusPerTask() < 1) {
            throw new SpecException("--cpus-per-task: " + s.cpusPerTask() + " is not a positive whole number");
        }
        if (!TIME.matcher(s.time()).matches()) {
            throw new SpecException("--time: '" + s.time() + "' is not a Slurm time limit; allowed: minutes (90),"
                    + " h:m:s (24:00:00), d-h, d-h:m or d-h:m:s (2-00:00:00), or UNLIMITED");
        }
        if (s.mem() != null && !MEM.matcher(s.mem()).matches()) {
            throw new SpecException("--mem: '" + s.mem() + "' is not a Slurm memory size; allowed: megabytes (4000)"
                    + " or a number with K, M, G or T (4G, 512M); 0 asks for all of a node's memory");
        }
        if (s.account() != null && !NAME.matcher(s.account()).matches()) {
            throw new SpecException("--account: '" + s.account() + "' is not a Slurm account name (letters, digits,"
                    + " _ . + -)");
        }
        if (s.partition() != null && !java.util.Arrays.stream(s.partition().split(",", -1))
                .allMatch(p -> NAME.matcher(p).matches())) {
            throw new SpecException("--partition: '" + s.partition() + "' is not a Slurm partition name, or a"
                    + " comma-separated list of them (letters, digits, _ . + -)");
        }
    }

    /** The options the report job shares with the array (account, partition), as sbatch words. */
    public static java.util.List<String> sharedOptions(Settings s) {
        java.util.List<String> out = new java.util.ArrayList<>();
        if (s.account() != null) {
            out.add("--account=" + s.account());
        }
        if (s.partition() != null) {
            out.add("--partition=" + s.partition());
        }
        return out;
    }

    /**
     * Bash lines that set {@code $vector} to {@code --add-modules jdk.incubator.vector} when the java
     * to be launched has that module, else to nothing. With it the networks of both precisions use
     * the Vector API kernels, about 1.4-1.5x faster than the scalar ones and bit for bit the same
     * ({@code nn.FloatKernelChoice}, {@code nn.DoubleKernelChoice}), so results do not depend on whether a task got the flag; a
     * runtime without the module (a jlink image) would refuse to start with it, hence the probe.
     * The JVM then prints one {@code WARNING: Using incubator modules} line on stderr (into the log).
     */
    static final java.util.List<String> VECTOR_PROBE = java.util.List.of(
            "# The networks' Vector API kernels (both precisions; same bits as the scalar ones, ~1.4-1.5x faster)",
            "# need the incubator module; a java without it is started without the flag and uses the scalar kernels.",
            "vector=\"\"",
            "if \"${JAVA:-java}\" --add-modules jdk.incubator.vector -version >/dev/null 2>&1; then",
            "  vector=\"--add-modules jdk.incubator.vector\"",
            "fi");

    private SlurmScript() {}

    public static String render(Plan plan, Settings s) {
        check(s);
        String name = plan.spec().name();
        String runs = s.results() + "/" + name;
        String report = reportCommand(s.jar(), runs, runs + "-report");
        StringBuilder b = new StringBuilder();
        line(b, "#!/bin/bash");
        line(b, "# ablate4j matrix '" + name + "' (" + s.specFile() + "): " + plan.runs().size() + " runs, "
                + String.format("%,d", plan.steps()) + " env steps, in " + s.shards() + " array tasks.");
        line(b, "# Results: " + runs + "/   Logs: ablate4j-" + name + "-<job>_<task>.out in the submit directory.");
        String shared = sharedOptions(s).stream().map(o -> o + " ").collect(java.util.stream.Collectors.joining());
        line(b, "# Submit from any directory, then build the report once every task has succeeded:");
        line(b, "#   jid=$(sbatch --parsable THIS-FILE)");
        line(b, "#   sbatch --dependency=afterok:$jid " + shared + "--job-name=ablate4j-report --wrap " + quote(report));
        line(b, "# (plan --emit slurm --submit does both. afterok: a task that fails, or exits 3 because a run");
        line(b, "# diverged, holds the report back; use afterany to build it whatever the tasks' outcome.)");
        line(b, "# A preempted or failed task resumes from its checkpoints when resubmitted");
        line(b, "# (sbatch --array=K THIS-FILE); tasks never run the same run twice.");
        line(b, "# Environment: JAVA (default java), JAVA_OPTS (JVM options, e.g. -Xmx256m), ABLATE4J_NATIVE_DIR");
        line(b, "# (where the MuJoCo shim is unpacked; default: the JVM's temporary directory, else ~/.cache/ablate4j).");
        line(b, "#SBATCH --job-name=ablate4j-" + name);
        line(b, "#SBATCH --array=1-" + s.shards());
        line(b, "#SBATCH --ntasks=1");
        line(b, "#SBATCH --cpus-per-task=" + s.cpusPerTask());
        line(b, "#SBATCH --time=" + s.time());
        if (s.mem() != null) {
            line(b, "#SBATCH --mem=" + s.mem());
        }
        for (String o : sharedOptions(s)) {
            line(b, "#SBATCH " + o);
        }
        line(b, "#SBATCH --output=ablate4j-" + name + "-%A_%a.out");
        line(b, "#SBATCH --open-mode=append");
        line(b, "#SBATCH --requeue");
        line(b, "set -euo pipefail");
        line(b, "if [ -z \"${SLURM_ARRAY_TASK_ID:-}\" ]; then");
        line(b, "  echo \"ablate4j: SLURM_ARRAY_TASK_ID is not set: submit with --array=1-" + s.shards()
                + " (sbatch THIS-FILE does)\" >&2");
        line(b, "  exit 2");
        line(b, "fi");
        line(b, "export OMP_NUM_THREADS=1");
        for (String l : VECTOR_PROBE) {
            line(b, l);
        }
        line(b, "# JAVA_OPTS and the module flag are split into words on purpose.");
        line(b, "# shellcheck disable=SC2086");
        line(b, "\"${JAVA:-java}\" $vector ${JAVA_OPTS:-} -jar " + quote(s.jar()) + " matrix " + quote(s.specFile())
                + " --results " + quote(s.results()) + " --shard \"${SLURM_ARRAY_TASK_ID}/" + s.shards() + "\""
                + " --workers \"${SLURM_CPUS_PER_TASK:-" + s.cpusPerTask() + "}\"");
        return b.toString();
    }

    /** The report step the header suggests. */
    public static String reportCommand(String jar, String runs, String out) {
        return "java -jar " + quote(jar) + " report " + quote(runs) + " --out " + quote(out);
    }

    private static void line(StringBuilder b, String text) {
        b.append(text).append('\n');
    }

    /** Single-quotes a word for bash. */
    static String quote(String word) {
        return "'" + word.replace("'", "'\\''") + "'";
    }
}
