package dev.ablate4j.report;

import de.rototor.pdfbox.graphics2d.PdfBoxGraphics2D;
import de.rototor.pdfbox.graphics2d.PdfBoxGraphics2DFontTextDrawer;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
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
 * Lays the report's blocks out on A4 landscape pages: every figure on its own page with its title
 * and caption, charts as vector graphics (JFreeChart drawn through pdfbox-graphics2d, text kept as
 * selectable text with the report fonts); headings, paragraphs and tables flow on text pages. Each
 * section and figure gets a bookmark.
 */
final class PdfWriter {

    static final PDRectangle PAGE = new PDRectangle(PDRectangle.A4.getHeight(), PDRectangle.A4.getWidth());
    static final float MARGIN = 40;

    private final PDDocument doc;
    private final PdfText text;
    private final PdfTableWriter tables;
    private final PDDocumentOutline outline = new PDDocumentOutline();
    private PDOutlineItem currentSection;
    private PDPage page;
    private PDPageContentStream cs;
    private float y;

    private PdfWriter(PDDocument doc, PdfText text) {
        this.doc = doc;
        this.text = text;
        this.tables = new PdfTableWriter(this, text);
    }

    /** Writes {@code blocks} to {@code file}; returns the page count. */
    static int write(List<Block> blocks, Path file) throws IOException {
        ReportFonts fonts = ReportFonts.load();
        try (PDDocument doc = new PDDocument();
                PdfBoxGraphics2DFontTextDrawer drawer = new PdfBoxGraphics2DFontTextDrawer()) {
            if (fonts.embeddable()) {
                drawer.registerFont(fonts.regularFile());
                drawer.registerFont(fonts.boldFile());
            }
            PDDocumentInformation info = new PDDocumentInformation();
            info.setTitle("ablate4j report");
            info.setCreator("ablate4j");
            doc.setDocumentInformation(info);
            PdfWriter w = new PdfWriter(doc, new PdfText(doc, fonts));
            for (Block b : blocks) {
                w.add(b, drawer);
            }
            w.closePage();
            doc.getDocumentCatalog().setDocumentOutline(w.outline);
            doc.save(file.toFile());
            return doc.getNumberOfPages();
        }
    }

    private void add(Block b, PdfBoxGraphics2DFontTextDrawer drawer) throws IOException {
        if (b instanceof Block.Heading h) {
            heading(h);
        } else if (b instanceof Block.Paragraph p) {
            paragraph(p.text(), text.regular, 10.5f);
        } else if (b instanceof Block.TableBlock t) {
            tables.write(t.table(), t.caption());
        } else if (b instanceof Block.FigureBlock f) {
            figure(f.figure(), drawer);
        }
    }

    private void heading(Block.Heading h) throws IOException {
        float size = h.level() == 0 ? 24 : h.level() == 1 ? 18 : 13.5f;
        if (h.level() <= 1 || y < MARGIN + 120 || page == null) {
            newPage();
        } else {
            y -= 8;
        }
        List<String> lines = text.wrap(text.bold, size, h.text(), width());
        for (String line : lines) {
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
        List<String> lines = text.wrap(font, size, s, width());
        for (String line : lines) {
            ensure(size * 1.35f);
            y -= size * 1.35f;
            show(font, size, MARGIN, y, line, Color.BLACK);
        }
        y -= size * 0.7f;
    }

    private void figure(Figure f, PdfBoxGraphics2DFontTextDrawer drawer) throws IOException {
        newPage();
        bookmark(currentSection, f.title());
        float titleSize = 15;
        y -= titleSize * 1.25f;
        show(text.bold, titleSize, MARGIN, y, f.title(), Color.BLACK);
        y -= 10;
        float captionSize = 10;
        List<String> caption = text.wrap(text.regular, captionSize, f.caption(), width());
        float captionHeight = caption.size() * captionSize * 1.35f + 6;
        float availH = y - MARGIN - captionHeight;
        float scale = Math.min(width() / f.width(), availH / f.height());
        PdfBoxGraphics2D g = new PdfBoxGraphics2D(doc, f.width(), f.height());
        try {
            g.setFontTextDrawer(drawer);
            FigureRenderer.draw(g, f);
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
        for (String line : caption) {
            y -= captionSize * 1.35f;
            show(text.regular, captionSize, MARGIN, y, line, new Color(0x333333));
        }
        y = MARGIN; // the next block starts on a new page
    }

    /** Starts a new page when less than {@code height} is left. */
    void ensure(float height) throws IOException {
        if (page == null || y - height < MARGIN) {
            newPage();
        }
    }

    void newPage() throws IOException {
        closePage();
        page = new PDPage(PAGE);
        doc.addPage(page);
        cs = new PDPageContentStream(doc, page);
        y = PAGE.getHeight() - MARGIN;
        int n = doc.getNumberOfPages();
        show(text.regular, 8, PAGE.getWidth() - MARGIN - 30, MARGIN / 2, "page " + n, Color.GRAY);
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
