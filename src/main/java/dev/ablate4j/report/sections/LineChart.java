package dev.ablate4j.report.sections;

import java.awt.Color;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Plain lines with labelled horizontal reference lines: the trust-region charts (max ratio with the
 * 1 + ε line, mean KL with TRPO's δ).
 */
final class LineChart {

    /** One line: legend, colour index, dash pattern (0 solid), points. */
    record Series(String label, int colorIndex, int dash, double[] x, double[] y) {}

    /** A horizontal reference line at {@code value} with a label. */
    record Reference(double value, String label) {}

    /** Series with at most this many points get a marker on every point. */
    static final int MARKERS_UP_TO = 15;

    private LineChart() {}

    static JFreeChart create(String title, String xLabel, String yLabel, List<Series> series,
            List<Reference> references, boolean logScale) {
        XYSeriesCollection data = new XYSeriesCollection();
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, false);
        double maxAbs = 0;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        double xMin = Double.POSITIVE_INFINITY;
        double xMax = Double.NEGATIVE_INFINITY;
        int most = 0;
        for (Series in : series) {
            XYSeries xy = new XYSeries(in.label(), false, true);
            for (int i = 0; i < in.x().length; i++) {
                if (Double.isFinite(in.x()[i]) && Double.isFinite(in.y()[i]) && (!logScale || in.y()[i] > 0)) {
                    xy.add(in.x()[i], in.y()[i]);
                    min = Math.min(min, in.y()[i]);
                    max = Math.max(max, in.y()[i]);
                    maxAbs = Math.max(maxAbs, Math.abs(in.y()[i]));
                    xMin = Math.min(xMin, in.x()[i]);
                    xMax = Math.max(xMax, in.x()[i]);
                }
            }
            if (xy.isEmpty()) {
                continue; // nothing to draw: no line, and no legend entry for it
            }
            int s = data.getSeriesCount();
            data.addSeries(xy);
            most = Math.max(most, xy.getItemCount());
            r.setSeriesPaint(s, Palette.color(in.colorIndex()));
            r.setSeriesStroke(s, Palette.dashed(in.dash(), 1.8f));
        }
        // Few points: a marker on each, so a single measurement (one logged row) is still visible.
        r.setDefaultShapesVisible(most <= MARKERS_UP_TO);
        r.setDefaultShapesFilled(true);
        XYPlot plot = ChartStyle.xyPlot(xLabel, yLabel);
        if (logScale) {
            LogAxis log = new LogAxis(yLabel);
            log.setSmallestValue(1e-6);
            plot.setRangeAxis(log);
        }
        plot.setDataset(data);
        plot.setRenderer(r);
        for (Reference ref : references) {
            ValueMarker m = new ValueMarker(ref.value(), Palette.REFERENCE, Palette.dashed(2, 1.4f));
            m.setLabel(ref.label());
            m.setLabelFont(ChartStyle.font(false, ChartStyle.TICK_SIZE));
            m.setLabelPaint(Palette.REFERENCE);
            m.setLabelBackgroundColor(new Color(255, 255, 255, 200));
            m.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
            m.setLabelTextAnchor(TextAnchor.BOTTOM_RIGHT);
            plot.addRangeMarker(m);
            maxAbs = Math.max(maxAbs, Math.abs(ref.value()));
            min = Math.min(min, ref.value());
            max = Math.max(max, ref.value());
        }
        if (min <= max) {
            if (logScale) {
                plot.getRangeAxis().setRange(min / 1.5, max * 1.5);
            } else {
                double pad = max > min ? 0.06 * (max - min) : Math.max(1e-3, 0.05 * Math.abs(max));
                plot.getRangeAxis().setRange(min - pad, max + pad);
            }
        }
        if (xMin < xMax) {
            double pad = 0.02 * (xMax - xMin); // keeps the end markers whole
            plot.getDomainAxis().setRange(xMin - pad, xMax + pad);
        } else if (xMin == xMax) {
            // one x value: a range around it, from 0 for positive x (steps), never a zero-width axis
            double half = xMin > 0 ? xMin : Math.max(1, Math.abs(xMin));
            plot.getDomainAxis().setRange(xMin - half, xMin + half);
        }
        JFreeChart chart = ChartStyle.chart(title, plot, data.getSeriesCount() > 0, RectangleEdge.BOTTOM);
        ChartStyle.fitFormat(plot.getDomainAxis(), Math.max(Math.abs(xMin), Math.abs(xMax)));
        if (!logScale) {
            ChartStyle.fitFormat(plot.getRangeAxis(), maxAbs);
        }
        return chart;
    }
}
