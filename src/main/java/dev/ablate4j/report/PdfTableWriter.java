package dev.ablate4j.report;

import java.awt.Color;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.font.PDFont;

/**
 * Draws a {@link Table} on PDF pages: column widths from the text, font shrunk (down to 7 pt) to
 * fit the page, the widest text column wrapped if it still does not fit, header repeated on every
 * page, numbers right-aligned, bold rows in the bold font.
 */
final class PdfTableWriter {

    private static final float PAD = 4;
    private final PdfWriter pdf;
    private final PdfText text;

    PdfTableWriter(PdfWriter pdf, PdfText text) {
        this.pdf = pdf;
        this.text = text;
    }

    /** Height of the whole table and caption if drawn in one piece (rows assumed one line each). */
    float height(Table t, String caption) throws IOException {
        float size = fontSize(t);
        return (t.rows().size() + 1) * (size * 1.3f + PAD)
                + (caption == null ? 0 : text.wrap(text.regular, 9, caption, pdf.width()).size() * 9 * 1.35f) + 12;
    }

    private float fontSize(Table t) throws IOException {
        float size = 9;
        while (sum(natural(t, size)) > pdf.width() && size > 7) {
            size -= 0.5f;
        }
        return size;
    }

    void write(Table t, String caption) throws IOException {
        float size = fontSize(t);
        float[] widths = natural(t, size);
        int wrapCol = -1;
        if (sum(widths) > pdf.width()) {
            wrapCol = widestTextColumn(t, widths);
            widths[wrapCol] = Math.max(60, widths[wrapCol] - (sum(widths) - pdf.width()));
        }
        float lineH = size * 1.3f;
        float whole = height(t, caption);
        float page = PdfWriter.PAGE.getHeight() - PdfWriter.MARGIN - pdf.bottom();
        if (whole > pdf.y() - pdf.bottom() && whole <= page) {
            pdf.newPage(); // keep a table that fits on one page together
        }
        pdf.ensure(lineH * 3 + PAD * 2);
        header(t, widths, size, lineH);
        for (int r = 0; r < t.rows().size(); r++) {
            List<List<String>> cellLines = new ArrayList<>();
            int maxLines = 1;
            for (int c = 0; c < widths.length; c++) {
                String s = t.rows().get(r).get(c);
                List<String> lines = c == wrapCol ? text.wrap(font(t, r), size, s, widths[c] - 2 * PAD) : List.of(s);
                cellLines.add(lines);
                maxLines = Math.max(maxLines, lines.size());
            }
            float rowH = maxLines * lineH + PAD;
            if (pdf.y() - rowH < pdf.bottom()) {
                pdf.newPage();
                header(t, widths, size, lineH);
            }
            float x = PdfWriter.MARGIN;
            for (int c = 0; c < widths.length; c++) {
                float yy = pdf.y() - lineH;
                for (String line : cellLines.get(c)) {
                    float tx = t.numeric().get(c) ? x + widths[c] - PAD - text.width(font(t, r), size, line) : x + PAD;
                    pdf.show(font(t, r), size, tx, yy, line, Color.BLACK);
                    yy -= lineH;
                }
                x += widths[c];
            }
            pdf.moveDown(rowH);
            pdf.line(PdfWriter.MARGIN, pdf.y() + PAD / 2, PdfWriter.MARGIN + sum(widths), pdf.y() + PAD / 2, 0.3f,
                    new Color(0xCCCCCC));
        }
        pdf.moveDown(6);
        if (caption != null) {
            pdf.paragraph(caption, text.regular, 9);
        }
        pdf.moveDown(6);
    }

    private PDFont font(Table t, int row) {
        return t.boldRows().contains(row) ? text.bold : text.regular;
    }

    private void header(Table t, float[] widths, float size, float lineH) throws IOException {
        float x = PdfWriter.MARGIN;
        float yy = pdf.y() - lineH;
        for (int c = 0; c < widths.length; c++) {
            String h = t.header().get(c);
            float tx = t.numeric().get(c) ? x + widths[c] - PAD - text.width(text.bold, size, h) : x + PAD;
            pdf.show(text.bold, size, tx, yy, h, Color.BLACK);
            x += widths[c];
        }
        pdf.moveDown(lineH + PAD);
        pdf.line(PdfWriter.MARGIN, pdf.y() + PAD / 2, PdfWriter.MARGIN + sum(widths), pdf.y() + PAD / 2, 0.8f, Color.BLACK);
    }

    private float[] natural(Table t, float size) throws IOException {
        float[] w = new float[t.header().size()];
        for (int c = 0; c < w.length; c++) {
            w[c] = text.width(text.bold, size, t.header().get(c)) + 2 * PAD;
            for (List<String> row : t.rows()) {
                w[c] = Math.max(w[c], text.width(text.bold, size, row.get(c)) + 2 * PAD);
            }
        }
        return w;
    }

    /** The widest text (non-numeric) column, or the widest column when all are numeric. */
    private static int widestTextColumn(Table t, float[] widths) {
        int best = -1;
        for (int c = 0; c < widths.length; c++) {
            if (!t.numeric().get(c) && (best < 0 || widths[c] > widths[best])) {
                best = c;
            }
        }
        if (best < 0) {
            best = 0;
            for (int c = 1; c < widths.length; c++) {
                best = widths[c] > widths[best] ? c : best;
            }
        }
        return best;
    }

    private static float sum(float[] w) {
        float s = 0;
        for (float v : w) {
            s += v;
        }
        return s;
    }
}
