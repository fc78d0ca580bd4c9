package dev.ablate4j.report.sections;

import dev.ablate4j.report.Figure;
import dev.ablate4j.report.ReportContext;
import dev.ablate4j.report.ResultCell;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.ui.RectangleEdge;

/**
 * Lays out band charts (learning curves, performance profiles) for a set of configs: one overlay
 * chart when there are few, else small multiples where each panel shows one config against the
 * baseline on a shared y-axis, which stays readable with a dozen configs and noisy bands.
 */
final class BandFigures {

    /** Most configs drawn in one overlay chart. */
    static final int MAX_OVERLAY = 5;
    static final int COLUMNS = 4;
    static final int PANELS_PER_FIGURE = 12;

    private BandFigures() {}

    static List<Figure> build(ReportContext ctx, String id, String title, String caption, String xLabel, String yLabel,
            List<ResultCell> cells, Map<String, BandChart.Series> series) {
        if (cells.size() <= MAX_OVERLAY) {
            List<BandChart.Series> all = cells.stream().map(c -> series.get(c.key())).toList();
            JFreeChart chart = BandChart.create(title, xLabel, yLabel, all, RectangleEdge.RIGHT);
            return List.of(new Figure(id, title, caption, List.of(chart), 1, 900, 500));
        }
        BandChart.Series base = series.get(ctx.baseline.key());
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (BandChart.Series s : series.values()) {
            for (int i = 0; i < s.x().length; i++) {
                if (Double.isFinite(s.lo()[i]) && Double.isFinite(s.hi()[i])) {
                    lo = Math.min(lo, s.lo()[i]);
                    hi = Math.max(hi, s.hi()[i]);
                }
            }
        }
        double pad = hi > lo ? 0.04 * (hi - lo) : 1;
        List<JFreeChart> panels = new ArrayList<>();
        for (ResultCell c : cells) {
            if (base != null && c.key().equals(ctx.baseline.key())) {
                continue;
            }
            BandChart.Series mine = series.get(c.key());
            List<BandChart.Series> pair = new ArrayList<>();
            if (base != null) {
                pair.add(new BandChart.Series(base.label(), -1, base.x(), base.y(), base.lo(), base.hi()));
            }
            pair.add(mine);
            JFreeChart chart = BandChart.create(c.label(), xLabel, yLabel, pair, null);
            // The config's own line is solid here: dashes mean "baseline" in these panels.
            chart.getXYPlot().getRenderer().setSeriesStroke(pair.size() - 1, Palette.dashed(0, 2.0f));
            chart.getTitle().setFont(ChartStyle.font(true, 13f));
            chart.getTitle().setPaint(Palette.color(mine.colorIndex()));
            if (lo < hi) {
                chart.getXYPlot().getRangeAxis().setRange(lo - pad, hi + pad);
            }
            panels.add(chart);
        }
        String how = (base != null ? " Each panel: one config (colour) against the baseline '" + ctx.baseline.label()
                + "' (grey, dashed)" : " One panel per config") + "; the y-axis is the same in every panel.";
        int parts = (panels.size() + PANELS_PER_FIGURE - 1) / PANELS_PER_FIGURE;
        List<Figure> out = new ArrayList<>();
        for (int p = 0; p < parts; p++) {
            List<JFreeChart> part = panels.subList(p * PANELS_PER_FIGURE, Math.min(panels.size(), (p + 1) * PANELS_PER_FIGURE));
            String suffix = parts > 1 ? String.format(Locale.ROOT, " (%d/%d)", p + 1, parts) : "";
            out.add(new Figure(id + (parts > 1 ? "_" + (p + 1) : ""), title + suffix, caption + how, List.copyOf(part),
                    COLUMNS, 300, 240));
        }
        return out;
    }
}
