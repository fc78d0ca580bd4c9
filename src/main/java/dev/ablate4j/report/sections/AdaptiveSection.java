package dev.ablate4j.report.sections;

import dev.ablate4j.adaptive.Decision;
import dev.ablate4j.adaptive.Decision.CellState;
import dev.ablate4j.adaptive.Decision.ComparisonState;
import dev.ablate4j.adaptive.Familywise;
import dev.ablate4j.adaptive.FamilywiseReadings;
import dev.ablate4j.adaptive.Rounds;
import dev.ablate4j.adaptive.Setup;
import dev.ablate4j.report.AdaptiveDesigns;
import dev.ablate4j.report.Block;
import dev.ablate4j.report.Fmt;
import dev.ablate4j.report.Table;
import dev.ablate4j.stats.Bootstrap;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Locale;
import java.util.List;
import java.util.stream.Collectors;

/**
 * For each adaptive spec among the results ({@code adaptive.json} in a root, or in a root's
 * {@code <spec>/} directory): the rule, the seeds each cell received per environment, and each
 * comparison's verdict — the boundary crossed at which look, or "max reached, undecided". The
 * rounds are replayed from the runs ({@link Rounds}), exactly as {@code matrix} decided them.
 */
public final class AdaptiveSection {

    private AdaptiveSection() {}

    /** The section of every adaptive design among the report's results ({@code AdaptiveDesigns}, replayed once per report). */
    public static List<Block> blocks(List<AdaptiveDesigns.Design> designs) {
        List<Block> out = new ArrayList<>();
        for (AdaptiveDesigns.Design d : designs) {
            out.addAll(blocks(d.setup(), d.decision(), d.familywise()));
        }
        return out;
    }

    static List<Block> blocks(Setup setup, Decision d, FamilywiseReadings readings) {
        List<Block> out = new ArrayList<>();
        out.add(new Block.Heading(1, "Adaptive seeds: " + setup.spec()));
        String looks = Arrays.stream(d.looks()).mapToObj(Integer::toString).collect(Collectors.joining(", "));
        String bounds = Arrays.stream(d.boundaries()).mapToObj(b -> String.format(Locale.ROOT, "%.2f", b))
                .collect(Collectors.joining(", "));
        String status = d.complete()
                ? "Complete: the rule holds for every cell, or it has max seeds, after " + d.round() + " round"
                        + (d.round() == 1 ? "" : "s") + "."
                : "In progress: round " + (d.round() + 1) + " has " + d.pending().size() + " of "
                        + d.roundRuns().size() + " runs left to run; the figures below are as of the last finished round.";
        out.add(new Block.Paragraph("Rule: seeds: " + setup.rule().describe() + ". Looks at " + looks
                + " seeds per cell. " + (setup.rule().decided().isEmpty() ? ""
                        : "Comparisons: Welch's t mapped to z against Lan–DeMets O'Brien–Fleming α-spending boundaries"
                                + " |z| ≥ " + bounds + " at those looks (information fraction = seeds / max; "
                                + alphaText(setup, "comparison", readings.comparisons() != null) + "). ")
                + (setup.rule().mainEffects() ? "Main effects: each factor's mean final return on minus off, its t"
                        + " statistic on the cell structure (each cell's own variance, Welch–Satterthwaite degrees of"
                        + " freedom: the report's t interval of a factorial effect) mapped to z against the boundaries"
                        + " |z| ≥ " + bounds + " (" + alphaText(setup, "effect", readings.effects() != null) + "); every"
                        + " cell receives seeds while a main effect on its environment is open. " : "")
                + "Precision: half-width of the 95% Student-t interval of the mean final return as a default"
                + " report computes it (--interval t). Only seeds below a cell's allocation enter; diverged runs use up"
                + " their seed and add no value. " + status));
        Table.Builder cells = new Table.Builder(List.of("environment", "cell", "precision", "receiving more",
                "seeds", "runs used", "95% CI half-width"), 4);
        for (CellState c : d.cells()) {
            cells.row(List.of(c.env(), c.cell().label(), precision(setup, c), c.active() ? "yes" : "no",
                    Integer.toString(c.seeds()), Integer.toString(c.used()), Fmt.num(c.halfWidth())));
        }
        out.add(new Block.TableBlock(cells.build(), "Seeds each cell received per environment (seeds 0 to n − 1)."));
        if (!d.comparisons().isEmpty()) {
            Familywise fw = readings.comparisons();
            List<String> head = new ArrayList<>(List.of("environment", "comparison", "verdict", "|z|", "boundary"));
            if (fw != null) {
                head.addAll(FAMILYWISE_COLUMNS);
            }
            Table.Builder t = new Table.Builder(head, 3);
            for (int i = 0; i < d.comparisons().size(); i++) {
                ComparisonState c = d.comparisons().get(i);
                List<String> row = new ArrayList<>(List.of(c.env(), c.pair().comparison().text(),
                        c.describe(d.looks().length), c.absZ(),
                        c.look() < 0 ? "" : String.format(Locale.ROOT, "%.2f", c.boundary())));
                if (fw != null) {
                    row.addAll(familywiseCells(fw, readings.comparisonReadings().get(i), c.verdict(), d.looks().length));
                }
                t.row(row);
            }
            out.add(new Block.TableBlock(t.build(), "Group-sequential verdict of each comparison: decided at the"
                    + " first look where |z| reached its boundary, or max reached, undecided."
                    + (fw == null ? "" : familywiseCaption(fw, "comparisons"))));
        }
        if (!d.indices().isEmpty()) {
            Table.Builder t = new Table.Builder(List.of("environment", "target", "verdict", "ACLI − AAI", "interval",
                    "level", "resamples"), 3);
            for (Decision.IndexState i : d.indices()) {
                t.row(List.of(i.env(), "ACLI − AAI", i.describe(d.looks().length), Fmt.num(i.estimate()),
                        i.intervalText(), i.look() < 0 ? "" : i.levelText(),
                        i.look() < 0 ? "" : i.resamples() == 0 ? "beyond " + thousands(Bootstrap.MAX_RESAMPLES)
                                : thousands(i.resamples())));
            }
            out.add(new Block.TableBlock(t.build(), "ACLI − AAI (cells " + String.join(", ",
                    setup.acliCells().stream().map(Setup.CellRef::label).toList()) + "): decided at the first look where"
                    + " its stratified percentile bootstrap interval, at the level whose normal quantile is the look's"
                    + " |z| boundary, excluded 0. Each interval takes enough resamples to keep "
                    + Bootstrap.TAIL_RESAMPLES + " beyond each end (at least " + thousands(Bootstrap.DEFAULT_RESAMPLES)
                    + "); a look whose level would need more than "
                    + thousands(Bootstrap.MAX_RESAMPLES) + " cannot decide. The report's own 95%"
                    + " interval of it is in the algorithm table."));
        }
        if (!d.effects().isEmpty()) {
            Familywise fw = readings.effects();
            List<String> head = new ArrayList<>(List.of("environment", "main effect", "verdict", "effect (on − off)",
                    "|z|", "boundary"));
            if (fw != null) {
                head.addAll(FAMILYWISE_COLUMNS);
            }
            Table.Builder t = new Table.Builder(head, 3);
            for (int i = 0; i < d.effects().size(); i++) {
                Decision.EffectState e = d.effects().get(i);
                List<String> row = new ArrayList<>(List.of(e.env(), e.factor(), e.describe(d.looks().length),
                        Fmt.num(e.estimate()), e.absZ(), e.look() < 0 ? "" : String.format(Locale.ROOT, "%.2f", e.boundary())));
                if (fw != null) {
                    row.addAll(familywiseCells(fw, readings.effectReadings().get(i), e.verdict(), d.looks().length));
                }
                t.row(row);
            }
            out.add(new Block.TableBlock(t.build(), "Group-sequential verdict of each main effect of the factorial"
                    + " (factors " + String.join(", ", setup.factors()) + "): decided at the first look where |z| reached"
                    + " its boundary, or max reached, undecided; the effect as of that look (seeds 0 to n − 1 of every"
                    + " cell). The report's own estimate and interval over all runs are in the main-effects table."
                    + (fw == null ? "" : familywiseCaption(fw, "main effects"))));
        }
        return out;
    }

    private static final List<String> FAMILYWISE_COLUMNS = List.of("family-wise", "at look", "|z| there",
            "family-wise boundary");

    /** The {@link #FAMILYWISE_COLUMNS} of one test whose design verdict is {@code design}. */
    private static List<String> familywiseCells(Familywise fw, Familywise.Reading r, Decision.Verdict design, int looks) {
        return List.of(Familywise.word(r, design), r.look() < 0 ? "" : (r.look() + 1) + " of " + looks,
                Decision.absZ(r.z()), fw.boundaryText(r.look()));
    }

    /** How α is spent: per test, or shared by Bonferroni ({@code multiplicity: bonferroni}). */
    private static String alphaText(Setup setup, String test, boolean familywiseShown) {
        if (setup.rule().bonferroni() && setup.tests() > 1) {
            return String.format(Locale.ROOT, "multiplicity: bonferroni: the design's %d tests share two-sided α = 0.05,"
                    + " each at 0.05 / %d = %s, so these verdicts hold for the design as a whole", setup.tests(),
                    setup.tests(), Familywise.plain(setup.rule().alphaPerTest(setup.tests())));
        }
        return "two-sided α = 0.05 per " + test + ", not corrected across " + test + "s"
                + (familywiseShown ? "; the family-wise reading is beside each verdict" : "");
    }

    private static String familywiseCaption(Familywise fw, String what) {
        return String.format(Locale.ROOT, " Family-wise: the design tests each of its %d %s at α = 0.05 on its own;"
                + " were nothing to have an effect, independent tests would declare at least one decided %.0f%% of"
                + " the time. Read %s with the same spending and looks, a verdict holds for the family (at most 5%%"
                + " chance of any false decision, as the Holm adjustment gives a fixed design): each is read on its"
                + " own at the looks whose runs exist — decided at the first where |z| reached the family-wise"
                + " boundary, else open (\"not shown\" where the design decided it below that boundary and so gave"
                + " it no more seeds) or, after the last look, undecided.", fw.size(), what,
                100 * fw.perTestFamilyError(), fw.scope(what));
    }

    private static String precision(Setup setup, CellState c) {
        if (setup.rule().ciHalfWidth() == null) {
            return "no target";
        }
        return c.precisionMetAt() != null ? "met at " + c.precisionMetAt() + " seeds" : c.active() ? "not yet" : "not met";
    }

    /** A count with thousands separators: "1,000,000". */
    private static String thousands(int n) {
        return String.format(Locale.ROOT, "%,d", n);
    }
}
