package dev.ablate4j.report.sections;

import dev.ablate4j.report.ReportFonts;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.Axis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.plot.Plot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.title.Title;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;

/** The common look of every chart: fonts, white background, light grid, legend placement. */
final class ChartStyle {

    static final float TITLE_SIZE = 15f;
    static final float LABEL_SIZE = 13f;
    static final float TICK_SIZE = 11.5f;
    static final float LEGEND_SIZE = 11.5f;

    private ChartStyle() {}

    static Font font(boolean bold, float size) {
        return ReportFonts.load().font(bold, size);
    }

    /** A plain XY plot with the report's axes and grid. */
    static XYPlot xyPlot(String xLabel, String yLabel) {
        NumberAxis x = new NumberAxis(xLabel);
        NumberAxis y = new NumberAxis(yLabel);
        x.setAutoRangeIncludesZero(false);
        y.setAutoRangeIncludesZero(false);
        XYPlot plot = new XYPlot(null, x, y, null);
        return plot;
    }

    /** Wraps {@code plot} in a chart with {@code title} and applies the style; legend on request. */
    static JFreeChart chart(String title, Plot plot, boolean legend, RectangleEdge legendEdge) {
        JFreeChart chart = new JFreeChart(title, font(true, TITLE_SIZE), plot, legend);
        apply(chart, legendEdge);
        return chart;
    }

    static void apply(JFreeChart chart, RectangleEdge legendEdge) {
        chart.setBackgroundPaint(Color.WHITE);
        chart.setAntiAlias(true);
        chart.setTextAntiAlias(true);
        chart.setPadding(new RectangleInsets(6, 6, 6, 10));
        TextTitle t = chart.getTitle();
        if (t != null) {
            t.setFont(font(true, TITLE_SIZE));
            t.setPaint(Color.BLACK);
        }
        for (int i = 0; i < chart.getSubtitleCount(); i++) {
            Title sub = chart.getSubtitle(i);
            if (sub instanceof LegendTitle legend) {
                legend.setItemFont(font(false, LEGEND_SIZE));
                legend.setFrame(BlockBorder.NONE);
                legend.setPosition(legendEdge);
                legend.setBackgroundPaint(Color.WHITE);
            }
        }
        Plot plot = chart.getPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setOutlinePaint(new Color(0x999999));
        if (plot instanceof XYPlot xy) {
            xy.setDomainGridlinePaint(new Color(0xDDDDDD));
            xy.setRangeGridlinePaint(new Color(0xDDDDDD));
            xy.setDomainGridlineStroke(new BasicStroke(0.6f));
            xy.setRangeGridlineStroke(new BasicStroke(0.6f));
            xy.setAxisOffset(RectangleInsets.ZERO_INSETS);
            for (int i = 0; i < xy.getDomainAxisCount(); i++) {
                axis(xy.getDomainAxis(i));
            }
            for (int i = 0; i < xy.getRangeAxisCount(); i++) {
                axis(xy.getRangeAxis(i));
            }
        }
    }

    static void axis(Axis a) {
        if (a == null) {
            return;
        }
        a.setLabelFont(font(false, LABEL_SIZE));
        a.setTickLabelFont(font(false, TICK_SIZE));
        a.setLabelPaint(Color.BLACK);
        a.setTickLabelPaint(new Color(0x222222));
        a.setTickLabelInsets(new RectangleInsets(5, 6, 5, 6));
        if (a instanceof NumberAxis n && !(a instanceof SymbolAxis)) {
            n.setNumberFormatOverride(new NoNegativeZero("#,##0.###"));
        }
    }

    /**
     * Sets a number format that fits the axis range ("#,##0" for big values, more digits for small:
     * two significant digits beyond the magnitude of {@code maxAbs}, so 0.0003 does not print as 0).
     * Never prints "−0".
     */
    static void fitFormat(ValueAxis axis, double maxAbs) {
        if (axis instanceof NumberAxis n && !(axis instanceof SymbolAxis)) {
            n.setNumberFormatOverride(new NoNegativeZero(pattern(maxAbs)));
        }
    }

    /** The format pattern for values up to {@code maxAbs} in magnitude. */
    static String pattern(double maxAbs) {
        if (maxAbs >= 100) {
            return "#,##0";
        }
        if (maxAbs >= 1) {
            return "#,##0.##";
        }
        int decimals = maxAbs > 0 && Double.isFinite(maxAbs) ? (int) Math.ceil(-Math.log10(maxAbs)) + 2 : 3;
        return "0." + "#".repeat(Math.max(3, Math.min(12, decimals)));
    }

    /** A decimal format that writes "0" where a tick a rounding error below zero would read "-0". */
    static final class NoNegativeZero extends DecimalFormat {
        private static final long serialVersionUID = 1L;

        NoNegativeZero(String pattern) {
            super(pattern, DecimalFormatSymbols.getInstance(Locale.ROOT));
        }

        @Override
        public StringBuffer format(double number, StringBuffer to, java.text.FieldPosition pos) {
            StringBuffer mine = super.format(number, new StringBuffer(), pos);
            String s = mine.toString();
            if (s.startsWith("-") && s.substring(1).matches("[0.,]*")) {
                s = s.substring(1);
            }
            return to.append(s);
        }
    }
}
