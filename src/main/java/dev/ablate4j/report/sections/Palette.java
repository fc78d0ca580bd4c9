package dev.ablate4j.report.sections;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Stroke;

/**
 * Colour-blind-safe colours (Okabe &amp; Ito 2008) and line styles. A cell keeps the same colour and
 * dash in every chart: both come from its index in the report's cell order. After eight cells the
 * colours repeat with a different dash pattern.
 */
public final class Palette {

    private static final Color[] COLORS = {
        new Color(0x0072B2), // blue
        new Color(0xE69F00), // orange
        new Color(0x009E73), // bluish green
        new Color(0xD55E00), // vermillion
        new Color(0xCC79A7), // reddish purple
        new Color(0x56B4E9), // sky blue
        new Color(0x000000), // black
        new Color(0xB8A200), // yellow, darkened to read on white
    };
    private static final float[][] DASHES = {null, {7f, 4f}, {2f, 3f}, {9f, 3f, 2f, 3f}};

    /** Colour of "optimization on" in on/off charts. */
    public static final Color ON = COLORS[0];
    /** Colour of "optimization off" in on/off charts. */
    public static final Color OFF = COLORS[3];
    /** Grey of the baseline when it is drawn for comparison in small multiples. */
    public static final Color BASELINE = new Color(0x777777);
    /** Grey for reference lines. */
    public static final Color REFERENCE = new Color(0x555555);

    private Palette() {}

    /** Colour of the cell with display index {@code i}. */
    public static Color color(int i) {
        return COLORS[Math.floorMod(i, COLORS.length)];
    }

    /** The colour with transparency {@code alpha} in [0, 1]. */
    public static Color translucent(Color c, double alpha) {
        return new Color(c.getRed(), c.getGreen(), c.getBlue(), (int) Math.round(alpha * 255));
    }

    /** Line stroke of the cell with display index {@code i}. */
    public static Stroke stroke(int i, float width) {
        return dashed(Math.floorMod(i / COLORS.length, DASHES.length), width);
    }

    /** Stroke with dash pattern {@code k} (0 = solid). */
    public static Stroke dashed(int k, float width) {
        float[] d = DASHES[Math.floorMod(k, DASHES.length)];
        if (d == null) {
            return new BasicStroke(width, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
        }
        float[] scaled = new float[d.length];
        for (int j = 0; j < d.length; j++) {
            scaled[j] = d[j] * Math.max(1f, width / 1.5f);
        }
        return new BasicStroke(width, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, scaled, 0f);
    }
}
