package dev.ablate4j.report.sections;

import dev.ablate4j.report.Fmt;
import java.awt.Color;
import java.awt.Paint;
import java.util.List;
import java.util.Locale;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.PaintScale;
import org.jfree.chart.renderer.xy.XYBlockRenderer;
import org.jfree.chart.title.PaintScaleLegend;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.data.xy.DefaultXYZDataset;

/**
 * Two-way interactions as a heat map: one square per pair of factors (lower triangle), coloured on
 * a blue–white–orange diverging scale symmetric about 0, with the value written in the square.
 */
final class HeatmapChart {

    private HeatmapChart() {}

    /** {@code values[i][j]} for i &gt; j is the interaction of factor i and factor j (NaN: not estimable). */
    static JFreeChart create(String title, List<String> factors, double[][] values) {
        int k = factors.size();
        double maxAbs = 0;
        int count = 0;
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < i; j++) {
                if (Double.isFinite(values[i][j])) {
                    maxAbs = Math.max(maxAbs, Math.abs(values[i][j]));
                    count++;
                }
            }
        }
        double[][] xyz = new double[3][count];
        XYPlot plot = new XYPlot();
        int n = 0;
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < i; j++) {
                if (Double.isFinite(values[i][j])) {
                    xyz[0][n] = j;
                    xyz[1][n] = k - 1 - i;
                    xyz[2][n] = values[i][j];
                    XYTextAnnotation a = new XYTextAnnotation(Fmt.num(values[i][j]), j, k - 1 - i);
                    a.setFont(ChartStyle.font(false, 11f));
                    a.setPaint(Math.abs(values[i][j]) > 0.6 * maxAbs ? Color.WHITE : Color.BLACK);
                    plot.addAnnotation(a);
                    n++;
                }
            }
        }
        DefaultXYZDataset data = new DefaultXYZDataset();
        data.addSeries("interaction", xyz);
        double bound = maxAbs > 0 ? maxAbs : 1;
        Diverging scale = new Diverging(-bound, bound);
        XYBlockRenderer r = new XYBlockRenderer();
        r.setPaintScale(scale);
        String[] cols = factors.subList(0, Math.max(0, k - 1)).toArray(new String[0]);
        String[] rows = new String[Math.max(0, k - 1)];
        for (int i = 1; i < k; i++) {
            rows[k - 1 - i] = factors.get(i);
        }
        SymbolAxis x = new SymbolAxis(null, cols);
        SymbolAxis y = new SymbolAxis(null, rows);
        x.setGridBandsVisible(false);
        y.setGridBandsVisible(false);
        x.setVerticalTickLabels(true);
        x.setRange(-0.5, k - 1.5);
        y.setRange(-0.5, k - 1.5);
        plot.setDataset(data);
        plot.setDomainAxis(x);
        plot.setRangeAxis(y);
        plot.setRenderer(r);
        plot.setDomainGridlinesVisible(false);
        plot.setRangeGridlinesVisible(false);
        JFreeChart chart = ChartStyle.chart(title, plot, false, RectangleEdge.BOTTOM);
        x.setTickLabelFont(ChartStyle.font(false, ChartStyle.TICK_SIZE));
        y.setTickLabelFont(ChartStyle.font(false, ChartStyle.TICK_SIZE));
        NumberAxis legendAxis = new NumberAxis("interaction (return)");
        ChartStyle.axis(legendAxis);
        ChartStyle.fitFormat(legendAxis, bound);
        PaintScaleLegend legend = new PaintScaleLegend(scale, legendAxis);
        legend.setPosition(RectangleEdge.RIGHT);
        legend.setMargin(new RectangleInsets(4, 10, 4, 4));
        legend.setStripWidth(14);
        chart.addSubtitle(legend);
        return chart;
    }

    /** Blue (negative) – white – orange (positive), colour-blind safe. */
    private record Diverging(double lower, double upper) implements PaintScale {
        private static final Color NEG = new Color(0x2166AC);
        private static final Color POS = new Color(0xB35806);

        @Override
        public double getLowerBound() {
            return lower;
        }

        @Override
        public double getUpperBound() {
            return upper;
        }

        @Override
        public Paint getPaint(double v) {
            double t = Math.max(-1, Math.min(1, v / upper));
            Color end = t < 0 ? NEG : POS;
            double a = Math.abs(t);
            return new Color(mix(255, end.getRed(), a), mix(255, end.getGreen(), a), mix(255, end.getBlue(), a));
        }

        private static int mix(int from, int to, double a) {
            return (int) Math.round(from + (to - from) * a);
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "Diverging[%g, %g]", lower, upper);
        }
    }
}
