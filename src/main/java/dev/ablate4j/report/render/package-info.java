/**
 * Rendering of the document model ({@link dev.ablate4j.report.Block}) without deciding any content:
 * {@link dev.ablate4j.report.render.PdfWriter} with its table and text layout helpers,
 * {@link dev.ablate4j.report.render.FigureRenderer} (a figure's panels as a PNG or onto a PDF page)
 * and {@link dev.ablate4j.report.render.MarkdownWriter}.
 *
 * <p>Dependency direction: render → {@link dev.ablate4j.report} (model and fonts), never →
 * {@link dev.ablate4j.report.sections}; {@link dev.ablate4j.report.ReportBuilder} calls the writers.
 */
package dev.ablate4j.report.render;
