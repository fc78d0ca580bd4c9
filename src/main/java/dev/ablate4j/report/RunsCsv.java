package dev.ablate4j.report;

import dev.ablate4j.config.Keys;
import dev.ablate4j.results.CellRecord;
import dev.ablate4j.results.ConfigFile;
import dev.ablate4j.results.JsonObjects;
import dev.ablate4j.results.ReportFiles;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Writes {@code runs.csv} beside {@code summary.csv}: one row per run directory the report found —
 * the runs it used (sorted by path) and then the runs it left out, with the reason — so a user can
 * load every score into pandas or rliable. Columns: {@code path, spec, cell_label, cell_id, env,
 * seed}, one column per optimization switch, the varied config keys of {@code summary.csv}, then
 * {@code steps, status} ({@code used} or {@code left out}), {@code final_return} (named
 * {@code eval_return} under {@code --score eval}, whose score it then holds), {@code max_return}
 * (full precision) and {@code left_out_reason}. A left-out run's config fields come from its
 * {@code config.json} and {@code cell.json} when they can be read, and are empty otherwise. The
 * mean of {@code final_return} over a cell's used rows in one environment is that cell's
 * {@code final_mean} in {@code summary.csv}.
 */
final class RunsCsv {

    private RunsCsv() {}

    static List<String> header(List<String> varied, Score score) {
        List<String> h = new ArrayList<>(ReportFiles.RUNS_KEYS);
        h.addAll(OptimizationNames.keys());
        h.addAll(varied);
        h.addAll(ReportFiles.runsTail(score == Score.EVAL));
        return h;
    }

    static void write(ReportContext ctx, Path file) throws IOException {
        List<String> varied = SummaryCsv.varied(ctx.summary.values());
        CSVFormat format = CSVFormat.DEFAULT.builder().setRecordSeparator("\n").get();
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
                CSVPrinter p = new CSVPrinter(w, format)) {
            p.printRecord(header(varied, ctx.options.score()));
            for (Run r : ctx.tree.runs()) {
                ResultCell c = ctx.tree.cell(r.cellKey());
                List<String> f = new ArrayList<>(List.of(r.path(), c.spec(), c.label(), c.id(), r.env(),
                        Long.toString(r.seed())));
                addConfig(f, r.config(), varied);
                f.addAll(List.of(ReportFiles.RUN_USED, Fmt.csv(r.finalReturn()), Fmt.csv(r.maxReturn()), ""));
                p.printRecord(f);
            }
            for (Exclusion e : ctx.tree.excluded()) {
                Map<String, Object> config = readOrEmpty(ConfigFile.file(Path.of(e.path())));
                ConfigFile c = new ConfigFile(config);
                CellRecord cell = CellRecord.of(readOrEmpty(CellRecord.file(Path.of(e.path()))));
                List<String> f = new ArrayList<>(List.of(e.path(), text(cell.spec()), text(cell.label()),
                        text(cell.cell()), text(c.env()), text(config.get(Keys.SEED.name()))));
                addConfig(f, config, varied);
                f.addAll(List.of(ReportFiles.RUN_LEFT_OUT, "", "", e.reason()));
                p.printRecord(f);
            }
        }
    }

    /** Switches, varied keys and steps of {@code config}. */
    private static void addConfig(List<String> f, Map<String, Object> config, List<String> varied) {
        for (String key : OptimizationNames.keys()) {
            f.add(text(config.get(key)));
        }
        for (String key : varied) {
            Object v = config.get(key);
            f.add(v == null ? "" : Values.canonical(v));
        }
        double steps = Values.number(config, "steps");
        f.add(Double.isFinite(steps) ? Fmt.compact(steps) : "");
    }

    private static String text(Object v) {
        return v == null ? "" : v.toString();
    }

    private static Map<String, Object> readOrEmpty(Path file) {
        if (!Files.isRegularFile(file)) {
            return Map.of();
        }
        try {
            return JsonObjects.read(file, file.toString());
        } catch (Exception e) {
            return Map.of(); // the exclusion reason already says what is wrong with the run
        }
    }
}
