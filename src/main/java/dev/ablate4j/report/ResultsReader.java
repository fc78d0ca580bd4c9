package dev.ablate4j.report;

import dev.ablate4j.results.CellRecord;
import dev.ablate4j.results.ConfigFile;
import dev.ablate4j.results.CorruptFileException;
import dev.ablate4j.results.CsvTable;
import dev.ablate4j.results.Provenance;
import dev.ablate4j.results.ProvenanceFile;
import dev.ablate4j.results.Returns;
import dev.ablate4j.results.RunCsv;
import dev.ablate4j.results.RunDirs;
import dev.ablate4j.results.RunFiles;
import dev.ablate4j.results.RunIntegrity;
import dev.ablate4j.results.RunStatus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Reads results trees ({@code <root>/<spec>/<cell-id>/<env-id>/seed-<n>/}, or any directory holding a
 * {@code config.json}) into a {@link ResultsTree}. Runs that are incomplete, diverged, failed,
 * corrupt (including finished runs whose files fail {@link RunIntegrity#finished}), duplicated
 * across merged roots, or off their environment's step budget are left out with a reason rather
 * than failing the whole report.
 */
public final class ResultsReader {

    private final List<Exclusion> excluded = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();
    private final SpecScope scope;
    private final Score score;

    private ResultsReader(boolean allCells, Score score) {
        this.scope = new SpecScope(allCells);
        this.score = score;
    }

    /**
     * Reads every run under {@code roots}, scored by their final return.
     *
     * @throws ReportInputException when a root is not a directory
     */
    public static ResultsTree read(List<Path> roots) {
        return read(roots, false, Score.FINAL);
    }

    /**
     * Reads the runs under {@code roots}; a run outside the spec recorded in its spec directory
     * ({@link SpecScope}) is left out unless {@code allCells}.
     *
     * @throws ReportInputException when a root is not a directory
     */
    public static ResultsTree read(List<Path> roots, boolean allCells) {
        return read(roots, allCells, Score.FINAL);
    }

    /**
     * Reads the runs under {@code roots} as {@link #read(List, boolean)}; with {@link Score#EVAL} a run's
     * {@link Run#finalReturn()} is its mean evaluation return, and runs without a usable {@code eval.csv}
     * are left out with the reason.
     *
     * @throws ReportInputException when a root is not a directory
     */
    public static ResultsTree read(List<Path> roots, boolean allCells, Score score) {
        return new ResultsReader(allCells, score).readAll(roots);
    }

    /** A run as found, before it is assigned to a cell. */
    record Found(Run run, String spec, String cellId, String label, Map<String, Object> factors) {}

    private ResultsTree readAll(List<Path> roots) {
        if (roots.isEmpty()) {
            throw new ReportInputException("no results directory given");
        }
        List<Found> found = new ArrayList<>();
        for (Path root : roots) {
            if (!Files.isDirectory(root)) {
                throw new ReportInputException("results directory " + root + " does not exist or is not a directory");
            }
            for (Path dir : listRuns(root)) {
                String shown = RunDirs.shown(root, dir);
                String outside = scope.outside(dir);
                if (outside != null) {
                    excluded.add(new Exclusion(shown, outside));
                    continue;
                }
                try {
                    Found f = load(dir, shown);
                    if (f != null) {
                        found.add(f);
                    }
                } catch (CorruptFileException e) {
                    excluded.add(new Exclusion(shown, "corrupt: " + e.getMessage()));
                } catch (IOException e) {
                    excluded.add(new Exclusion(shown, "unreadable: " + e));
                }
            }
        }
        warnings.addAll(scope.warnings());
        LeftOutRuns leftOut = new LeftOutRuns(excluded);
        found = leftOut.duplicates(found);
        found = leftOut.offBudget(found);
        found = leftOut.configMismatches(found);
        warnMixedVersions(found);
        return assemble(found);
    }

    private static List<Path> listRuns(Path root) {
        try {
            return RunDirs.under(root);
        } catch (IOException e) {
            throw new ReportInputException("cannot list " + root + ": " + e.getMessage());
        }
    }

    private Found load(Path dir, String shown) throws CorruptFileException, IOException {
        ProvenanceFile provenance = ProvenanceFile.read(dir, shown);
        RunStatus status = provenance.status();
        if (status == RunStatus.DIVERGED) {
            Object at = provenance.divergedAt();
            excluded.add(new Exclusion(shown, status + (at == null ? "" : " at iteration " + at)));
            return null;
        }
        if (status == RunStatus.FAILED) {
            Object err = provenance.error();
            excluded.add(new Exclusion(shown, status + (err == null ? "" : ": " + err)));
            return null;
        }
        if (!RunFiles.isDone(dir)) {
            excluded.add(new Exclusion(shown, "incomplete: no " + RunFiles.DONE + " marker (still running, or stopped)"));
            return null;
        }
        if (!ConfigFile.exists(dir)) {
            excluded.add(new Exclusion(shown, "no " + RunFiles.CONFIG));
            return null;
        }
        ConfigFile configFile = ConfigFile.read(dir, shown);
        Map<String, Object> config = configFile.values();
        String env = configFile.env();
        if (env == null) {
            excluded.add(new Exclusion(shown, RunFiles.CONFIG + " has no 'env' key"));
            return null;
        }
        withLegacyValues(config);
        if (!Files.isRegularFile(RunCsv.METRICS.file(dir))) {
            excluded.add(new Exclusion(shown, "no " + RunFiles.METRICS));
            return null;
        }
        CsvTable metrics = RunCsv.METRICS.read(dir, shown, RunCsv.ITERATION, RunCsv.ENV_STEPS, RunCsv.MEAN_RETURN);
        double[] meanReturn = metrics.column(RunCsv.MEAN_RETURN);
        for (int i = 0; i < meanReturn.length; i++) {
            if (Double.isInfinite(meanReturn[i])) {
                excluded.add(new Exclusion(shown, RunFiles.METRICS + " line " + (i + 2) + ": " + RunCsv.MEAN_RETURN
                        + " is " + (meanReturn[i] > 0 ? "+" : "-") + "infinite (or beyond double range), not a return"));
                return null;
            }
        }
        double finalReturn = Returns.finalReturn(meanReturn);
        if (Double.isNaN(finalReturn)) {
            excluded.add(new Exclusion(shown, "no finished episode in " + RunFiles.METRICS + " (" + RunCsv.MEAN_RETURN
                    + " empty in every row)"));
            return null;
        }
        String damaged = RunIntegrity.finished(dir).reason();
        if (damaged != null) {
            excluded.add(new Exclusion(shown, "finished, but its files are damaged (" + damaged + ")"));
            return null;
        }
        if (score == Score.EVAL) {
            finalReturn = evaluationReturn(dir, shown);
            if (Double.isNaN(finalReturn)) {
                return null;
            }
        }
        TrustRegionSeries trust = null;
        if (Files.isRegularFile(RunCsv.TRUST_REGION.file(dir))) {
            try {
                trust = TrustRegionSeries.read(dir, shown);
            } catch (CorruptFileException e) {
                warnings.add("trust-region data left out: " + e.getMessage());
            }
        }
        long seed = configFile.seed() != null ? configFile.seed() : RunDirs.seedOf(dir);
        String spec = "";
        String cellId = null;
        String label = null;
        Map<String, Object> factors = new TreeMap<>();
        Path cellFile = dir.getParent() == null ? null : CellRecord.find(dir);
        if (cellFile != null) {
            CellRecord cell = CellRecord.read(cellFile, shown + "/" + RunFiles.CELL);
            spec = cell.spec() == null ? "" : cell.spec();
            cellId = cell.cell();
            label = cell.label() == null || cell.label().isBlank() ? null : cell.label();
            factors.putAll(cell.factors());
        }
        Run run = new Run(shown, env, "", seed, config, provenance.values(), metrics.column(RunCsv.ENV_STEPS),
                meanReturn, trust, finalReturn, Returns.maxReturn(meanReturn));
        return new Found(run, spec, cellId, label, factors);
    }

    /** Mean return of the run's eval.csv; NaN (and the run left out, with the reason) when it has none to give. */
    private double evaluationReturn(Path dir, String shown) throws CorruptFileException, IOException {
        if (!Files.isRegularFile(RunCsv.EVAL.file(dir))) {
            excluded.add(new Exclusion(shown, "no " + RunFiles.EVAL + " (--score eval uses evaluation returns: run "
                    + "'ablate4j evaluate' on it)"));
            return Double.NaN;
        }
        double[] returns = RunCsv.EVAL.read(dir, shown, RunCsv.EVAL.header().toArray(String[]::new))
                .column(RunCsv.RETURN);
        if (returns.length == 0) {
            excluded.add(new Exclusion(shown, RunFiles.EVAL + " holds no episodes"));
            return Double.NaN;
        }
        double sum = 0;
        for (int i = 0; i < returns.length; i++) {
            if (!Double.isFinite(returns[i])) {
                excluded.add(new Exclusion(shown, RunFiles.EVAL + " line " + (i + 2) + ": " + RunCsv.RETURN + " is "
                        + returns[i] + ", not a finite number"));
                return Double.NaN;
            }
            sum += returns[i];
        }
        return sum / returns.length;
    }

    /**
     * A config as one comparable string, without the keys that never tell configs apart
     * ({@link ConfigFile#NOT_CONFIG}).
     */
    static String configKey(Map<String, Object> config) {
        return config.entrySet().stream()
                .filter(e -> !ConfigFile.NOT_CONFIG.contains(e.getKey()))
                .map(e -> e.getKey() + "=" + Values.canonical(e.getValue()))
                .collect(Collectors.joining(";"));
    }

    /**
     * Adds to a {@code config.json} written before some keys existed those keys with their legacy
     * values (the behaviour the run had), so old and new runs of one cell have the same config; the
     * {@code mujoco} key (2.2.2) only for MuJoCo tasks, whose configs carry it.
     */
    static void withLegacyValues(Map<String, Object> config) {
        boolean mujoco = dev.ablate4j.env.Envs.usesMujoco(String.valueOf(config.get("env")));
        for (dev.ablate4j.config.Key<?> k : dev.ablate4j.config.Keys.all()) {
            if (k.legacyValue() != null && !config.containsKey(k.name()) && (k != dev.ablate4j.config.Keys.MUJOCO
                    || mujoco)) {
                config.put(k.name(), dev.ablate4j.config.TrainConfig.jsonValue(k.legacyValue()));
            }
        }
    }

    private void warnMixedVersions(List<Found> found) {
        Map<String, Integer> versions = new TreeMap<>();
        for (Found f : found) {
            Object v = f.run().provenance().get(Provenance.VERSION);
            versions.merge(v == null ? "unknown" : v.toString(), 1, Integer::sum);
        }
        if (versions.size() > 1) {
            warnings.add("runs come from " + versions.size() + " ablate4j versions ("
                    + versions.entrySet().stream().map(e -> e.getKey() + ": " + e.getValue() + " runs")
                            .collect(Collectors.joining(", "))
                    + "); results are compared as if they came from one version");
        }
    }

    private ResultsTree assemble(List<Found> found) {
        // Group into cells.
        Map<String, List<Found>> groups = new TreeMap<>();
        for (Found f : found) {
            String key = f.cellId() != null ? f.spec() + "/" + f.cellId() : "config:" + configKey(f.run().config());
            groups.computeIfAbsent(key, k -> new ArrayList<>()).add(f);
        }
        Map<String, Map<String, Object>> common = new LinkedHashMap<>();
        groups.forEach((k, list) -> common.put(k, commonConfig(list)));
        Map<String, String> given = new LinkedHashMap<>();
        groups.forEach((k, list) -> given.put(k, list.get(0).label()));
        Map<String, String> labels = CellLabels.labels(given, common);
        List<ResultCell> cells = new ArrayList<>();
        Map<String, String> keyOf = new HashMap<>();
        for (Map.Entry<String, List<Found>> g : groups.entrySet()) {
            Found first = g.getValue().get(0);
            String label = labels.get(g.getKey());
            String key = first.cellId() != null ? g.getKey() : label;
            keyOf.put(g.getKey(), key);
            cells.add(new ResultCell(key, first.spec(), first.cellId() != null ? first.cellId() : label, label,
                    Collections.unmodifiableMap(common.get(g.getKey())), Collections.unmodifiableMap(first.factors())));
        }
        cells.sort(Comparator.comparing(ResultCell::spec).thenComparing(ResultCell::label));
        List<Run> runs = new ArrayList<>();
        for (Map.Entry<String, List<Found>> g : groups.entrySet()) {
            for (Found f : g.getValue()) {
                Run r = f.run();
                runs.add(new Run(r.path(), r.env(), keyOf.get(g.getKey()), r.seed(), Collections.unmodifiableMap(r.config()),
                        Collections.unmodifiableMap(r.provenance()), r.envSteps(), r.meanReturn(), r.trustRegion(),
                        r.finalReturn(), r.maxReturn()));
            }
        }
        runs.sort(Comparator.comparing(Run::path));
        List<String> envs = new ArrayList<>(new TreeSet<>(runs.stream().map(Run::env).toList()));
        excluded.sort(Comparator.comparing(Exclusion::path));
        return new ResultsTree(List.copyOf(runs), List.copyOf(cells), List.copyOf(envs), List.copyOf(excluded),
                List.copyOf(warnings), scope.recorded());
    }

    /** Config entries equal in every run of the group (seed and env left out). */
    private static Map<String, Object> commonConfig(List<Found> group) {
        Map<String, Object> out = new TreeMap<>(group.get(0).run().config());
        out.keySet().removeIf(k -> k.equals("seed") || k.equals("env"));
        for (Found f : group) {
            out.entrySet().removeIf(e -> !f.run().config().containsKey(e.getKey())
                    || !Values.canonical(f.run().config().get(e.getKey())).equals(Values.canonical(e.getValue())));
        }
        return out;
    }
}
