package dev.ablate4j.report;

import dev.ablate4j.matrix.Spec;
import dev.ablate4j.matrix.SpecException;
import dev.ablate4j.matrix.SpecReader;
import dev.ablate4j.matrix.SpecRecord;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The spec's {@code equivalence-margin}, read from the copy of the spec the matrix records in
 * {@code DIR/<spec>/spec.yaml} ({@link SpecRecord}), found in a root or a root's spec directories.
 * {@code report --margin} overrides it. Two specs with different margins are bad input; a copy
 * that does not parse is passed over (the report's scope section already warns about a damaged
 * record), as are trees without one.
 */
final class SpecMargin {

    static final String KEY = SpecReader.EQUIVALENCE_MARGIN;

    private SpecMargin() {}

    /** The margin, or null when no recorded spec sets one. */
    static Double find(List<Path> roots) {
        Map<Double, String> found = new TreeMap<>();
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
                if (spec.equivalenceMargin() != null) {
                    found.putIfAbsent(spec.equivalenceMargin(), copy.toString());
                }
            }
        }
        if (found.size() > 1) {
            throw new ReportInputException("the recorded specs give different " + KEY + " values (" + found
                    + "); choose one with report --margin");
        }
        return found.isEmpty() ? null : found.keySet().iterator().next();
    }
}
