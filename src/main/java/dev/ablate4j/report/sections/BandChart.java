package dev.ablate4j.report.sections;

import java.awt.BasicStroke;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.DatasetRenderingOrder;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

/**
 * Lines with shaded confidence bands: learning curves (mean return over env steps) and performance
 * profiles (fraction of runs above a normalized score).
 */
final class BandChart {

    /** One line: its legend, colour index (negative: grey reference line), and per point x, estimate and band. */
    record Series(String label, int colorIndex, double[] x, double[] y, double[] lo, double[] hi) {}

    /**
     * Opacity of a band's fill. Low, so two or three overlapping bands stay a light tint (at 0.16
     * three Okabe–Ito bands turned a muddy brown-grey). Complementary colours such as blue and
     * vermillion still blend towards a light grey where they overlap, which is why every band's
     * edges are also drawn as thin lines in its own colour.
     */
    static final float BAND_ALPHA = 0.08f;
    /** Opacity of the thin lines along each band's edges. */
    static final double EDGE_ALPHA = 0.7;

    private BandChart() {}

    static JFreeChart create(String title, String xLabel, String yLabel, List<Series> series, RectangleEdge legend) {
        YIntervalSeriesCollection data = new YIntervalSeriesCollection();
        XYSeriesCollection edges = new XYSeriesCollection();
        XYLineAndShapeRenderer edgeRenderer = new XYLineAndShapeRenderer(true, false);
        DeviationRenderer renderer = new DeviationRenderer(true, false);
        renderer.setAlpha(BAND_ALPHA);
        double maxAbs = 0;
        for (int s = 0; s < series.size(); s++) {
            Series in = series.get(s);
            YIntervalSeries ys = new YIntervalSeries(in.label(), false, true);
            XYSeries lower = new XYSeries(in.label() + " (band low)", false, true);
            XYSeries upper = new XYSeries(in.label() + " (band high)", false, true);
            for (int i = 0; i < in.x().length; i++) {
                if (Double.isFinite(in.x()[i]) && Double.isFinite(in.y()[i]) && Double.isFinite(in.lo()[i])
                        && Double.isFinite(in.hi()[i])) {
                    ys.add(in.x()[i], in.y()[i], in.lo()[i], in.hi()[i]);
                    lower.add(in.x()[i], in.lo()[i]);
                    upper.add(in.x()[i], in.hi()[i]);
                    maxAbs = Math.max(maxAbs, Math.max(Math.abs(in.lo()[i]), Math.abs(in.hi()[i])));
                }
            }
            data.addSeries(ys);
            boolean reference = in.colorIndex() < 0; // the baseline drawn for comparison: grey, dashed
            renderer.setSeriesPaint(s, reference ? Palette.BASELINE : Palette.color(in.colorIndex()));
            renderer.setSeriesFillPaint(s, reference ? Palette.BASELINE : Palette.color(in.colorIndex()));
            renderer.setSeriesStroke(s, reference ? Palette.dashed(1, 1.8f) : Palette.stroke(in.colorIndex(), 2.0f));
            java.awt.Color edge = Palette.translucent(reference ? Palette.BASELINE : Palette.color(in.colorIndex()),
                    EDGE_ALPHA);
            for (XYSeries e : List.of(lower, upper)) {
                int k = edges.getSeriesCount();
                edges.addSeries(e);
                edgeRenderer.setSeriesPaint(k, edge);
                edgeRenderer.setSeriesStroke(k, new BasicStroke(0.8f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
                edgeRenderer.setSeriesVisibleInLegend(k, false);
            }
        }
        XYPlot plot = ChartStyle.xyPlot(xLabel, yLabel);
        plot.setDataset(data);
        plot.setRenderer(renderer);
        // Band edges as thin lines in each band's colour: where translucent bands overlap and their
        // fills blend, each band's extent can still be read. Drawn under the bands and lines.
        plot.setDataset(1, edges);
        plot.setRenderer(1, edgeRenderer);
        plot.setDatasetRenderingOrder(DatasetRenderingOrder.REVERSE);
        JFreeChart chart = ChartStyle.chart(title, plot, legend != null, legend == null ? RectangleEdge.BOTTOM : legend);
        ChartStyle.fitFormat(plot.getRangeAxis(), maxAbs);
        return chart;
    }
}
