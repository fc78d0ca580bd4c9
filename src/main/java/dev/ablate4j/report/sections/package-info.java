/**
 * The report's sections: each {@code *Section} turns the results and statistics of
 * {@link dev.ablate4j.report} into the blocks of the document model (headings, paragraphs, tables,
 * figures), with the helpers only sections use: the figure builders ({@code CurveFigures},
 * {@code OptimizationFigures}, {@code BandFigures}), the JFreeChart chart builders and their style
 * and palette, {@link dev.ablate4j.report.sections.FactorGroups} and the few-seeds note.
 *
 * <p>Dependency direction: sections → {@link dev.ablate4j.report} (model, context, readers), never
 * → {@link dev.ablate4j.report.render}; {@link dev.ablate4j.report.ReportBuilder} calls the
 * sections. Only each section's entry point is public.
 */
package dev.ablate4j.report.sections;
