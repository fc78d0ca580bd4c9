package dev.ablate4j.report.render;

import de.rototor.pdfbox.graphics2d.PdfBoxGraphics2D;
import de.rototor.pdfbox.graphics2d.PdfBoxGraphics2DFontTextDrawer;
import dev.ablate4j.report.Block;
import dev.ablate4j.report.Figure;
import dev.ablate4j.report.ReportFonts;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDDocumentOutline;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;
import org.apache.pdfbox.util.Matrix;

/**
 * Lays the report's blocks out on A4 landscape pages. Charts are vector graphics (JFreeChart drawn
 * through pdfbox-graphics2d) whose text is real, selectable text in the report fonts. Layout rules,
 * chosen so that no page is left mostly blank:
 * <ul>
 *   <li>A section (level-1 heading) starts a new page unless less than two thirds of the current page
 *       are used and the heading fits there with what follows it (a one-sentence section such as
 *       "Across environments" flows on with the next section).</li>
 *   <li>A figure goes below what is already on the page when it fits there at nearly full size.
 *       When it does not, the figure floats (as in LaTeX): the text, tables and subsection headings
 *       that follow it fill the rest of the page, and the figure, with any figures queued behind
 *       it in order, starts the next page. Floating stops at a new section and at a heading that
 *       leads a figure. Figures carry their own titles, so they read on their own.</li>
 *   <li>A heading is kept with the figure or table that follows it; a table that fits on one page
 *       is never split (see {@link PdfTableWriter}).</li>
 * </ul>
 * Every section and figure gets a bookmark. The Markdown keeps the blocks' order.
 */
public final class PdfWriter {

    static final PDRectangle PAGE = new PDRectangle(PDRectangle.A4.getHeight(), PDRectangle.A4.getWidth());
    static final float MARGIN = 40;
    private static final float FOOTER = 18;
    private static final float FIGURE_TITLE = 15;
    private static final float CAPTION = 10;
    /** A figure is placed on a partly used page only if it keeps this share of its full-page size. */
    private static final float MIN_SHARE = 0.8f;
    /** Figures are enlarged at most this much to fill the width (small figures stay small). */
    private static final float MAX_SCALE = 1.15f;

    private final PDDocument doc;
    private final PdfText text;
    private final PdfBoxGraphics2DFontTextDrawer drawer;
    private final PdfTableWriter tables;
    private final PDDocumentOutline outline = new PDDocumentOutline();
    private PDOutlineItem currentSection;
    private PDPage page;
    private PDPageContentStream cs;
    private float y;

    private PdfWriter(PDDocument doc, PdfText text, PdfBoxGraphics2DFontTextDrawer drawer) {
        this.doc = doc;
        this.text = text;
        this.drawer = drawer;
        this.tables = new PdfTableWriter(this, text);
    }

    /**
     * Writes {@code blocks} to {@code file}; returns the page count. The trailer's file identifier
     * (/ID), which PDFBox would draw from the clock, is the first 16 bytes of the SHA-256 of
     * {@code content} (the report's Markdown), so the same inputs give the same PDF bytes.
     */
    public static int write(List<Block> blocks, Path file, byte[] content) throws IOException {
        ReportFonts fonts = ReportFonts.load();
        try (PDDocument doc = new PDDocument();
                PdfText text = new PdfText(doc, fonts);
                PdfBoxGraphics2DFontTextDrawer drawer = new PdfBoxGraphics2DFontTextDrawer()) {
            if (fonts.embeddable()) {
                // Chart text uses the same embedded fonts as the page text, looked up by AWT font name.
                drawer.registerFont(fonts.regular().getFontName(), text.regular);
                drawer.registerFont(fonts.bold().getFontName(), text.bold);
            }
            PDDocumentInformation info = new PDDocumentInformation();
            info.setTitle("ablate4j report");
            info.setCreator("ablate4j");
            doc.setDocumentInformation(info);
            PdfWriter w = new PdfWriter(doc, text, drawer);
            for (int i = 0; i < blocks.size(); i++) {
                w.place(blocks, i);
            }
            w.flushFloats();
            w.closePage();
            doc.getDocumentCatalog().setDocumentOutline(w.outline);
            doc.getDocument().getTrailer().setItem(COSName.ID, fileIdentifier(content));
            // saved whole, then renamed into place: a reader (or a rerun over an old report) never sees half a PDF
            java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
            doc.save(bytes);
            dev.ablate4j.results.AtomicFiles.writeBytes(file, bytes.toByteArray());
            return doc.getNumberOfPages();
        }
    }

    /** A file identifier of two equal strings (a file written once), from {@code content}. */
    private static COSArray fileIdentifier(byte[] content) {
        byte[] id = java.util.Arrays.copyOf(dev.ablate4j.results.Sha256.of(content), 16);
        COSArray array = new COSArray();
        array.add(new COSString(id));
        array.add(new COSString(id));
        return array;
    }

    /** Figures waiting for the next page while the text after them fills this one. */
    private final List<Figure> floating = new java.util.ArrayList<>();

    /** Places block {@code i}: now, or after floating figures, or as a floating figure itself. */
    private void place(List<Block> blocks, int i) throws IOException {
        Block b = blocks.get(i);
        Block next = i + 1 < blocks.size() ? blocks.get(i + 1) : null;
        if (b instanceof Block.FigureBlock f) {
            boolean freshPage = page != null && y >= PAGE.getHeight() - MARGIN - 1;
            if (!floating.isEmpty()) {
                floating.add(f.figure()); // figures keep their order
                return;
            }
            if (page != null && !freshPage && !fits(f.figure(), y - 12) && fillsHere(blocks, i + 1)) {
                floating.add(f.figure());
                return;
            }
            figure(f.figure());
            return;
        }
        if (!floating.isEmpty()) {
            if (fillsHere(blocks, i)) {
                add(b, next);
                return;
            }
            flushFloats();
        }
        add(b, next);
    }

    /**
     * Whether block {@code i} may be drawn on the current page ahead of floating figures: text, a
     * table or a subsection heading with its text or table, that fits whole in what is left.
     */
    private boolean fillsHere(List<Block> blocks, int i) throws IOException {
        if (page == null || i >= blocks.size()) {
            return false;
        }
        Block b = blocks.get(i);
        float left = y - bottom();
        if (b instanceof Block.Heading h) {
            if (h.level() <= 1 || i + 1 >= blocks.size() || blocks.get(i + 1) instanceof Block.FigureBlock
                    || blocks.get(i + 1) instanceof Block.Heading) {
                return false;
            }
            return headingHeight(h) + height(blocks.get(i + 1)) <= left;
        }
        if (b instanceof Block.FigureBlock) {
            return false;
        }
        return height(b) <= left;
    }

    /** Height of a text or table block drawn whole (figures: not used). */
    private float height(Block b) throws IOException {
        if (b instanceof Block.Paragraph p) {
            return paragraphHeight(p.text(), text.regular, 10.5f);
        } else if (b instanceof Block.Code c) {
            return paragraphHeight(c.text(), text.regular, 9.5f);
        } else if (b instanceof Block.TableBlock t) {
            return tables.height(t.table(), t.caption());
        } else if (b instanceof Block.Heading h) {
            return headingHeight(h);
        }
        return Float.MAX_VALUE;
    }

    private float paragraphHeight(String s, PDFont font, float size) throws IOException {
        return text.wrap(font, size, s, width()).size() * size * 1.35f + size * 0.7f;
    }

    private static float headingHeight(Block.Heading h) {
        return headingSize(h.level()) * 1.25f + 16;
    }

    /** Draws the floating figures, starting on a new page. */
    private void flushFloats() throws IOException {
        if (floating.isEmpty()) {
            return;
        }
        List<Figure> queued = List.copyOf(floating);
        floating.clear();
        newPage();
        for (Figure f : queued) {
            figure(f);
        }
    }

    private void add(Block b, Block next) throws IOException {
        if (b instanceof Block.Heading h) {
            heading(h, next);
        } else if (b instanceof Block.Paragraph p) {
            paragraph(p.text(), text.regular, 10.5f);
        } else if (b instanceof Block.Code c) {
            paragraph(c.text(), text.regular, 9.5f);
        } else if (b instanceof Block.TableBlock t) {
            tables.write(t.table(), t.caption());
        } else if (b instanceof Block.FigureBlock f) {
            figure(f.figure());
        }
    }

    private static float headingSize(int level) {
        return level == 0 ? 24 : level == 1 ? 18 : 13.5f;
    }

    /** Draws a heading, on a new page if what follows it would not fit below it. */
    private void heading(Block.Heading h, Block next) throws IOException {
        float size = headingSize(h.level());
        float height = size * 1.25f + 16;
        float usable = PAGE.getHeight() - MARGIN - bottom();
        boolean fresh = h.level() == 0 || page == null || y - height < MARGIN + 100
                || (h.level() == 1 && y < bottom() + usable / 3);
        if (!fresh && h.level() == 1 && next instanceof Block.Paragraph p) {
            fresh = y - height - paragraphHeight(p.text(), text.regular, 10.5f) < MARGIN + 100;
        }
        if (!fresh && next instanceof Block.FigureBlock f) {
            fresh = !fits(f.figure(), y - height);
        } else if (!fresh && next instanceof Block.TableBlock t) {
            fresh = y - height - Math.min(tables.height(t.table(), t.caption()), usable - height) < bottom();
        }
        boolean pageTop = page != null && y >= PAGE.getHeight() - MARGIN - 1;
        if (pageTop) {
            // already at the top of a page: nothing to skip
        } else if (fresh) {
            newPage();
        } else if (h.level() == 1) {
            y -= 14; // a section that flows on: a gap and a rule above it
            line(MARGIN, y + 6, PAGE.getWidth() - MARGIN, y + 6, 0.6f, new Color(0x999999));
        } else {
            y -= 8;
        }
        for (String line : text.wrap(text.bold, size, h.text(), width())) {
            y -= size * 1.25f;
            show(text.bold, size, MARGIN, y, line, Color.BLACK);
        }
        y -= h.level() == 0 ? 14 : 8;
        if (h.level() <= 1) {
            currentSection = bookmark(null, h.text());
        } else if (currentSection != null) {
            bookmark(currentSection, h.text());
        }
    }

    void paragraph(String s, PDFont font, float size) throws IOException {
        for (String line : text.wrap(font, size, s, width())) {
            ensure(size * 1.35f);
            y -= size * 1.35f;
            show(font, size, MARGIN, y, line, Color.BLACK);
        }
        y -= size * 0.7f;
    }

    /** Scale at which {@code f} is drawn when its block starts at {@code top}. */
    private float scaleAt(Figure f, float top) throws IOException {
        float captionH = text.wrap(text.regular, CAPTION, f.caption(), width()).size() * CAPTION * 1.35f;
        float availH = top - (MARGIN + FOOTER) - FIGURE_TITLE * 1.25f - 10 - 8 - captionH;
        return Math.min(MAX_SCALE, Math.min(width() / f.width(), availH / f.height()));
    }

    private boolean fits(Figure f, float top) throws IOException {
        float full = scaleAt(f, PAGE.getHeight() - MARGIN);
        return scaleAt(f, top) >= MIN_SHARE * full;
    }

    private void figure(Figure f) throws IOException {
        boolean freshPage = page != null && y >= PAGE.getHeight() - MARGIN - 1;
        if (page == null || (!freshPage && !fits(f, y - 12))) {
            newPage();
        } else if (!freshPage) {
            y -= 12;
        }
        bookmark(currentSection, f.title());
        float scale = scaleAt(f, y);
        y -= FIGURE_TITLE * 1.25f;
        show(text.bold, FIGURE_TITLE, MARGIN, y, f.title(), Color.BLACK);
        y -= 10;
        PdfBoxGraphics2D g = new PdfBoxGraphics2D(doc, f.width(), f.height());
        try {
            g.setFontTextDrawer(drawer);
            FigureRenderer.draw(g, f, false);
        } finally {
            g.dispose();
        }
        PDFormXObject form = g.getXFormObject();
        float drawnW = f.width() * scale;
        float drawnH = f.height() * scale;
        float x0 = MARGIN + (width() - drawnW) / 2;
        float y0 = y - drawnH;
        cs.saveGraphicsState();
        cs.transform(new Matrix(scale, 0, 0, scale, x0, y0));
        cs.drawForm(form);
        cs.restoreGraphicsState();
        y = y0 - 8;
        for (String line : text.wrap(text.regular, CAPTION, f.caption(), width())) {
            y -= CAPTION * 1.35f;
            show(text.regular, CAPTION, MARGIN, y, line, new Color(0x333333));
        }
        y -= 10;
    }

    /** Starts a new page when less than {@code height} is left. */
    void ensure(float height) throws IOException {
        if (page == null || y - height < MARGIN + FOOTER) {
            newPage();
        }
    }

    void newPage() throws IOException {
        closePage();
        page = new PDPage(PAGE);
        doc.addPage(page);
        cs = new PDPageContentStream(doc, page);
        y = PAGE.getHeight() - MARGIN;
        show(text.regular, 8, PAGE.getWidth() - MARGIN - 30, MARGIN / 2, "page " + doc.getNumberOfPages(), Color.GRAY);
    }

    private void closePage() throws IOException {
        if (cs != null) {
            cs.close();
            cs = null;
        }
    }

    void show(PDFont font, float size, float x, float yy, String s, Color color) throws IOException {
        cs.beginText();
        cs.setNonStrokingColor(color);
        cs.setFont(font, size);
        cs.newLineAtOffset(x, yy);
        cs.showText(text.safe(s));
        cs.endText();
    }

    void line(float x1, float y1, float x2, float y2, float width, Color color) throws IOException {
        cs.setStrokingColor(color);
        cs.setLineWidth(width);
        cs.moveTo(x1, y1);
        cs.lineTo(x2, y2);
        cs.stroke();
    }

    float width() {
        return PAGE.getWidth() - 2 * MARGIN;
    }

    float y() {
        return y;
    }

    /** Lowest y text may reach. */
    float bottom() {
        return MARGIN + FOOTER;
    }

    void moveDown(float dy) {
        y -= dy;
    }

    private PDOutlineItem bookmark(PDOutlineItem parent, String title) {
        PDOutlineItem item = new PDOutlineItem();
        item.setTitle(title);
        item.setDestination(page);
        if (parent == null) {
            outline.addLast(item);
        } else {
            parent.addLast(item);
        }
        return item;
    }
}
