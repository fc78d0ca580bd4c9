package dev.ablate4j.report.sections;

import java.awt.BasicStroke;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Rectangle2D;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

/**
 * The interaction plot of two on/off factors: the mean of each of the four cells with its interval,
 * factor A off and on along x, one line for factor B off and one for B on. Parallel lines: no
 * interaction; lines that diverge or cross: the factors act together. Reads better than a heat map
 * with a single square when a design has only one estimable pair.
 */
final class InteractionChart {

    /** Horizontal offset of the two lines' points, so their interval bars do not overlap. */
    static final double DODGE = 0.04;

    /** One cell: mean and interval (NaN bounds: no interval, e.g. a single run). Index [a][b], 0 = off. */
    record Cell(double mean, double lo, double hi, int n) {}

    private InteractionChart() {}

    static JFreeChart create(String title, String factorA, String factorB, Cell[][] cells, String subtitle) {
        YIntervalSeriesCollection data = new YIntervalSeriesCollection();
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (int b = 0; b < 2; b++) {
            YIntervalSeries s = new YIntervalSeries(factorB + (b == 1 ? " on" : " off"), false, true);
            for (int a = 0; a < 2; a++) {
                Cell c = cells[a][b];
                if (c == null || !Double.isFinite(c.mean())) {
                    continue;
                }
                double lo = Double.isFinite(c.lo()) ? c.lo() : c.mean();
                double hi = Double.isFinite(c.hi()) ? c.hi() : c.mean();
                s.add(a + (b == 0 ? -DODGE : DODGE), c.mean(), lo, hi);
                min = Math.min(min, lo);
                max = Math.max(max, hi);
            }
            data.addSeries(s);
        }
        XYErrorRenderer r = new XYErrorRenderer();
        r.setDrawXError(false);
        r.setDrawYError(true);
        r.setDefaultLinesVisible(true);
        r.setDefaultShapesVisible(true);
        r.setCapLength(8);
        r.setErrorStroke(new BasicStroke(1.6f));
        r.setSeriesPaint(0, Palette.OFF);
        r.setSeriesPaint(1, Palette.ON);
        r.setSeriesStroke(0, Palette.dashed(1, 2.2f));
        r.setSeriesStroke(1, Palette.dashed(0, 2.2f));
        r.setSeriesShape(0, new Rectangle2D.Double(-4.5, -4.5, 9, 9));
        r.setSeriesShape(1, new Ellipse2D.Double(-5, -5, 10, 10));
        SymbolAxis x = new SymbolAxis(factorA, new String[] {"off", "on"});
        x.setGridBandsVisible(false);
        x.setRange(-0.35, 1.35);
        NumberAxis y = new NumberAxis("final return (mean of the cell's runs)");
        y.setAutoRangeIncludesZero(false);
        if (min <= max) {
            double pad = max > min ? 0.08 * (max - min) : Math.max(1, 0.05 * Math.abs(max));
            y.setRange(min - pad, max + pad);
        }
        XYPlot plot = new XYPlot(data, x, y, r);
        JFreeChart chart = ChartStyle.chart(title, plot, true, RectangleEdge.BOTTOM);
        x.setTickLabelFont(ChartStyle.font(false, ChartStyle.LABEL_SIZE));
        ChartStyle.fitFormat(y, Math.max(Math.abs(min), Math.abs(max)));
        if (subtitle != null) {
            TextTitle sub = new TextTitle(subtitle, ChartStyle.font(false, ChartStyle.TICK_SIZE));
            sub.setPosition(RectangleEdge.TOP);
            chart.addSubtitle(0, sub);
        }
        return chart;
    }
}
