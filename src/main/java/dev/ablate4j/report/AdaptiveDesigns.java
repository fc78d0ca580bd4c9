package dev.ablate4j.report;

import dev.ablate4j.adaptive.Decision;
import dev.ablate4j.adaptive.FamilywiseReadings;
import dev.ablate4j.adaptive.Rounds;
import dev.ablate4j.adaptive.RuleFile;
import dev.ablate4j.adaptive.Setup;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The adaptive designs among a report's results, each replayed from its runs exactly as
 * the section "Adaptive seeds" ({@code sections.AdaptiveSection}) replays it: the verdicts read the group-sequential decisions here.
 */
public final class AdaptiveDesigns {

    /**
     * One adaptive spec: its rule, the replayed decision, the family-wise reading of its verdicts,
     * and the directories holding its runs.
     */
    public record Design(Setup setup, Decision decision, FamilywiseReadings familywise, List<Path> dirs) {

        /** The cell key the report gives cell {@code id} of this spec. */
        String key(String id) {
            return setup.spec() + "/" + id;
        }
    }

    private AdaptiveDesigns() {}

    /** Every adaptive design found in {@code roots} (a root, or a root's spec directories). */
    static List<Design> read(List<Path> roots) {
        List<Design> out = new ArrayList<>();
        for (Map.Entry<String, List<Path>> e : ruleFiles(roots).entrySet()) {
            out.add(read(e.getKey(), e.getValue()));
        }
        return out;
    }

    /** The design of spec {@code spec} whose rule file and runs are in {@code dirs}. */
    static Design read(String spec, List<Path> dirs) {
        Setup setup = setup(dirs);
        Rounds.Results results = AdaptiveResults.read(spec, dirs);
        Decision decision = Rounds.decide(setup, results);
        return new Design(setup, decision, FamilywiseReadings.of(setup, decision, results), List.copyOf(dirs));
    }

    /**
     * The design recorded in the rule files of {@code dirs} (one spec's directories under several
     * roots); ReportInputException when one is unreadable or when two record different rules, cells
     * or envs (a changed max or multiplicity, say): the verdicts would otherwise follow whichever
     * root came first on the command line, as {@code merge} refuses such copies.
     */
    private static Setup setup(List<Path> dirs) {
        Setup first = readRule(dirs.get(0));
        for (Path dir : dirs.subList(1, dirs.size())) {
            Setup other = readRule(dir);
            if (!other.equals(first)) {
                throw new ReportInputException(dirs.get(0).resolve(RuleFile.NAME) + " and " + dir.resolve(RuleFile.NAME)
                        + " record different adaptive designs of spec " + first.spec() + " (seeds: "
                        + first.rule().describe() + " over " + first.cells().size() + " cells and " + first.envs()
                        + "; seeds: " + other.rule().describe() + " over " + other.cells().size() + " cells and "
                        + other.envs() + "); report each directory on its own");
            }
        }
        return first;
    }

    private static Setup readRule(Path dir) {
        try {
            return RuleFile.read(dir.resolve(RuleFile.NAME));
        } catch (IllegalArgumentException ex) {
            throw new ReportInputException(ex.getMessage());
        }
    }

    /** Spec name to the directories holding its rule file, in root order. */
    public static Map<String, List<Path>> ruleFiles(List<Path> roots) {
        Map<String, List<Path>> found = new TreeMap<>();
        for (Path root : roots) {
            List<Path> dirs = new ArrayList<>();
            if (Files.isRegularFile(root.resolve(RuleFile.NAME))) {
                dirs.add(root);
            }
            try (Stream<Path> children = Files.list(root)) {
                children.filter(c -> Files.isRegularFile(c.resolve(RuleFile.NAME))).sorted().forEach(dirs::add);
            } catch (IOException e) {
                throw new ReportInputException("cannot list " + root + ": " + e.getMessage());
            }
            for (Path dir : dirs) {
                String spec = dir.toAbsolutePath().normalize().getFileName().toString();
                found.computeIfAbsent(spec, s -> new ArrayList<>()).add(dir);
            }
        }
        return found;
    }
}
