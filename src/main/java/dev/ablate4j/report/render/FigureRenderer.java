package dev.ablate4j.report.render;

import dev.ablate4j.report.Figure;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.title.TextTitle;

/** Draws a {@link Figure}'s panels into any Graphics2D, and writes it as a PNG. */
public final class FigureRenderer {

    /** PNG pixels per figure point: 2 keeps lines and text sharp when printed or zoomed. */
    static final double PNG_SCALE = 2.0;

    private FigureRenderer() {}

    /**
     * Draws every panel at its place in the grid, in figure points. Without {@code chartTitle} a
     * single-panel figure is drawn without its chart title (the PDF page shows the figure title).
     */
    static void draw(Graphics2D g, Figure f, boolean chartTitle) {
        for (int i = 0; i < f.panels().size(); i++) {
            int row = i / f.columns();
            int col = i % f.columns();
            Rectangle2D area = new Rectangle2D.Double(col * f.panelWidth(), row * f.panelHeight(), f.panelWidth(),
                    f.panelHeight());
            JFreeChart chart = f.panels().get(i);
            TextTitle title = chart.getTitle();
            boolean hide = !chartTitle && f.panels().size() == 1 && title != null;
            if (hide) {
                title.setVisible(false);
            }
            try {
                chart.draw(g, area);
            } finally {
                if (hide) {
                    title.setVisible(true);
                }
            }
        }
    }

    public static void writePng(Figure f, Path file) throws IOException {
        int w = (int) Math.ceil(f.width() * PNG_SCALE);
        int h = (int) Math.ceil(f.height() * PNG_SCALE);
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, w, h);
            g.scale(PNG_SCALE, PNG_SCALE);
            draw(g, f, true);
        } finally {
            g.dispose();
        }
        ImageIO.write(img, "png", file.toFile());
    }
}
