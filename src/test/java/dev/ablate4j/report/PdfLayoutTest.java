package dev.ablate4j.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Page layout of the PDF: no page left mostly blank for a short block, no table split that fits a page. */
class PdfLayoutTest {

    @TempDir
    static Path tmp;

    static final int EXTRA_KEYS = 28;

    /** Text of each page, in order. */
    static List<String> pages = new ArrayList<>();
    static ReportBuilder.Result result;

    @BeforeAll
    static void build() throws IOException {
        // One environment (so "Across environments" is one sentence), five configs left out one at a time.
        // Configs as long as real ones (about 45 keys): more rows than one page holds in one column.
        Path root = tmp.resolve("results");
        // 5 seeds per config: the layout, not the few-seeds note, is what these tests look at
        Map<String, Object> extra = new java.util.TreeMap<>();
        for (int k = 0; k < EXTRA_KEYS; k++) {
            extra.put(String.format(java.util.Locale.ROOT, "setting-%02d", k), k * 0.5);
        }
        ChartTrees.cell(root, "c00", "ppo", extra, 5, (c, s) -> -300 + 10 * s);
        int i = 1;
        for (String k : List.of("value-clip", "reward-scale", "ortho-init", "lr-anneal")) {
            int shift = 40 * i;
            Map<String, Object> flags = new java.util.TreeMap<>(extra);
            flags.put(k, false);
            ChartTrees.cell(root, ChartTrees.id(i++), "ppo, no " + k, flags, 5, (c, s) -> -300 - shift + 10 * s);
        }
        result = ReportBuilder.build(List.of(root), tmp.resolve("report"), new ReportOptions(7, 400, null));
        try (PDDocument doc = Loader.loadPDF(result.pdf().toFile())) {
            PDFTextStripper strip = new PDFTextStripper();
            for (int p = 1; p <= doc.getNumberOfPages(); p++) {
                strip.setStartPage(p);
                strip.setEndPage(p);
                pages.add(strip.getText(doc));
            }
        }
    }

    private static int pageOf(String s) {
        for (int p = 0; p < pages.size(); p++) {
            if (pages.get(p).contains(s)) {
                return p + 1;
            }
        }
        return -1;
    }

    @Test
    void theFirstEnvironmentStartsOnTheFirstPageBelowTheOverview() {
        assertEquals(1, pageOf("ablate4j report"));
        assertEquals(1, pageOf("Environment: " + ChartTrees.ENV), pages.get(0));
        // the learning curves do not fit below the overview: they float to the next page while the
        // final-return table, which does fit, fills page 1
        assertEquals(1, pageOf("Final return: " + ChartTrees.ENV), pages.get(0));
        assertEquals(2, pageOf("Learning curves: " + ChartTrees.ENV));
    }

    @Test
    void theBaselineTableSharesItsPage() {
        int p = pageOf("Against the baseline: " + ChartTrees.ENV);
        assertTrue(p > 0);
        String page = pages.get(p - 1);
        // another block is on its page (today: the final-return figure above it)
        assertTrue(page.contains("Mean final return per config") || page.contains("Per optimization"), page);
    }

    @Test
    void aOneSentenceSectionFlowsOnIntoTheNextSection() {
        int across = pageOf("Across environments");
        assertTrue(pages.get(across - 1).contains("only 1 environment qualifies"), pages.get(across - 1));
        assertEquals(across, pageOf("Power analysis"), "the next section continues on the same page");
    }

    @Test
    void theConfigsTableIsOnOnePage() {
        int configs = pageOf("Resolved config of the baseline");
        assertTrue(configs > 0);
        String page = pages.get(configs - 1);
        List<String> keys = new ArrayList<>(SyntheticResults.ppoConfig().keySet());
        keys.add("setting-00");
        keys.add(String.format(java.util.Locale.ROOT, "setting-%02d", EXTRA_KEYS - 1));
        for (String key : keys) {
            assertTrue(page.contains(key), "config key '" + key + "' not on the configs table's page " + configs);
        }
        // its rows are more than a page tall in one column: the table is set in parts side by side
        assertTrue(page.split("\\bkey\\b", -1).length - 1 >= 2, "header repeated per part:\n" + page);
    }

    @Test
    void fewerPagesThanOnePerBlockOfContent() {
        // 5 figures, 3 env tables, 9 more sections and appendix tables used to take 14 pages
        assertTrue(result.pdfPages() <= 11, "pages: " + result.pdfPages());
    }
}
