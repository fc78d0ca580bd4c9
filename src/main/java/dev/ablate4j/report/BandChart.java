package dev.ablate4j.report;

import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

/**
 * Lines with shaded confidence bands: learning curves (mean return over env steps) and performance
 * profiles (fraction of runs above a normalized score).
 */
final class BandChart {

    /** One line: its legend, colour index (negative: grey reference line), and per point x, estimate and band. */
    record Series(String label, int colorIndex, double[] x, double[] y, double[] lo, double[] hi) {}

    private BandChart() {}

    static JFreeChart create(String title, String xLabel, String yLabel, List<Series> series, RectangleEdge legend) {
        YIntervalSeriesCollection data = new YIntervalSeriesCollection();
        DeviationRenderer renderer = new DeviationRenderer(true, false);
        renderer.setAlpha(0.16f);
        double maxAbs = 0;
        for (int s = 0; s < series.size(); s++) {
            Series in = series.get(s);
            YIntervalSeries ys = new YIntervalSeries(in.label(), false, true);
            for (int i = 0; i < in.x().length; i++) {
                if (Double.isFinite(in.x()[i]) && Double.isFinite(in.y()[i]) && Double.isFinite(in.lo()[i])
                        && Double.isFinite(in.hi()[i])) {
                    ys.add(in.x()[i], in.y()[i], in.lo()[i], in.hi()[i]);
                    maxAbs = Math.max(maxAbs, Math.max(Math.abs(in.lo()[i]), Math.abs(in.hi()[i])));
                }
            }
            data.addSeries(ys);
            boolean reference = in.colorIndex() < 0; // the baseline drawn for comparison: grey, dashed
            renderer.setSeriesPaint(s, reference ? Palette.BASELINE : Palette.color(in.colorIndex()));
            renderer.setSeriesFillPaint(s, reference ? Palette.BASELINE : Palette.color(in.colorIndex()));
            renderer.setSeriesStroke(s, reference ? Palette.dashed(1, 1.8f) : Palette.stroke(in.colorIndex(), 2.0f));
        }
        XYPlot plot = ChartStyle.xyPlot(xLabel, yLabel);
        plot.setDataset(data);
        plot.setRenderer(renderer);
        JFreeChart chart = ChartStyle.chart(title, plot, legend != null, legend == null ? RectangleEdge.BOTTOM : legend);
        ChartStyle.fitFormat(plot.getRangeAxis(), maxAbs);
        return chart;
    }
}
