package dev.ablate4j.report;

import java.awt.Font;
import java.awt.FontFormatException;
import java.io.File;
import java.io.IOException;
import java.util.List;

/**
 * The fonts of the report: DejaVu Sans (or Liberation Sans) loaded from its TrueType file, so the
 * same glyphs are used in PNGs and embedded in the PDF, where the text stays selectable. Without
 * either font installed, the JDK's logical SansSerif font is used and PDF chart text is drawn as
 * outlines (still readable, not selectable).
 *
 * @param regularFile the regular TTF, or null when falling back to logical fonts
 * @param boldFile    the bold TTF, or null
 */
public record ReportFonts(Font regular, Font bold, File regularFile, File boldFile) {

    private static final List<String> DIRS = List.of(
            "/usr/share/fonts/truetype/dejavu", "/usr/share/fonts/dejavu", "/usr/share/fonts/TTF",
            "/usr/share/fonts/dejavu-sans-fonts", "/usr/local/share/fonts", "/Library/Fonts",
            System.getProperty("user.home", ".") + "/Library/Fonts", "/usr/share/fonts/truetype/liberation",
            "/usr/share/fonts/liberation-sans", "C:/Windows/Fonts");
    private static final String[][] FAMILIES = {
        {"DejaVuSans.ttf", "DejaVuSans-Bold.ttf"}, {"LiberationSans-Regular.ttf", "LiberationSans-Bold.ttf"}
    };

    private static ReportFonts cached;

    /** The fonts found on this machine (looked up once). */
    public static synchronized ReportFonts load() {
        if (cached == null) {
            cached = find();
        }
        return cached;
    }

    /** Whether text can be embedded in the PDF as real text. */
    public boolean embeddable() {
        return regularFile != null && boldFile != null;
    }

    /** The regular or bold font at {@code size} points. */
    public Font font(boolean isBold, float size) {
        return (isBold ? bold : regular).deriveFont(size);
    }

    private static ReportFonts find() {
        for (String[] family : FAMILIES) {
            for (String dir : DIRS) {
                File r = new File(dir, family[0]);
                File b = new File(dir, family[1]);
                if (r.isFile() && b.isFile()) {
                    try {
                        return new ReportFonts(Font.createFont(Font.TRUETYPE_FONT, r),
                                Font.createFont(Font.TRUETYPE_FONT, b), r, b);
                    } catch (FontFormatException | IOException e) {
                        // try the next candidate
                    }
                }
            }
        }
        return new ReportFonts(new Font(Font.SANS_SERIF, Font.PLAIN, 12), new Font(Font.SANS_SERIF, Font.BOLD, 12),
                null, null);
    }
}
