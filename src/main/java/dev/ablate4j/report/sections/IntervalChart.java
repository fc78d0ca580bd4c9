package dev.ablate4j.report.sections;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.geom.Ellipse2D;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

/**
 * Estimates with confidence intervals as horizontal bars, one row per item: forest plots of
 * factorial main effects, final returns per config, aggregate IQMs.
 */
final class IntervalChart {

    /** One row: label, estimate, interval, and colour index (negative for neutral black). */
    record Item(String label, double estimate, double lo, double hi, int colorIndex) {}

    private IntervalChart() {}

    /**
     * @param reference a value to mark with a vertical line (e.g. 0 for effects), or NaN for none
     */
    static JFreeChart create(String title, String valueLabel, List<Item> items, double reference) {
        YIntervalSeriesCollection data = new YIntervalSeriesCollection();
        XYErrorRenderer r = new XYErrorRenderer();
        r.setDrawXError(false);
        r.setDrawYError(true);
        r.setDefaultLinesVisible(false);
        r.setCapLength(7);
        r.setErrorStroke(new BasicStroke(2f));
        String[] names = new String[items.size()];
        double maxAbs = 0;
        for (int i = 0; i < items.size(); i++) {
            Item it = items.get(i);
            int row = items.size() - 1 - i; // first item on top
            names[row] = it.label();
            YIntervalSeries s = new YIntervalSeries(it.label());
            double lo = Double.isFinite(it.lo()) ? it.lo() : it.estimate();
            double hi = Double.isFinite(it.hi()) ? it.hi() : it.estimate();
            if (Double.isFinite(it.estimate())) {
                s.add(row, it.estimate(), lo, hi);
                maxAbs = Math.max(maxAbs, Math.max(Math.abs(lo), Math.abs(hi)));
            }
            data.addSeries(s);
            Color c = it.colorIndex() < 0 ? Color.BLACK : Palette.color(it.colorIndex());
            r.setSeriesPaint(i, c);
            r.setSeriesShape(i, new Ellipse2D.Double(-4.5, -4.5, 9, 9));
        }
        SymbolAxis rows = new SymbolAxis(null, names);
        rows.setGridBandsVisible(false);
        rows.setRange(-0.6, items.size() - 0.4);
        NumberAxis values = new NumberAxis(valueLabel);
        values.setAutoRangeIncludesZero(!Double.isNaN(reference) && reference == 0);
        XYPlot plot = new XYPlot(data, rows, values, r);
        plot.setOrientation(PlotOrientation.HORIZONTAL);
        if (!Double.isNaN(reference)) {
            ValueMarker m = new ValueMarker(reference, Palette.REFERENCE, Palette.dashed(1, 1.2f));
            plot.addRangeMarker(m);
        }
        JFreeChart chart = ChartStyle.chart(title, plot, false, RectangleEdge.BOTTOM);
        rows.setTickLabelFont(ChartStyle.font(false, ChartStyle.LEGEND_SIZE));
        ChartStyle.fitFormat(values, maxAbs);
        return chart;
    }
}
