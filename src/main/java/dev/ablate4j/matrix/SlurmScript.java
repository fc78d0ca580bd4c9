package dev.ablate4j.matrix;

/**
 * A Slurm job-array script that runs a plan in shards on a shared filesystem: array task K runs
 * {@code matrix SPEC --results DIR --shard K/N}. Because runs are claimed with locks and resume
 * from checkpoints, a task that is preempted, requeued or resubmitted continues where it stopped,
 * and overlapping tasks never run the same run twice.
 */
public final class SlurmScript {

    /**
     * What the script needs to know.
     *
     * @param specFile the spec path as the job will see it
     * @param results the results root as the job will see it
     * @param jar the ablate4j jar
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
        String nl = "\n";
        return "#!/bin/bash" + nl
                + "# ablate4j matrix '" + name + "' (" + s.specFile() + "): " + plan.runs().size() + " runs, "
                + String.format("%,d", plan.steps()) + " env steps, in " + s.shards() + " array tasks." + nl
                + "# Submit with: sbatch this-file.sbatch   Results: " + s.results() + "/" + name + "/" + nl
                + "# A preempted or failed task resumes from its checkpoints when resubmitted" + nl
                + "# (sbatch --array=K this-file.sbatch); tasks never run the same run twice." + nl
                + "#SBATCH --job-name=ablate4j-" + name + nl
                + "#SBATCH --array=1-" + s.shards() + nl
                + "#SBATCH --ntasks=1" + nl
                + "#SBATCH --cpus-per-task=" + s.cpusPerTask() + nl
                + "#SBATCH --time=" + s.time() + nl
                + "#SBATCH --output=ablate4j-" + name + "-%A_%a.out" + nl
                + "#SBATCH --requeue" + nl
                + "set -euo pipefail" + nl
                + "export OMP_NUM_THREADS=1" + nl
                + "\"${JAVA:-java}\" -jar " + quote(s.jar()) + " matrix " + quote(s.specFile())
                + " --results " + quote(s.results()) + " --shard \"${SLURM_ARRAY_TASK_ID}/" + s.shards() + "\""
                + " --workers \"${SLURM_CPUS_PER_TASK:-" + s.cpusPerTask() + "}\"" + nl;
    }

    /** Single-quotes a word for bash. */
    static String quote(String word) {
        return "'" + word.replace("'", "'\\''") + "'";
    }
}
