package dev.ablate4j.adaptive;

import dev.ablate4j.results.AdaptiveRecord;
import dev.ablate4j.results.AtomicFiles;
import dev.ablate4j.results.SpecRecord;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The adaptive rule file ({@link AdaptiveRecord}, {@code DIR/<spec>/adaptive.json}) of a
 * {@link Setup}: written by {@code matrix} so that the report (which never sees the spec file) can
 * replay the rounds. Its content depends only on the spec: numbers are written with 12 significant
 * digits through {@link SeedRule#plain}, so every process on every JDK writes the same bytes, and
 * {@code merge} can require the copies of a spec's file in several shards to be identical.
 */
public final class RuleFile {

    /** File name below the spec's results directory. */
    public static final String NAME = AdaptiveRecord.NAME;
    /** The until key of the ACLI − AAI target, and its one value. */
    public static final String ACLI_AAI = AdaptiveRecord.ACLI_AAI;
    public static final String DECIDED = AdaptiveRecord.DECIDED;
    /** The until key of the main-effects target (its one value is {@link #DECIDED}). */
    public static final String MAIN_EFFECTS = AdaptiveRecord.MAIN_EFFECTS;

    private RuleFile() {}

    /** The file's bytes for {@code setup}. */
    public static byte[] bytes(Setup setup) {
        SeedRule rule = setup.rule();
        List<Integer> looks = new ArrayList<>();
        for (int look : rule.looks()) {
            looks.add(look);
        }
        List<Number> boundaries = new ArrayList<>();
        for (double b : setup.boundaries()) {
            boundaries.add(number(b));
        }
        return new AdaptiveRecord(setup.spec(), rule.min(), rule.max(), rule.step(),
                rule.ciHalfWidth() == null ? null : number(rule.ciHalfWidth()),
                rule.decided().stream().map(Comparison::text).toList(), rule.acliAai() ? DECIDED : null,
                rule.mainEffects() ? DECIDED : null, number(SeedRule.ALPHA), looks, boundaries,
                setup.cells().stream().map(c -> new SpecRecord.CellRef(c.id(), c.label())).toList(),
                rule.mainEffects() ? setup.cells().stream().map(Setup.CellRef::levels).toList() : List.of(),
                setup.envs(), rule.bonferroni() ? SeedRule.BONFERRONI : null).bytes();
    }

    private static BigDecimal number(double x) {
        return new BigDecimal(SeedRule.plain(x));
    }

    /**
     * Writes the file into {@code specDir} unless it holds exactly these bytes already; if it holds
     * another rule, IllegalStateException naming it (the planned looks of a running experiment
     * must not change).
     */
    public static void write(Path specDir, Setup setup) {
        Path file = specDir.resolve(NAME);
        byte[] want = bytes(setup);
        try {
            if (check(specDir, setup)) {
                return;
            }
            Files.createDirectories(specDir);
            AtomicFiles.writeBytes(file, want);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Whether {@code specDir} holds the rule file of {@code setup} already (false when it holds none);
     * IllegalStateException, as {@link #write} throws it, when it holds another rule. Writes nothing.
     */
    public static boolean check(Path specDir, Setup setup) {
        Path file = specDir.resolve(NAME);
        if (!Files.isRegularFile(file)) {
            return false;
        }
        try {
            if (java.util.Arrays.equals(Files.readAllBytes(file), bytes(setup))) {
                return true;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        throw new IllegalStateException(file + " was written for another adaptive rule, cells or envs ("
                + describe(file) + "); the planned looks of an experiment cannot change midway: use another"
                + " --results directory, or remove the file to start the rule over on the same runs");
    }

    private static String describe(Path file) {
        try {
            Setup s = read(file);
            return "it has seeds: " + s.rule().describe() + " over " + s.cells().size() + " cells";
        } catch (RuntimeException e) {
            return "unreadable: " + e.getMessage();
        }
    }

    /** Reads a file written by {@link #write}; IllegalArgumentException when it is not one. */
    public static Setup read(Path file) {
        AdaptiveRecord r = AdaptiveRecord.read(file);
        try {
            List<Comparison> decided = new ArrayList<>();
            for (String c : r.decided()) {
                decided.add(Comparison.parse(c));
            }
            if (r.acliAai() != null && !DECIDED.equals(r.acliAai())) {
                throw new IllegalArgumentException(file + ": seeds: until: " + ACLI_AAI + " is '" + r.acliAai()
                        + "'; the only value is " + DECIDED);
            }
            if (r.mainEffects() != null && !DECIDED.equals(r.mainEffects())) {
                throw new IllegalArgumentException(file + ": seeds: until: " + MAIN_EFFECTS + " is '" + r.mainEffects()
                        + "'; the only value is " + DECIDED);
            }
            if (r.multiplicity() != null && !SeedRule.BONFERRONI.equals(r.multiplicity())) {
                throw new IllegalArgumentException(file + ": seeds: " + SeedRule.MULTIPLICITY + " is '" + r.multiplicity()
                        + "'; the only value written is " + SeedRule.BONFERRONI);
            }
            boolean mainEffects = r.mainEffects() != null;
            SeedRule rule = new SeedRule(r.min(), r.max(), r.step(),
                    r.ciHalfWidth() == null ? null : r.ciHalfWidth().doubleValue(), decided, r.acliAai() != null,
                    mainEffects, r.multiplicity() != null);
            List<Setup.CellRef> cells = new ArrayList<>();
            for (int i = 0; i < r.cells().size(); i++) {
                SpecRecord.CellRef c = r.cells().get(i);
                cells.add(new Setup.CellRef(c.id(), c.label(),
                        mainEffects && !r.levels().isEmpty() ? r.levels().get(i) : java.util.Map.of()));
            }
            try {
                return new Setup(r.spec(), rule, cells, r.envs());
            } catch (IllegalArgumentException e) {
                // a main-effects problem names the file (the others are told as they always were)
                throw e.getMessage().startsWith(MAIN_EFFECTS) ? new IllegalArgumentException(file + ": " + e.getMessage()) : e;
            }
        } catch (ClassCastException | NullPointerException e) {
            throw new IllegalArgumentException(file + " is not an adaptive rule file (" + e.getMessage() + ")");
        }
    }
}
