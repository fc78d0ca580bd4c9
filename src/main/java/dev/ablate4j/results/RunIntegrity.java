package dev.ablate4j.results;

import dev.ablate4j.policy.BadPolicyException;
import dev.ablate4j.policy.PolicyJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The one integrity check of a run directory (see the package documentation for what it checks and
 * why). Pure reading: it never changes a file.
 */
public final class RunIntegrity {

    /** The CSV files a checkpoint records the length of, in the order they are checked. */
    private static final List<String> CHECKPOINTED = List.of(RunCsv.METRICS.name(), RunCsv.EPISODES.name(),
            RunCsv.TRUST_REGION.name(), RunCsv.TIMING.name());

    private RunIntegrity() {}

    /**
     * Whether a finished run is whole: a run with its {@code DONE} marker, or one that
     * {@code provenance.json} records as diverged. For any other run only the shape of its CSV files
     * is checked (every row complete), since how many rows it should hold is not known yet.
     */
    public static Integrity finished(Path run) {
        Map<String, Object> provenance;
        try {
            provenance = LenientJson.object(ProvenanceFile.file(run));
        } catch (UncheckedIOException e) {
            return Integrity.broken(RunFiles.PROVENANCE + " is unreadable");
        }
        ConfigFile config;
        try {
            config = ConfigFile.lenient(run);
        } catch (UncheckedIOException e) {
            return Integrity.broken(RunFiles.CONFIG + " is unreadable");
        }
        boolean done = RunFiles.isDone(run);
        RunStatus status = provenance == null ? null : new ProvenanceFile(provenance).status();
        Long iterations = null;
        String source = null;
        if (done) {
            if (status != null && status != RunStatus.DONE) {
                return Integrity.broken(RunFiles.PROVENANCE + " records status " + status.word() + ", but "
                        + RunFiles.DONE + " is present (it is written last, after status " + RunStatus.DONE.word() + ")");
            }
            iterations = config == null ? null : config.iterations();
            source = RunFiles.CONFIG + " trains " + iterations + " iterations";
        } else if (status == RunStatus.DIVERGED && provenance.get(Provenance.DIVERGED_AT) instanceof Number at) {
            iterations = at.longValue();
            source = RunFiles.PROVENANCE + " records divergence at iteration " + iterations;
        }
        Csv metrics;
        try {
            metrics = Csv.read(run, RunFiles.METRICS);
        } catch (Csv.Bad e) {
            return Integrity.broken(e.getMessage());
        }
        if (metrics == null) {
            return Integrity.broken("no " + RunFiles.METRICS);
        }
        if (iterations != null && metrics.rows() != iterations) {
            return Integrity.broken(RunFiles.METRICS + " has " + metrics.rows() + " rows where " + source
                    + (metrics.rows() < iterations ? ": cut short after the run finished" : ""));
        }
        if (done && provenance != null && provenance.get(Provenance.ENV_STEPS) instanceof Number steps
                && metrics.rows() > 0) {
            String last = metrics.last(RunCsv.ENV_STEPS);
            if (last != null && !last.equals(Long.toString(steps.longValue()))) {
                return Integrity.broken(RunFiles.METRICS + " ends at env step " + last + ", but "
                        + RunFiles.PROVENANCE + " records " + steps.longValue() + " env steps trained");
            }
        }
        Csv trust;
        try {
            trust = Csv.read(run, RunFiles.TRUST_REGION);
        } catch (Csv.Bad e) {
            return Integrity.broken(e.getMessage());
        }
        Long every = config == null ? null : config.trustRegionEvery();
        if (iterations != null && every != null) {
            long expected = (iterations + every - 1) / every;
            long found = trust == null ? 0 : trust.rows();
            if (trust == null && expected > 0) {
                return Integrity.broken("no " + RunFiles.TRUST_REGION + ", but " + RunFiles.CONFIG
                        + " logs the trust region every " + every + " iterations");
            }
            if (found != expected) {
                return Integrity.broken(RunFiles.TRUST_REGION + " has " + found + " rows where " + source
                        + " and logs the trust region every " + every + " (" + expected + " rows)");
            }
        }
        return savedPolicy(run);
    }

    /** A saved policy, where the run has one (runs before it existed have none), must read back whole. */
    private static Integrity savedPolicy(Path run) {
        Path policy = run.resolve(RunFiles.POLICY);
        if (!Files.exists(policy)) {
            return Integrity.WHOLE;
        }
        try {
            PolicyJson.read(policy);
            return Integrity.WHOLE;
        } catch (BadPolicyException e) {
            return Integrity.broken(RunFiles.POLICY + " is damaged: " + e.getMessage());
        }
    }

    /**
     * Whether an unfinished run can resume from its checkpoint: every CSV file is at least as long as
     * the checkpoint records. Whole when there is no (readable) checkpoint: such a run starts over.
     */
    public static Integrity resumable(Path run) {
        Checkpoint checkpoint = Checkpoint.read(run.resolve(RunFiles.CHECKPOINT));
        if (checkpoint == null) {
            return Integrity.WHOLE;
        }
        for (String name : CHECKPOINTED) {
            long recorded;
            try {
                recorded = checkpoint.counter(name);
            } catch (IllegalStateException e) {
                continue;
            }
            Path file = run.resolve(name);
            long size;
            try {
                size = Files.isRegularFile(file) ? Files.size(file) : -1;
            } catch (IOException e) {
                size = -1;
            }
            if (size < recorded) {
                return Integrity.broken(size < 0 ? "no " + name + ", but " + RunFiles.CHECKPOINT + " records "
                        + recorded + " bytes of it"
                        : name + " is shorter (" + size + " bytes) than " + RunFiles.CHECKPOINT + " records ("
                                + recorded + " bytes), so the run cannot resume from it");
            }
        }
        return Integrity.WHOLE;
    }

    /** A CSV file's header and rows, split on commas (run files hold no quoted fields). */
    private record Csv(List<String> header, List<String> lines) {

        static final class Bad extends Exception {
            private static final long serialVersionUID = 1L;

            Bad(String message) {
                super(message, null, false, false);
            }
        }

        /** The file, or null when it does not exist; Bad when it is not whole. */
        static Csv read(Path run, String name) throws Bad {
            Path file = run.resolve(name);
            if (!Files.isRegularFile(file)) {
                return null;
            }
            String text;
            try {
                text = Files.readString(file, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new Bad(name + " is unreadable (" + e.getClass().getSimpleName() + ")");
            }
            if (text.isEmpty()) {
                throw new Bad(name + " is empty (not even its header)");
            }
            if (!text.endsWith("\n")) {
                throw new Bad(name + " is truncated (its last line is cut off)");
            }
            List<String> lines = text.lines().toList();
            List<String> header = List.of(lines.get(0).split(",", -1));
            for (int i = 1; i < lines.size(); i++) {
                int fields = lines.get(i).split(",", -1).length;
                if (fields != header.size()) {
                    throw new Bad(name + " line " + (i + 1) + " has " + fields + " fields, not " + header.size());
                }
            }
            return new Csv(header, lines);
        }

        long rows() {
            return lines.size() - 1L;
        }

        /** The last row's value in {@code column}, or null without such a column or rows. */
        String last(String column) {
            int i = header.indexOf(column);
            if (i < 0 || lines.size() < 2) {
                return null;
            }
            return lines.get(lines.size() - 1).split(",", -1)[i];
        }
    }
}
