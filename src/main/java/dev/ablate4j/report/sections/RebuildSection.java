package dev.ablate4j.report.sections;

import dev.ablate4j.report.Block;
import dev.ablate4j.report.Fmt;
import dev.ablate4j.report.RecordedSpec;
import dev.ablate4j.report.ReferenceSample;
import dev.ablate4j.report.ReportContext;
import dev.ablate4j.report.ReportOptions;
import dev.ablate4j.report.Run;
import dev.ablate4j.report.Table;
import dev.ablate4j.results.Provenance;
import dev.ablate4j.stats.Bootstrap;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Appendix: how to rebuild this report. The tool version and commit that built it, the exact
 * {@code report} command (inputs, output and every option that changes a number), and for each
 * spec its runs came from, the {@code matrix} command that trains them again. Everything here is
 * derived from the inputs, so two builds from the same runs and options write the same text.
 */
public final class RebuildSection {

    private RebuildSection() {}

    public static List<Block> blocks(ReportContext ctx, List<String> roots, Path out) {
        List<Block> blocks = new ArrayList<>();
        blocks.add(new Block.Heading(1, "Appendix: rebuilding this report"));
        blocks.add(new Block.Paragraph("Built by ablate4j " + Provenance.version() + " at commit "
                + Provenance.commit() + (Boolean.TRUE.equals(Provenance.dirty()) ? " (plus uncommitted changes)" : "")
                + " with:"));
        blocks.add(new Block.Code(command(roots, out, ctx.options)));
        Map<String, Integer> specs = new TreeMap<>();
        Map<String, RecordedSpec> recorded = new TreeMap<>();
        for (Run r : ctx.tree.runs()) {
            String spec = ctx.tree.cell(r.cellKey()).spec();
            RecordedSpec rec = ctx.tree.specOf(r);
            String key = rec == null ? spec : spec + "\t" + rec.specDir();
            specs.merge(key, 1, Integer::sum);
            if (rec != null) {
                recorded.put(key, rec);
            }
        }
        Table.Builder t = new Table.Builder(List.of("spec", "trains them again", "runs"), 2);
        specs.forEach((key, n) -> {
            RecordedSpec rec = recorded.get(key);
            String spec = rec == null ? key : rec.name();
            t.row(List.of(spec.isEmpty() ? "(single runs, no spec)" : spec, rec != null ? matrixCommand(rec)
                    : spec.isEmpty() ? "ablate4j train with each run's config.json" : "ablate4j matrix ablations/" + spec
                            + ".yaml --results results", "" + n));
        });
        blocks.add(new Block.TableBlock(t.build(), "Runs by the spec named in their cell.json. The same"
                + " spec and tool version retrain them byte for byte (metrics.csv, episodes.csv, trust_region.csv);"
                + " rerunning the report command above on these runs rewrites summary.csv byte for byte."
                + (recorded.isEmpty() ? "" : " Where matrix recorded the spec it ran (<spec>/spec.json), the command"
                        + " names that file as matrix was given it and the results directory these runs were read"
                        + " from; <spec>/spec.yaml is a byte copy of the spec, for when the file has changed since.")));
        return blocks;
    }

    /** {@code ablate4j matrix <spec as given> --results <the results root the runs were read from>}. */
    static String matrixCommand(RecordedSpec rec) {
        String abs = rec.record().absolute();
        return "java -jar target/ablate4j.jar matrix " + rec.record().path() + " --results " + rec.results()
                + (abs == null || abs.equals(rec.record().path()) ? "" : " (spec file: " + abs + ")");
    }

    /** The {@code report} command line with the options that differ from their defaults. */
    static String command(List<String> roots, Path out, ReportOptions options) {
        StringBuilder sb = new StringBuilder("java -jar target/ablate4j.jar report");
        roots.forEach(r -> sb.append(' ').append(r));
        sb.append(" --out ").append(out);
        if (options.baseline() != null) {
            sb.append(" --baseline ").append(options.baseline());
        }
        if (options.seed() != 0) {
            sb.append(" --seed ").append(options.seed());
        }
        if (options.resamples() != Bootstrap.DEFAULT_RESAMPLES) {
            sb.append(" --resamples ").append(options.resamples());
        }
        if (options.allCells()) {
            sb.append(" --all-cells");
        }
        if (options.interval() != dev.ablate4j.stats.IntervalMethod.DEFAULT) {
            sb.append(" --interval ").append(options.interval().cliName());
        }
        if (options.margin() != null) {
            sb.append(" --margin ").append(Fmt.compact(options.margin()));
        }
        if (options.calibrationReps() != ReportOptions.DEFAULT_CALIBRATION_REPS) {
            sb.append(" --calibration-reps ").append(options.calibrationReps());
        }
        for (ReferenceSample r : options.references()) {
            sb.append(' ').append(ReferenceSample.OPTION).append(' ').append(shellWord(r.label() + "=" + r.file()));
        }
        return sb.toString();
    }

    /** {@code s} as one POSIX shell word: as is when it holds only safe characters, else in single quotes. */
    static String shellWord(String s) {
        if (!s.isEmpty() && s.matches("[A-Za-z0-9_./:=+,@%-]+")) {
            return s;
        }
        return "'" + s.replace("'", "'\\''") + "'";
    }
}
