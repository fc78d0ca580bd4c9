package dev.ablate4j.report;

import java.util.ArrayList;
import java.util.List;

/**
 * Everything read from one or more results roots: the usable runs grouped into cells and
 * environments, the runs left out and why, and warnings about the inputs.
 *
 * @param runs     usable runs, sorted by path
 * @param cells    cells in display order (this order fixes each cell's colour in every chart)
 * @param envs     environment ids, sorted
 * @param excluded runs left out, with the reason
 * @param warnings problems that did not exclude a run (mixed tool versions, unreadable optional files)
 * @param specs    the spec directories found holding the spec their last matrix ran ({@link SpecScope})
 */
public record ResultsTree(List<Run> runs, List<ResultCell> cells, List<String> envs, List<Exclusion> excluded,
        List<String> warnings, List<RecordedSpec> specs) {

    /** A tree without recorded specs. */
    public ResultsTree(List<Run> runs, List<ResultCell> cells, List<String> envs, List<Exclusion> excluded,
            List<String> warnings) {
        this(runs, cells, envs, excluded, warnings, List.of());
    }

    /** The recorded spec of the spec directory that holds {@code run}, or null. */
    public RecordedSpec specOf(Run run) {
        for (RecordedSpec s : specs) {
            if (run.path().startsWith(s.specDir() + "/")) {
                return s;
            }
        }
        return null;
    }

    /** Runs of {@code cellKey} in {@code env}, sorted by seed. */
    public List<Run> runs(String env, String cellKey) {
        List<Run> out = new ArrayList<>();
        for (Run r : runs) {
            if (r.env().equals(env) && r.cellKey().equals(cellKey)) {
                out.add(r);
            }
        }
        out.sort((a, b) -> Long.compare(a.seed(), b.seed()));
        return out;
    }

    /** Runs in {@code env}. */
    public List<Run> runs(String env) {
        return runs.stream().filter(r -> r.env().equals(env)).toList();
    }

    /** Cells with at least one run in {@code env}, in display order. */
    public List<ResultCell> cellsIn(String env) {
        return cells.stream().filter(c -> !runs(env, c.key()).isEmpty()).toList();
    }

    /** Final returns of the runs of {@code cellKey} in {@code env}, by seed. */
    public double[] finalReturns(String env, String cellKey) {
        return runs(env, cellKey).stream().mapToDouble(Run::finalReturn).toArray();
    }

    /** Max-over-training returns of the runs of {@code cellKey} in {@code env}, by seed. */
    public double[] maxReturns(String env, String cellKey) {
        return runs(env, cellKey).stream().mapToDouble(Run::maxReturn).toArray();
    }

    /** The cell with {@code key}; IllegalArgumentException when there is none. */
    public ResultCell cell(String key) {
        return cells.stream().filter(c -> c.key().equals(key)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no cell " + key));
    }

    /** Index of the cell in display order (used for its colour). */
    public int cellIndex(String key) {
        for (int i = 0; i < cells.size(); i++) {
            if (cells.get(i).key().equals(key)) {
                return i;
            }
        }
        return -1;
    }
}
