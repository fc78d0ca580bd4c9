package dev.ablate4j.report.sections;

import dev.ablate4j.algo.StepBounds;
import dev.ablate4j.config.Algorithm;
import dev.ablate4j.config.ConfigException;
import dev.ablate4j.config.Keys;
import dev.ablate4j.report.Block;
import dev.ablate4j.report.Fmt;
import dev.ablate4j.report.ReportContext;
import dev.ablate4j.report.ResultCell;
import dev.ablate4j.report.Run;
import dev.ablate4j.report.Table;
import dev.ablate4j.report.TrustRegionSeries;
import dev.ablate4j.results.ConfigFile;
import dev.ablate4j.stats.Descriptive;
import java.util.ArrayList;
import java.util.List;

/**
 * The numbers behind the trust-region chart, per config: how often PPO's largest ratio left
 * [1 − ε, 1 + ε] and how often TRPO's mean KL stayed within δ, over every logged iteration of every
 * run (the paper's two trust-region claims, as counts rather than a picture).
 */
final class TrustRegionTable {

    private TrustRegionTable() {}

    /** The table for {@code env}, or null when no run there logged trust-region data. */
    static Block.TableBlock of(ReportContext ctx, String env) {
        Table.Builder t = new Table.Builder(List.of("config", "bound", "runs", "rows", "max ratio: median",
                "largest", "> 1 + ε", "mean KL: median", "largest", "≤ δ (train)", "≤ δ (held-out)"), 2);
        for (ResultCell c : ctx.tree.cellsIn(env)) {
            List<Run> runs = ctx.tree.runs(env, c.key()).stream().filter(r -> r.trustRegion() != null).toList();
            if (runs.isEmpty()) {
                continue;
            }
            Run first = runs.get(0);
            boolean trpo = isTrpo(first);
            double eps = first.number("clip-eps");
            double delta = first.number("max-kl");
            double deltaFinal = first.number("max-kl-final");
            Long trained = new ConfigFile(first.config()).iterations(); // honours steps-rounding
            int iterations = trained == null ? 0 : Math.toIntExact(trained);
            List<Double> ratios = new ArrayList<>();
            List<Double> kls = new ArrayList<>();
            int outside = 0;
            int withinTrain = 0;
            int withinHeldout = 0;
            int heldoutRows = 0;
            for (Run r : runs) {
                TrustRegionSeries s = r.trustRegion();
                for (int i = 0; i < s.iteration().length; i++) {
                    double bound = StepBounds.maxKl(delta, deltaFinal, (int) s.iteration()[i], iterations);
                    ratios.add(s.maxRatioTrain()[i]);
                    kls.add(s.meanKlTrain()[i]);
                    outside += s.maxRatioTrain()[i] > 1 + eps ? 1 : 0;
                    withinTrain += s.meanKlTrain()[i] <= bound ? 1 : 0;
                    if (!Double.isNaN(s.meanKlHeldout()[i])) {
                        heldoutRows++;
                        withinHeldout += s.meanKlHeldout()[i] <= bound ? 1 : 0;
                    }
                }
            }
            int rows = ratios.size();
            boolean clipped = !trpo && Double.isFinite(eps);
            String deltaText = Fmt.compact(delta) + (Double.isNaN(deltaFinal) ? "" : " → " + Fmt.compact(deltaFinal));
            t.row(List.of(c.label(), trpo ? "δ = " + deltaText : "ε = " + (Double.isFinite(eps) ? Fmt.compact(eps) : "∞"),
                    "" + runs.size(), "" + rows, Fmt.num(median(ratios)), Fmt.num(max(ratios)),
                    clipped ? share(outside, rows) : "—", Fmt.num(median(kls)), Fmt.num(max(kls)),
                    trpo ? share(withinTrain, rows) : "—", trpo ? share(withinHeldout, heldoutRows) : "—"));
        }
        if (t.isEmpty()) {
            return null;
        }
        return new Block.TableBlock(t.build(), "Over every logged iteration (rows) of every run: the largest ratio"
                + " π_new/π_old over the training batch (median and largest over rows; '> 1 + ε': rows in which it"
                + " left PPO's clipping range) and the mean KL(π_old ‖ π_new) on the training batch (median, largest;"
                + " '≤ δ': rows within TRPO's bound (that iteration's δ where it follows a schedule), on the training batch, where the line search enforces it, and"
                + " on the held-out batch, where nothing does).");
    }

    /**
     * Whether the run's {@code config.json} names algo trpo, its word read as the {@code algo} key reads it;
     * a missing or unknown word is not TRPO (the report reads configs leniently, as
     * {@link dev.ablate4j.report.Values#number} does).
     */
    private static boolean isTrpo(Run run) {
        try {
            return Keys.ALGO.parse(run.config().get("algo")) == Algorithm.TRPO;
        } catch (ConfigException e) {
            return false;
        }
    }

    private static String share(int count, int of) {
        return of == 0 ? "n/a" : count + " / " + of;
    }

    private static double median(List<Double> values) {
        double[] a = values.stream().mapToDouble(Double::doubleValue).filter(v -> !Double.isNaN(v)).toArray();
        return a.length == 0 ? Double.NaN : Descriptive.median(a);
    }

    private static double max(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).filter(v -> !Double.isNaN(v)).max().orElse(Double.NaN);
    }
}
