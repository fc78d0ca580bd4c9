package dev.ablate4j.matrix;

import dev.ablate4j.env.mujoco.MujocoEnvs;
import dev.ablate4j.matrix.RunResult.Status;
import java.util.List;

/**
 * The outcome of a matrix execution: every planned run's {@link RunResult}, in plan order.
 *
 * @param spec the spec name
 * @param shard the shard that was run
 * @param results one per planned run of the shard
 * @param seconds wall time
 */
public record Summary(String spec, Shard shard, List<RunResult> results, double seconds) {

    public long count(Status status) {
        return results.stream().filter(r -> r.status() == status).count();
    }

    /** Whether every run of the shard is done (its DONE marker exists). */
    public boolean allFinished() {
        return results.stream().allMatch(r -> r.status().finished());
    }

    /**
     * Whether every run is done or diverged: its outcome is recorded and final. Adaptive seeds take
     * a diverged run as an outcome (it uses its seed, adds no value), so only failures stop them.
     */
    public boolean allSettled() {
        return results.stream().allMatch(r -> r.status().finished() || r.status() == Status.DIVERGED);
    }

    /** The end-of-run table: counts per status, then one line per run that did not finish. */
    public String table() {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format("matrix %s%s: %d runs in %.1f s%n", spec,
                shard.n() > 1 ? " shard " + shard : "", results.size(), seconds));
        row(sb, Status.DONE, "trained now");
        row(sb, Status.SKIPPED, "already done");
        row(sb, Status.ELSEWHERE, "by another process");
        if (count(Status.REUSED) > 0) {
            row(sb, Status.REUSED, "copied from the identical run of another spec (cell.json: reused_from)");
        }
        row(sb, Status.DIVERGED, "");
        row(sb, Status.FAILED, "");
        if (count(Status.LOST) > 0) {
            row(sb, Status.LOST, "taken over by another process");
        }
        if (count(Status.OTHER_MUJOCO) > 0) {
            row(sb, Status.OTHER_MUJOCO, "left untouched for a process that loads their MuJoCo: run the spec again"
                    + " under it (" + MujocoEnvs.HOW_TO_SWITCH + ")");
        }
        for (RunResult r : results) {
            if (r.status().finished()) {
                continue;
            }
            sb.append(String.format("  %-8s %s  (%s)", r.status().word(), r.run().id(), r.run().cell().label()));
            if (r.iteration() != null) {
                sb.append(" at iteration ").append(r.iteration());
            }
            if (r.error() != null) {
                sb.append(": ").append(r.error());
            }
            if (r.earlier()) {
                sb.append(" [recorded earlier; --retry-failed reruns it]");
            }
            sb.append(System.lineSeparator());
        }
        return sb.toString();
    }

    private void row(StringBuilder sb, Status status, String note) {
        sb.append(String.format("  %-15s %6d%s%n", status.word(), count(status), note.isEmpty() ? "" : "  " + note));
    }
}
