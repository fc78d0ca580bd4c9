package dev.ablate4j.report.sections;

import dev.ablate4j.stats.Descriptive;
import java.util.Locale;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * The paper's per-optimization figure: fraction of runs whose final return is ≥ x, as a step curve
 * for the runs with the optimization on and the runs with it off.
 */
final class OnOffChart {

    /** Titles longer than this (in characters) get a smaller font. */
    static final int LONG_TITLE = 32;

    private OnOffChart() {}

    static JFreeChart create(String title, double[] on, double[] off) {
        double lo = Math.min(Descriptive.min(on), Descriptive.min(off));
        double hi = Math.max(Descriptive.max(on), Descriptive.max(off));
        double pad = hi > lo ? 0.05 * (hi - lo) : Math.max(1, Math.abs(lo) * 0.05);
        XYSeriesCollection data = new XYSeriesCollection();
        data.addSeries(staircase(String.format(Locale.ROOT, "on (n=%d)", on.length), on, lo - pad, hi + pad));
        data.addSeries(staircase(String.format(Locale.ROOT, "off (n=%d)", off.length), off, lo - pad, hi + pad));
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, false);
        r.setSeriesPaint(0, Palette.ON);
        r.setSeriesPaint(1, Palette.OFF);
        r.setSeriesStroke(0, Palette.dashed(0, 2.2f));
        r.setSeriesStroke(1, Palette.dashed(1, 2.2f));
        XYPlot plot = ChartStyle.xyPlot("final return x", "fraction of runs ≥ x");
        plot.setDataset(data);
        plot.setRenderer(r);
        NumberAxis y = (NumberAxis) plot.getRangeAxis();
        y.setRange(-0.02, 1.02);
        plot.getDomainAxis().setRange(lo - pad, hi + pad);
        JFreeChart chart = ChartStyle.chart(title, plot, true, RectangleEdge.BOTTOM);
        if (title.length() > LONG_TITLE) {
            // a confounded group's names: smaller, so the wrapped title leaves the plot its height
            chart.getTitle().setFont(ChartStyle.font(true, 11.5f));
        }
        ChartStyle.fitFormat(plot.getDomainAxis(), Math.max(Math.abs(lo), Math.abs(hi)));
        ChartStyle.fitFormat(y, 1);
        return chart;
    }

    /** Vertices of x ↦ fraction of {@code values} ≥ x over [from, to]. */
    private static XYSeries staircase(String name, double[] values, double from, double to) {
        double[] s = Descriptive.sorted(values);
        int n = s.length;
        XYSeries series = new XYSeries(name, false, true);
        series.add(from, 1.0);
        for (int i = 0; i < n; i++) {
            if (i > 0 && s[i] == s[i - 1]) {
                continue;
            }
            int atLeast = n - i; // values ≥ s[i]
            series.add(s[i], (double) atLeast / n);
            int j = i;
            while (j + 1 < n && s[j + 1] == s[i]) {
                j++;
            }
            series.add(s[i], (double) (n - j - 1) / n);
        }
        series.add(to, 0.0);
        return series;
    }
}
