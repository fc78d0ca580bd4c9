package dev.ablate4j.report.render;

import dev.ablate4j.report.ReportFonts;
import java.io.Closeable;
import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBufferedFile;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/**
 * Fonts and text measurement for the PDF pages: the report's TrueType fonts embedded (subset), or
 * Helvetica with the text reduced to what it can encode when no TrueType font is installed.
 */
final class PdfText implements Closeable {

    private static final Map<String, String> ASCII = Map.ofEntries(
            Map.entry("≥", ">="), Map.entry("≤", "<="), Map.entry("−", "-"), Map.entry("Δ", "delta "),
            Map.entry("ε", "eps"), Map.entry("δ", "delta"), Map.entry("π", "pi"), Map.entry("μ", "mu"),
            Map.entry("τ", "tau"), Map.entry("‖", "||"), Map.entry("₀", "0"), Map.entry("₁", "1"),
            Map.entry("α", "alpha"), Map.entry("²", "^2"));

    final PDFont regular;
    final PDFont bold;
    private final boolean embedded;

    private final List<TrueTypeFont> open = new ArrayList<>();

    PdfText(PDDocument doc, ReportFonts fonts) throws IOException {
        if (fonts.embeddable()) {
            regular = load(doc, fonts.regularFile());
            bold = load(doc, fonts.boldFile());
            embedded = true;
        } else {
            regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
            bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
            embedded = false;
        }
    }

    /**
     * Loads a TrueType font for embedding (as a subset) with glyph substitution off: PDFBox would
     * otherwise draw "fi" as a ligature glyph, and "final" would not be found by search.
     */
    private PDFont load(PDDocument doc, File file) throws IOException {
        TrueTypeFont ttf = new TTFParser().parse(new RandomAccessReadBufferedFile(file));
        ttf.setEnableGsub(false);
        open.add(ttf);
        return PDType0Font.load(doc, ttf, true);
    }

    /** Releases the font files; call after the document is saved. */
    @Override
    public void close() throws IOException {
        for (TrueTypeFont f : open) {
            f.close();
        }
    }

    /** {@code s} as the font can show it. */
    String safe(String s) {
        if (embedded) {
            return s;
        }
        String out = s;
        for (Map.Entry<String, String> e : ASCII.entrySet()) {
            out = out.replace(e.getKey(), e.getValue());
        }
        StringBuilder sb = new StringBuilder();
        for (char c : out.toCharArray()) {
            sb.append(c < 256 ? c : '?');
        }
        return sb.toString();
    }

    float width(PDFont font, float size, String s) throws IOException {
        return font.getStringWidth(safe(s)) / 1000f * size;
    }

    /** Greedy word wrap of {@code text} into lines no wider than {@code max}. */
    List<String> wrap(PDFont font, float size, String text, float max) throws IOException {
        List<String> lines = new ArrayList<>();
        for (String para : text.split("\n")) {
            StringBuilder line = new StringBuilder();
            for (String word : para.split(" ")) {
                String candidate = line.length() == 0 ? word : line + " " + word;
                if (line.length() > 0 && width(font, size, candidate) > max) {
                    lines.add(line.toString());
                    line = new StringBuilder(word);
                } else {
                    line = new StringBuilder(candidate);
                }
                while (width(font, size, line.toString()) > max && line.length() > 1) {
                    int cut = fit(font, size, line.toString(), max);
                    lines.add(line.substring(0, cut));
                    line = new StringBuilder(line.substring(cut));
                }
            }
            lines.add(line.toString());
        }
        return lines;
    }

    /** Longest prefix length of {@code s} that fits in {@code max} (at least 1). */
    private int fit(PDFont font, float size, String s, float max) throws IOException {
        int n = s.length();
        while (n > 1 && width(font, size, s.substring(0, n)) > max) {
            n--;
        }
        return n;
    }
}
