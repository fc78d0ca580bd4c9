package dev.ablate4j.report;

/**
 * A piece of the report, rendered the same way to Markdown and to PDF: a heading, a paragraph, a
 * command, a table or a figure.
 */
public sealed interface Block {

    /** A section heading; level 1 starts a new PDF page. */
    record Heading(int level, String text) implements Block {}

    /** A paragraph of plain text. */
    record Paragraph(String text) implements Block {}

    /** A shell command, shown verbatim (a code block in Markdown). */
    record Code(String text) implements Block {}

    /** A table with an optional caption (null for none). */
    record TableBlock(Table table, String caption) implements Block {}

    /** A figure (charts plus title and caption). */
    record FigureBlock(Figure figure) implements Block {}
}
