package dev.ablate4j.report;

import java.util.List;
import org.jfree.chart.JFreeChart;

/**
 * One figure of the report: one chart, or a grid of panels, written as one PNG and drawn on one PDF
 * page.
 *
 * @param id          file stem of the PNG (unique within a report)
 * @param title       figure title (also the PDF page title)
 * @param caption     what the figure shows and how to read it
 * @param panels      the charts, row by row
 * @param columns     panels per row
 * @param panelWidth  width of one panel in points (1 pt = 1 px in the PNG at scale 1)
 * @param panelHeight height of one panel in points
 */
public record Figure(
        String id, String title, String caption, List<JFreeChart> panels, int columns, int panelWidth, int panelHeight) {

    /** Number of panel rows. */
    public int rows() {
        return (panels.size() + columns - 1) / columns;
    }

    /** Width of the whole figure. */
    public int width() {
        return Math.min(columns, panels.size()) * panelWidth;
    }

    /** Height of the whole figure. */
    public int height() {
        return rows() * panelHeight;
    }

    /** PNG file name. */
    public String fileName() {
        return id + ".png";
    }
}
