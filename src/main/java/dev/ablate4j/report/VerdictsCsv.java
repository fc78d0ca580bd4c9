package dev.ablate4j.report;

import dev.ablate4j.results.ReportFiles;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Writes {@code verdicts.csv}: one row per comparison of the verdict table, full precision,
 * "\n" line ends. {@code retest_false_positive_rate} is the simulated rate of a re-tested
 * comparison ({@link ReTests}), empty otherwise. A row of design {@code reference} (the baseline
 * against another implementation's sample, {@code report --reference}) has x the baseline, y_spec and
 * y_cell empty, y_label the sample's label, and in {@code welch_p_holm} the plain Welch p: it is a
 * single comparison outside the Holm family of the configs against the baseline (a family of one).
 */
final class VerdictsCsv {

    static final List<String> HEADER = ReportFiles.VERDICTS_HEADER;

    private VerdictsCsv() {}

    static void write(List<VerdictRow> rows, List<ReTests.Note> notes, Path file) throws IOException {
        CSVFormat format = CSVFormat.DEFAULT.builder().setRecordSeparator("\n").get();
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
                CSVPrinter p = new CSVPrinter(w, format)) {
            p.printRecord(HEADER);
            for (VerdictRow r : rows) {
                List<String> f = new ArrayList<>(List.of(r.env(), r.comparison(), r.design()));
                for (ResultCell c : new ResultCell[] {r.x(), r.y()}) {
                    f.add(c == null ? "" : c.spec());
                    f.add(c == null ? "" : c.id());
                    f.add(c == null ? "" : c.label());
                }
                if (r.isReference()) {
                    f.set(f.size() - 1, r.reference());
                }
                f.add(r.hasSamples() ? Integer.toString(r.nX()) : "");
                f.add(r.hasSamples() ? Integer.toString(r.nY()) : "");
                f.add(Fmt.csv(r.estimate()));
                f.add(Fmt.csv(r.interval().lo()));
                f.add(Fmt.csv(r.interval().hi()));
                f.add(Fmt.csv(r.holmP()));
                f.add(r.tost() == null ? "" : Fmt.compact(r.tost().margin()));
                f.add(r.tost() == null ? "" : Fmt.csv(r.tost().p()));
                f.add(Fmt.csv(r.smallestMargin()));
                f.add(r.verdict().kind().text());
                f.add(r.verdict().direction());
                f.add(r.verdict().rule());
                ReTests.Note note = notes.stream().filter(n -> n.row() == r).findFirst().orElse(null);
                f.add(note == null ? "" : note.donor());
                f.add(note == null || note.sim() == null ? "" : Fmt.csv(note.sim().rate()));
                p.printRecord(f);
            }
        }
    }
}
