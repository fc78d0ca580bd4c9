package dev.ablate4j.report.render;

import dev.ablate4j.report.Table;
import java.awt.Color;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.font.PDFont;

/**
 * Draws a {@link Table} on PDF pages: column widths from the text, font shrunk (down to 7 pt) to
 * fit the page, the widest text column wrapped if it still does not fit, header repeated on every
 * page, numbers right-aligned, bold rows in the bold font. A table that fits on one page is never
 * split (it starts a new page when needed); a narrow table taller than a page (a resolved config's
 * key/value list) is cut into parts set side by side on one page.
 */
final class PdfTableWriter {

    private static final float PAD = 4;
    private final PdfWriter pdf;
    private final PdfText text;

    PdfTableWriter(PdfWriter pdf, PdfText text) {
        this.pdf = pdf;
        this.text = text;
    }

    /**
     * Height of the whole table and caption as drawn (rows assumed one line each): in one piece, or
     * in side-by-side parts when it is taller than a page and narrow enough.
     */
    float height(Table t, String caption) throws IOException {
        float size = fontSize(t);
        float one = columnHeight(t.rows().size(), size, caption);
        float page = PdfWriter.PAGE.getHeight() - PdfWriter.MARGIN - pdf.bottom();
        if (one > page && sum(natural(t, size)) <= pdf.width()) {
            int k = sideBySide(t, natural(t, size), size, caption, page);
            if (k > 1) {
                return columnHeight((t.rows().size() + k - 1) / k, size, caption);
            }
        }
        return one;
    }

    /** Height of {@code rows} one-line rows under a header, with the caption. */
    private float columnHeight(int rows, float size, String caption) throws IOException {
        return (rows + 1) * (size * 1.3f + PAD)
                + (caption == null ? 0 : text.wrap(text.regular, 9, caption, pdf.width()).size() * 9 * 1.35f) + 12 + 9 * 0.7f;
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
        if (columnHeight(t.rows().size(), size, caption) > page && wrapCol < 0) {
            int k = sideBySide(t, widths, size, caption, page);
            if (k > 1) {
                writeSideBySide(t, caption, widths, size, k);
                return;
            }
        }
        if (whole > pdf.y() - pdf.bottom() && whole <= page) {
            pdf.newPage(); // keep a table that fits on one page together
        }
        pdf.ensure(lineH * 3 + PAD * 2);
        header(t, widths, size, lineH, PdfWriter.MARGIN);
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
                header(t, widths, size, lineH, PdfWriter.MARGIN);
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

    /** Gap between the side-by-side parts of a long narrow table. */
    private static final float PART_GAP = 24;
    /** Room left above a side-by-side table for the heading that leads it. */
    private static final float HEADING_ROOM = 45;

    /**
     * Into how many side-by-side parts a table taller than a page is cut so that it fits on one page
     * (e.g. the key/value list of a resolved config), or 1 when it is too wide for that.
     */
    private int sideBySide(Table t, float[] widths, float size, String caption, float page) throws IOException {
        for (int k = 2; k * sum(widths) + (k - 1) * PART_GAP <= pdf.width(); k++) {
            int rows = (t.rows().size() + k - 1) / k;
            if (columnHeight(rows, size, caption) <= page - HEADING_ROOM) {
                return k;
            }
        }
        return 1;
    }

    /** Draws a long narrow table as {@code k} parts next to each other, each with the header, on one page. */
    private void writeSideBySide(Table t, String caption, float[] widths, float size, int k) throws IOException {
        float lineH = size * 1.3f;
        int per = (t.rows().size() + k - 1) / k;
        if (pdf.y() - columnHeight(per, size, caption) < pdf.bottom()) {
            pdf.newPage();
        }
        float top = pdf.y();
        float lowest = top;
        for (int part = 0; part < k; part++) {
            float x0 = PdfWriter.MARGIN + part * (sum(widths) + PART_GAP);
            pdf.moveDown(pdf.y() - top);
            header(t, widths, size, lineH, x0);
            for (int r = part * per; r < Math.min(t.rows().size(), (part + 1) * per); r++) {
                float x = x0;
                for (int c = 0; c < widths.length; c++) {
                    String cell = t.rows().get(r).get(c);
                    float tx = t.numeric().get(c) ? x + widths[c] - PAD - text.width(font(t, r), size, cell) : x + PAD;
                    pdf.show(font(t, r), size, tx, pdf.y() - lineH, cell, Color.BLACK);
                    x += widths[c];
                }
                pdf.moveDown(lineH + PAD);
                pdf.line(x0, pdf.y() + PAD / 2, x0 + sum(widths), pdf.y() + PAD / 2, 0.3f, new Color(0xCCCCCC));
            }
            lowest = Math.min(lowest, pdf.y());
        }
        pdf.moveDown(pdf.y() - lowest);
        pdf.moveDown(6);
        if (caption != null) {
            pdf.paragraph(caption, text.regular, 9);
        }
        pdf.moveDown(6);
    }

    private PDFont font(Table t, int row) {
        return t.boldRows().contains(row) ? text.bold : text.regular;
    }

    private void header(Table t, float[] widths, float size, float lineH, float x0) throws IOException {
        float x = x0;
        float yy = pdf.y() - lineH;
        for (int c = 0; c < widths.length; c++) {
            String h = t.header().get(c);
            float tx = t.numeric().get(c) ? x + widths[c] - PAD - text.width(text.bold, size, h) : x + PAD;
            pdf.show(text.bold, size, tx, yy, h, Color.BLACK);
            x += widths[c];
        }
        pdf.moveDown(lineH + PAD);
        pdf.line(x0, pdf.y() + PAD / 2, x0 + sum(widths), pdf.y() + PAD / 2, 0.8f, Color.BLACK);
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
