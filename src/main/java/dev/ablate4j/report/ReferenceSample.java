package dev.ablate4j.report;

import dev.ablate4j.results.CorruptFileException;
import dev.ablate4j.results.ReferenceReturns;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * A reference sample given to {@code report --reference LABEL=FILE}: the final returns of runs made
 * by another implementation (a file in the format of {@link ReferenceReturns}), compared with the
 * report's baseline in each environment the file has rows for. It is not a cell: it has no runs,
 * configs or curves in the report, only its final returns, so it adds no row to {@code summary.csv}
 * or {@code runs.csv}; it adds one row per environment to {@code verdicts.csv} (design
 * {@code reference}, see {@link Verdicts}) and the section "Against another implementation".
 *
 * @param label  the name the report gives the sample (the LABEL before {@code =})
 * @param file   the FILE as the option gave it (the rebuild command repeats it)
 * @param sample the file's rows and comment lines
 */
public record ReferenceSample(String label, String file, ReferenceReturns sample) {

    /** The option's name, for messages. */
    public static final String OPTION = "--reference";

    /**
     * Parses {@code LABEL=FILE} (split at the first {@code =}; the label trimmed) and reads FILE.
     *
     * @throws ReportInputException for a bad option or an unreadable or malformed file
     */
    public static ReferenceSample parse(String option) {
        int eq = option.indexOf('=');
        if (eq < 0) {
            throw new ReportInputException(OPTION + " '" + option + "': expected LABEL=FILE (a name for the sample, '=',"
                    + " a CSV file with header " + String.join(",", ReferenceReturns.HEADER) + ")");
        }
        String label = option.substring(0, eq).strip();
        String file = option.substring(eq + 1);
        if (label.isEmpty()) {
            throw new ReportInputException(OPTION + " '" + option + "': the LABEL before '=' is empty; name the sample,"
                    + " e.g. " + OPTION + " 'CleanRL script=cleanrl.csv'");
        }
        if (file.isBlank()) {
            throw new ReportInputException(OPTION + " '" + option + "': the FILE after '=' is empty");
        }
        Path path = Path.of(file);
        if (!Files.isRegularFile(path)) {
            throw new ReportInputException(OPTION + " " + label + ": " + file + ": "
                    + (Files.exists(path) ? "not a regular file" : "no such file"));
        }
        try {
            return new ReferenceSample(label, file, ReferenceReturns.read(path, file));
        } catch (CorruptFileException e) {
            throw new ReportInputException(OPTION + " " + label + ": " + e.getMessage());
        } catch (IOException e) {
            throw new ReportInputException(OPTION + " " + label + ": " + file + ": cannot read it (" + e.getMessage()
                    + ")");
        }
    }

    /** The final returns of {@code env}, by ascending seed. */
    public double[] returns(String env) {
        return sample.returns(env);
    }

    /** The environments the sample has rows for, in file order. */
    public List<String> envs() {
        return sample.envs();
    }

    /**
     * Checks the samples against the report's runs: labels unique and unlike every config's label
     * (case ignored), every environment one the report has, with runs of the baseline there.
     *
     * @throws ReportInputException naming the first problem
     */
    static void check(List<ReferenceSample> refs, ResultsTree tree, ResultCell baseline) {
        for (int i = 0; i < refs.size(); i++) {
            ReferenceSample r = refs.get(i);
            String name = OPTION + " " + r.label() + " (" + r.file() + ")";
            for (ReferenceSample earlier : refs.subList(0, i)) {
                if (earlier.label().toLowerCase(Locale.ROOT).equals(r.label().toLowerCase(Locale.ROOT))) {
                    throw new ReportInputException(name + ": the label '" + r.label() + "' is given twice; each"
                            + " reference needs its own label");
                }
            }
            for (ResultCell c : tree.cells()) {
                if (c.label().equalsIgnoreCase(r.label())) {
                    throw new ReportInputException(name + ": the label '" + r.label() + "' is a config's label in this"
                            + " report; choose another (configs: " + String.join(", ",
                                    tree.cells().stream().map(ResultCell::label).toList()) + ")");
                }
            }
            for (String env : r.envs()) {
                if (!tree.envs().contains(env)) {
                    throw new ReportInputException(name + ": environment " + env + " has no runs in this report"
                            + " (its environments: " + String.join(", ", tree.envs()) + ")");
                }
                if (tree.finalReturns(env, baseline.key()).length == 0) {
                    throw new ReportInputException(name + ": the baseline '" + baseline.label() + "' has no runs in "
                            + env + " to compare with; choose one that has with --baseline");
                }
            }
        }
    }
}
