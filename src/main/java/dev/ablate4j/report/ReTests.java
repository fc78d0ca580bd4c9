package dev.ablate4j.report;

import dev.ablate4j.adaptive.Decision.ComparisonState;
import dev.ablate4j.adaptive.Decision;
import dev.ablate4j.adaptive.Familywise;
import dev.ablate4j.adaptive.RuleFile;
import dev.ablate4j.results.CellRecord;
import dev.ablate4j.stats.ReTestSimulation;
import dev.ablate4j.stats.Seeds;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Finds comparisons re-tested on seeds that already served another spec's adaptive design. A run
 * the matrix copied from another spec records the donor in its {@code cell.json}
 * ({@code reused_from: <donor spec>/<cell>/<env>/seed-<n>}). When both configs of a comparison hold
 * runs reused from one donor spec, the donor's {@code adaptive.json} is looked for beside the
 * report's results (the root itself, its parent and grandparents, as {@code <dir>/<donor>/} or, as
 * the committed reports keep their runs, {@code <dir>/<donor>/results/<donor>/}); its rounds are
 * replayed, and if its design tested the same pair on the same environment and finished, the
 * comparison is a re-test: its false-positive rate is above α, simulated for these two designs
 * with {@link ReTestSimulation}. When the donor's results are not found, the report says the seeds
 * were reused and that it cannot tell.
 */
public final class ReTests {

    /** Simulated studies per re-tested comparison. */
    static final int SIMS = 20_000;

    /** Critical |z| of a fixed two-sided test at α = 0.05, Φ⁻¹(0.975). */
    static final double FIXED_Z = 1.959963984540054;

    /**
     * A comparison whose seeds were reused.
     *
     * @param donor the donor spec
     * @param seeds the seeds both configs reused from it
     * @param sim   the simulated false-positive rate of the re-test, or null when the donor's design was not
     *              found or did not test this pair
     * @param text  what the report says
     */
    public record Note(VerdictRow row, String donor, List<Long> seeds, ReTestSimulation.Result sim, String text) {}

    private ReTests() {}

    static List<Note> find(ReportContext ctx, List<Path> roots, List<VerdictRow> rows,
            List<AdaptiveDesigns.Design> designs) {
        List<Note> out = new ArrayList<>();
        Map<String, AdaptiveDesigns.Design> donors = new TreeMap<>();
        for (VerdictRow row : rows) {
            if (!row.isPair()) {
                continue;
            }
            Map<String, Map<Long, String>> fromX = reused(ctx, row.env(), row.x());
            Map<String, Map<Long, String>> fromY = reused(ctx, row.env(), row.y());
            for (String donor : fromX.keySet()) {
                if (!fromY.containsKey(donor)) {
                    continue;
                }
                TreeSet<Long> seeds = new TreeSet<>(fromX.get(donor).keySet());
                seeds.retainAll(fromY.get(donor).keySet());
                if (seeds.isEmpty()) {
                    continue;
                }
                String donorX = fromX.get(donor).get(seeds.first());
                String donorY = fromY.get(donor).get(seeds.first());
                AdaptiveDesigns.Design d = donors.computeIfAbsent(donor, s -> locate(s, roots));
                out.add(note(ctx, row, donor, List.copyOf(seeds), donorX, donorY, d, designs));
            }
        }
        return out;
    }

    private static Note note(ReportContext ctx, VerdictRow row, String donor, List<Long> seeds, String donorX,
            String donorY, AdaptiveDesigns.Design d, List<AdaptiveDesigns.Design> designs) {
        String which = (seeds.size() == 1 ? "Seed " : "Seeds ") + ranges(seeds) + " of both " + row.x().label() + " and " + row.y().label() + " on "
                + row.env() + " were reused from spec " + donor + " (cell.json: reused_from). ";
        ComparisonState done = d == null ? null : d.decision().comparisons().stream()
                .filter(c -> c.env().equals(row.env()) && c.verdict() != Decision.Verdict.OPEN)
                .filter(c -> samePair(c, donorX, donorY)).findFirst().orElse(null);
        if (d == null) {
            return new Note(row, donor, seeds, null, which + "The report did not find " + donor + "'s "
                    + RuleFile.NAME + " beside these results, so it cannot tell whether " + donor
                    + "'s design already tested this comparison; if it did, this is a re-test, and its false-positive"
                    + " rate is above α = 0.05 (docs/statistics.md, \"Extending a study honestly\").");
        }
        if (done == null) {
            return new Note(row, donor, seeds, null, which + donor + "'s adaptive design did not test this pair on "
                    + row.env() + " to the end, so this is not a re-test of a finished design.");
        }
        int[] secondLooks;
        double[] secondBounds;
        AdaptiveDesigns.Design current = row.design().startsWith("adaptive: ")
                ? designs.stream().filter(x -> row.design().equals("adaptive: " + x.setup().spec())).findFirst()
                        .orElse(null)
                : null;
        String second;
        if (current != null) {
            secondLooks = current.decision().looks();
            secondBounds = current.decision().boundaries();
            second = "this design's looks at " + looks(secondLooks) + " seeds";
        } else {
            secondLooks = new int[] {Math.min(row.nX(), row.nY())};
            secondBounds = new double[] {FIXED_Z};
            second = "a fixed Welch test at " + secondLooks[0] + " seeds (two-sided α = 0.05, before any Holm"
                    + " adjustment)";
        }
        ReTestSimulation.Result sim = ReTestSimulation.simulate(d.decision().looks(), d.decision().boundaries(),
                secondLooks, secondBounds, SIMS,
                Seeds.stream(ctx.seed(), "retest", row.env(), row.x().key(), row.y().key(), donor));
        // the donor's own level per test: 0.05, or α / m under multiplicity: bonferroni
        double alpha = d.setup().rule().alphaPerTest(d.setup().tests());
        String alphaText = Familywise.plain(alpha);
        boolean raised = sim.interval().lo() > alpha;
        String rate = String.format(Locale.ROOT, "%.3f [%.3f, %.3f]", sim.rate(), sim.interval().lo(),
                sim.interval().hi());
        String text = which + "Re-tested design: " + donor + "'s adaptive design already tested " + done.pair()
                .comparison().text() + " on " + row.env() + " (" + done.describe(d.decision().looks().length)
                .replace(">=", "≥") + "). "
                + (raised ? "Testing it again on the same seeds raises the false-positive rate above α = " + alphaText + ": "
                        + rate
                        : "Testing it again on the same seeds with nearly the same test adds little here: " + rate)
                + " simulated under the null (normal returns, " + SIMS + " studies; " + donor + "'s looks at "
                + looks(d.decision().looks()) + " seeds, then, when it ends without a decision, " + second + "; "
                + donor + "'s design alone: " + String.format(Locale.ROOT, "%.3f", sim.firstRate()) + ")."
                + (raised ? " Read this verdict with that rate, not " + alphaText + "." : " It is the same evidence, not a"
                        + " replication.");
        return new Note(row, donor, seeds, sim, text);
    }

    private static boolean samePair(ComparisonState c, String a, String b) {
        String l = c.pair().left().id();
        String r = c.pair().right().id();
        return (l.equals(a) && r.equals(b)) || (l.equals(b) && r.equals(a));
    }

    /** Donor spec to (seed → donor cell id) for the runs of {@code cell} on {@code env} that were copied. */
    private static Map<String, Map<Long, String>> reused(ReportContext ctx, String env, ResultCell cell) {
        Map<String, Map<Long, String>> out = new LinkedHashMap<>();
        for (Run r : ctx.tree.runs(env, cell.key())) {
            String from = reusedFrom(Path.of(r.path()));
            if (from == null) {
                continue;
            }
            String[] parts = from.split("/");
            if (parts.length >= 2) {
                out.computeIfAbsent(parts[0], k -> new TreeMap<>()).put(r.seed(), parts[1]);
            }
        }
        return out;
    }

    /** The {@code reused_from} of the run in {@code dir}, or null. */
    static String reusedFrom(Path dir) {
        Path cell = CellRecord.file(dir);
        if (!Files.isRegularFile(cell)) {
            return null;
        }
        try {
            return CellRecord.read(cell, cell.toString()).reusedFrom();
        } catch (Exception e) {
            return null; // the reader already reported an unreadable cell.json
        }
    }

    /** The donor spec's design, looked for beside the roots; null when not found. */
    private static AdaptiveDesigns.Design locate(String donor, List<Path> roots) {
        for (Path root : roots) {
            Path a = root.toAbsolutePath().normalize();
            for (int up = 0; up < 4 && a != null; up++, a = a.getParent()) {
                for (Path dir : List.of(a.resolve(donor), a.resolve(donor).resolve("results").resolve(donor))) {
                    if (Files.isRegularFile(dir.resolve(RuleFile.NAME))) {
                        return AdaptiveDesigns.read(donor, List.of(dir));
                    }
                }
            }
        }
        return null;
    }

    private static String looks(int[] looks) {
        return java.util.Arrays.stream(looks).mapToObj(Integer::toString).collect(Collectors.joining(", "));
    }

    /** 0-9, 12 for {0..9, 12}. */
    static String ranges(List<Long> seeds) {
        List<String> parts = new ArrayList<>();
        int i = 0;
        while (i < seeds.size()) {
            int j = i;
            while (j + 1 < seeds.size() && seeds.get(j + 1) == seeds.get(j) + 1) {
                j++;
            }
            parts.add(i == j ? seeds.get(i).toString() : seeds.get(i) + "-" + seeds.get(j));
            i = j + 1;
        }
        return String.join(", ", parts);
    }
}
