package dev.ablate4j.report.render;

import dev.ablate4j.report.Block;
import dev.ablate4j.report.Figure;
import dev.ablate4j.report.Table;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Writes the report's blocks as GitHub-flavoured Markdown (fit for a CI job summary). */
public final class MarkdownWriter {

    private MarkdownWriter() {}

    public static void write(List<Block> blocks, Path file) throws IOException {
        Files.writeString(file, render(blocks), StandardCharsets.UTF_8);
    }

    static String render(List<Block> blocks) {
        StringBuilder sb = new StringBuilder();
        for (Block b : blocks) {
            if (b instanceof Block.Heading h) {
                sb.append("#".repeat(h.level() + 1)).append(' ').append(h.text()).append("\n\n");
            } else if (b instanceof Block.Paragraph p) {
                sb.append(escape(p.text())).append("\n\n");
            } else if (b instanceof Block.Code c) {
                sb.append("```bash\n").append(c.text()).append("\n```\n\n");
            } else if (b instanceof Block.TableBlock t) {
                table(sb, t.table());
                sb.append('\n');
                if (t.caption() != null) {
                    sb.append('_').append(escape(t.caption())).append("_\n\n");
                }
            } else if (b instanceof Block.FigureBlock f) {
                Figure fig = f.figure();
                sb.append("![").append(fig.title()).append("](").append(fig.fileName()).append(")\n\n");
                sb.append('_').append(escape(fig.caption())).append("_\n\n");
            }
        }
        return sb.toString();
    }

    private static void table(StringBuilder sb, Table t) {
        sb.append('|');
        t.header().forEach(h -> sb.append(' ').append(cell(h)).append(" |"));
        sb.append("\n|");
        for (boolean num : t.numeric()) {
            sb.append(num ? " ---: |" : " --- |");
        }
        sb.append('\n');
        for (int r = 0; r < t.rows().size(); r++) {
            boolean bold = t.boldRows().contains(r);
            sb.append('|');
            for (String c : t.rows().get(r)) {
                String text = cell(c);
                sb.append(' ').append(bold && !text.isEmpty() ? "**" + text + "**" : text).append(" |");
            }
            sb.append('\n');
        }
    }

    private static String cell(String s) {
        return escape(s).replace("|", "\\|").replace("\n", " ");
    }

    /** Escapes the characters that would turn plain text into Markdown markup. */
    private static String escape(String s) {
        return s.replace("\\", "\\\\").replace("*", "\\*").replace("_", "\\_").replace("<", "&lt;");
    }
}
