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
 * (word-split, e.g. {@code -Xmx256m}) are taken from the submitting environment.
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
    public record Settings(String specFile, String results, String jar, int shards, int cpusPerTask, String time) {}

    private SlurmScript() {}

    public static String render(Plan plan, Settings s) {
        if (s.shards() < 1) {
            throw new SpecException("--shards: " + s.shards() + " is not a positive whole number");
        }
        if (s.cpusPerTask() < 1) {
            throw new SpecException("--cpus-per-task: " + s.cpusPerTask() + " is not a positive whole number");
        }
        if (!s.time().matches("[0-9:-]+")) {
            throw new SpecException("--time: '" + s.time() + "' is not a Slurm time like 24:00:00 or 2-00:00:00");
        }
        String name = plan.spec().name();
        String runs = s.results() + "/" + name;
        String report = reportCommand(s.jar(), runs, runs + "-report");
        StringBuilder b = new StringBuilder();
        line(b, "#!/bin/bash");
        line(b, "# ablate4j matrix '" + name + "' (" + s.specFile() + "): " + plan.runs().size() + " runs, "
                + String.format("%,d", plan.steps()) + " env steps, in " + s.shards() + " array tasks.");
        line(b, "# Results: " + runs + "/   Logs: ablate4j-" + name + "-<job>_<task>.out in the submit directory.");
        line(b, "# Submit from any directory, then build the report once every task has ended:");
        line(b, "#   jid=$(sbatch --parsable THIS-FILE)");
        line(b, "#   sbatch --dependency=afterany:$jid --job-name=ablate4j-report --wrap " + quote(report));
        line(b, "# A preempted or failed task resumes from its checkpoints when resubmitted");
        line(b, "# (sbatch --array=K THIS-FILE); tasks never run the same run twice.");
        line(b, "# Environment: JAVA (default java), JAVA_OPTS (JVM options, e.g. -Xmx256m), ABLATE4J_NATIVE_DIR");
        line(b, "# (where the MuJoCo shim is unpacked; default: the JVM's temporary directory, else ~/.cache/ablate4j).");
        line(b, "#SBATCH --job-name=ablate4j-" + name);
        line(b, "#SBATCH --array=1-" + s.shards());
        line(b, "#SBATCH --ntasks=1");
        line(b, "#SBATCH --cpus-per-task=" + s.cpusPerTask());
        line(b, "#SBATCH --time=" + s.time());
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
        line(b, "# JAVA_OPTS is split into words on purpose.");
        line(b, "# shellcheck disable=SC2086");
        line(b, "\"${JAVA:-java}\" ${JAVA_OPTS:-} -jar " + quote(s.jar()) + " matrix " + quote(s.specFile())
                + " --results " + quote(s.results()) + " --shard \"${SLURM_ARRAY_TASK_ID}/" + s.shards() + "\""
                + " --workers \"${SLURM_CPUS_PER_TASK:-" + s.cpusPerTask() + "}\"");
        return b.toString();
    }

    /** The report step the header suggests. */
    static String reportCommand(String jar, String runs, String out) {
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
