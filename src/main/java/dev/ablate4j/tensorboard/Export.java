package dev.ablate4j.tensorboard;

import dev.ablate4j.results.CorruptFileException;
import dev.ablate4j.results.CsvTable;
import dev.ablate4j.results.RunCsv;
import dev.ablate4j.results.RunDirs;
import dev.ablate4j.results.RunIntegrity;
import dev.ablate4j.results.RunStatus;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * {@code tensorboard RESULTS... --out LOGDIR}: every run directory under the results roots (finished,
 * running, diverged) becomes a TensorBoard run {@code LOGDIR/<spec>/<cell label>/<env>/seed-<n>/}
 * with one event file; {@code LOGDIR} itself holds the HParams experiment. The whole directory is
 * written next to LOGDIR and then renamed into place, so a failed export leaves nothing behind and
 * an earlier export is replaced whole. The same inputs give the same file names and bytes.
 */
public final class Export {

    /** Marks a directory as an export, which the next export may replace. */
    public static final String MARKER = ".ablate4j-tensorboard";
    /** The host part of every exported event file's name. */
    static final String HOST = "ablate4j";

    /**
     * What an export did.
     *
     * @param runs    names of the exported runs, in order
     * @param skipped run directories left out, with the reason
     */
    public record Result(List<String> runs, List<String> skipped) {}

    private Export() {}

    /** Exports {@code roots} into {@code out}; BadExportException for input it cannot use at all. */
    public static Result export(List<Path> roots, Path out) throws IOException {
        checkOut(out);
        List<String> skipped = new ArrayList<>();
        List<RunData> runs = read(roots, skipped);
        if (runs.isEmpty()) {
            throw new BadExportException("RESULTS: no run directory (one holding config.json and metrics.csv) under "
                    + roots.stream().map(Path::toString).collect(Collectors.joining(", "))
                    + (skipped.isEmpty() ? "" : " (" + skipped.get(0) + ")"));
        }
        List<String> names = RunNames.assign(runs.stream()
                .map(r -> new RunNames.Key(r.spec(), r.label(), r.cellId() != null ? r.cellId()
                        : SessionGroups.configHash(r.config()), r.env(), r.seed())).toList());
        List<String> groups = SessionGroups.assign(runs, names);
        List<HParams.Source> sources = runs.stream().map(Export::source).toList();
        HParams hparams = HParams.of(sources);

        Path target = out.toAbsolutePath().normalize();
        Path parent = target.getParent();
        Files.createDirectories(parent);
        Path tmp = parent.resolve("." + target.getFileName() + ".tmp-" + ProcessHandle.current().pid());
        deleteTree(tmp);
        Files.createDirectory(tmp);
        try {
            double created = runs.stream().mapToDouble(r -> WallTimes.of(r).start()).min().orElse(0);
            try (EventFile root = EventFile.create(tmp.resolve(EventFile.name(created, HOST)), created)) {
                root.write(dev.ablate4j.tensorboard.proto.Event.newBuilder().setWallTime(created)
                        .setSummary(hparams.experiment(created)).build());
            }
            for (int i = 0; i < runs.size(); i++) {
                writeRun(runs.get(i), names.get(i), groups.get(i), hparams, sources.get(i), tmp);
            }
            Files.writeString(tmp.resolve(MARKER), "TensorBoard log directory written by 'ablate4j tensorboard';"
                    + " the next export into it replaces it whole\n", StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            deleteTree(tmp);
            throw e;
        }
        if (Files.exists(target)) {
            Path old = parent.resolve("." + target.getFileName() + ".old-" + ProcessHandle.current().pid());
            deleteTree(old);
            Files.move(target, old);
            Files.move(tmp, target);
            deleteTree(old);
        } else {
            Files.move(tmp, target);
        }
        return new Result(names, skipped);
    }

    /** --out may be absent, an empty directory, or an earlier export. */
    private static void checkOut(Path out) throws IOException {
        if (!Files.exists(out)) {
            return;
        }
        if (!Files.isDirectory(out)) {
            throw new BadExportException("--out: " + out + " is a file; give a new or empty directory or an earlier export");
        }
        boolean empty;
        try (Stream<Path> s = Files.list(out)) {
            empty = s.findAny().isEmpty();
        }
        if (!empty && !Files.exists(out.resolve(MARKER))) {
            throw new BadExportException("--out: " + out + " is not empty and not an earlier 'tensorboard' export"
                    + " (no " + MARKER + "); give a new or empty directory");
        }
    }

    private static HParams.Source source(RunData r) {
        return new HParams.Source(r.spec(), r.label(), r.config());
    }

    /** Every usable run under the roots, in path order; a run found twice (merged shard trees) counts once. */
    private static List<RunData> read(List<Path> roots, List<String> skipped) throws IOException {
        List<RunData> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Path root : roots) {
            if (!Files.isDirectory(root)) {
                throw new BadExportException("RESULTS: " + root + " does not exist or is not a directory");
            }
            for (Path dir : RunDirs.under(root)) {
                String shown = RunDirs.shown(root, dir);
                RunData run;
                try {
                    run = RunData.read(dir, shown);
                } catch (CorruptFileException e) {
                    skipped.add(shown + ": " + e.getMessage());
                    continue;
                } catch (IOException | UncheckedIOException e) {
                    // as the report does: one run that cannot be read is left out, not the export
                    IOException cause = e instanceof UncheckedIOException u ? u.getCause() : (IOException) e;
                    skipped.add(shown + ": unreadable: " + cause.getClass().getSimpleName()
                            + (cause.getMessage() == null ? "" : " (" + cause.getMessage() + ")"));
                    continue;
                }
                String damaged = run.done() ? RunIntegrity.finished(dir).reason() : null;
                if (damaged != null) {
                    skipped.add(shown + ": finished, but its files are damaged (" + damaged + ")");
                    continue;
                }
                String identity = run.cellId() == null ? dir.toAbsolutePath().normalize().toString()
                        : run.spec() + "/" + run.cellId() + "/" + run.env() + "/" + run.seed();
                if (!seen.add(identity)) {
                    skipped.add(shown + ": the same run (spec, cell, env, seed) as one found before");
                    continue;
                }
                out.add(run);
            }
        }
        return out;
    }

    /** Writes one run's event file into {@code logdir/<name>/}. */
    static void writeRun(RunData run, String name, String group, HParams hparams, HParams.Source source, Path logdir)
            throws IOException {
        WallTimes times = WallTimes.of(run);
        Path file = logdir.resolve(name).resolve(EventFile.name(times.start(), HOST));
        Rows metrics = new Rows(run.metrics());
        Rows episodes = run.episodes() == null ? Rows.EMPTY : new Rows(run.episodes());
        Rows trust = run.trust() == null ? Rows.EMPTY : new Rows(run.trust());
        Map<Long, Integer> trustRowOf = new HashMap<>();
        int trustIteration = trust.header.indexOf(RunCsv.ITERATION);
        for (int r = 0; r < trust.rows.length; r++) {
            trustRowOf.putIfAbsent((long) trust.rows[r][trustIteration], r);
        }
        int iterationCol = metrics.header.indexOf(RunCsv.ITERATION);
        int stepCol = metrics.header.indexOf(Tags.STEP_COLUMN);
        int episodeStepCol = episodes.header.indexOf(Tags.STEP_COLUMN);
        double lastWall = times.start();
        try (EventFile f = EventFile.create(file, times.start())) {
            RunEvents events = new RunEvents(f);
            events.sessionStart(hparams, source, group, times.start());
            int e = 0;
            for (double[] row : metrics.rows) {
                long iteration = (long) row[iterationCol];
                long step = (long) row[stepCol];
                double wall = times.at(iteration, step);
                for (; e < episodes.rows.length && episodes.rows[e][episodeStepCol] <= step; e++) {
                    events.episode((long) episodes.rows[e][episodeStepCol], wall, episodes.header, episodes.rows[e]);
                }
                events.iteration(step, wall, metrics.header, row);
                Integer t = trustRowOf.get(iteration);
                if (t != null) {
                    events.trustRegion(step, wall, trust.header, trust.rows[t]);
                }
                lastWall = wall;
            }
            RunStatus status = run.status();
            if (run.done() || status == RunStatus.DIVERGED || status == RunStatus.FAILED) {
                double end = Double.isNaN(times.end()) ? lastWall : times.end();
                events.finish(run.done() && status == RunStatus.DONE, end);
            }
        }
    }

    /** A CSV table as rows. */
    private static final class Rows {
        static final Rows EMPTY = new Rows(List.of(), new double[0][]);
        final List<String> header;
        final double[][] rows;

        Rows(List<String> header, double[][] rows) {
            this.header = header;
            this.rows = rows;
        }

        Rows(CsvTable t) {
            this.header = t.header();
            double[][] cols = new double[header.size()][];
            for (int c = 0; c < cols.length; c++) {
                cols[c] = t.column(header.get(c));
            }
            this.rows = new double[t.rows()][header.size()];
            for (int r = 0; r < rows.length; r++) {
                for (int c = 0; c < cols.length; c++) {
                    rows[r][c] = cols[c][r];
                }
            }
        }
    }

    static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
