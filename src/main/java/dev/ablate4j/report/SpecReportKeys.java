package dev.ablate4j.report;

import dev.ablate4j.matrix.Spec;
import dev.ablate4j.matrix.SpecException;
import dev.ablate4j.matrix.SpecReader;
import dev.ablate4j.results.SpecRecord;
import dev.ablate4j.stats.IntervalMethod;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * The report settings a spec may carry — {@code equivalence-margin} and {@code interval} — read from
 * the copy of the spec the matrix records in {@code DIR/<spec>/spec.yaml} ({@link SpecRecord}), found
 * in a root or a root's spec directories. {@code report --margin} and {@code --interval} override
 * them. Two specs with different values are bad input; a copy that does not parse is passed over
 * (the report's scope section already warns about a damaged record), as are trees without one.
 */
public final class SpecReportKeys {

    static final String MARGIN = SpecReader.EQUIVALENCE_MARGIN;

    private SpecReportKeys() {}

    /** The margin, or null when no recorded spec sets one. */
    static Double margin(List<Path> roots) {
        return find(roots, Spec::equivalenceMargin, MARGIN, "--margin");
    }

    /** The interval method, or null when no recorded spec sets one. */
    public static IntervalMethod interval(List<Path> roots) {
        return find(roots, Spec::interval, SpecReader.INTERVAL, "--interval");
    }

    private static <T> T find(List<Path> roots, Function<Spec, T> key, String name, String flag) {
        Map<String, T> found = new TreeMap<>();
        Map<String, String> where = new TreeMap<>();
        for (Path root : roots) {
            List<Path> dirs = new ArrayList<>();
            dirs.add(root);
            try (Stream<Path> children = Files.list(root)) {
                children.filter(Files::isDirectory).sorted().forEach(dirs::add);
            } catch (IOException e) {
                continue; // the reader reports unreadable roots
            }
            for (Path dir : dirs) {
                Path copy = dir.resolve(SpecRecord.COPY);
                if (!Files.isRegularFile(copy)) {
                    continue;
                }
                Spec spec;
                try {
                    spec = SpecReader.read(copy);
                } catch (SpecException e) {
                    continue;
                }
                T value = key.apply(spec);
                if (value != null) {
                    String shown = value instanceof IntervalMethod m ? m.cliName() : String.valueOf(value);
                    found.putIfAbsent(shown, value);
                    where.putIfAbsent(shown, copy.toString());
                }
            }
        }
        if (found.size() > 1) {
            throw new ReportInputException("the recorded specs give different " + name + " values (" + where
                    + "); choose one with report " + flag);
        }
        return found.isEmpty() ? null : found.values().iterator().next();
    }
}
