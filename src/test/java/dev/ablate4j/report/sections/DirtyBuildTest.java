package dev.ablate4j.report.sections;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ablate4j.report.Block;
import dev.ablate4j.report.ChartTrees;
import dev.ablate4j.report.SyntheticResults;
import dev.ablate4j.results.Provenance;
import dev.ablate4j.results.RunFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs trained by a build with uncommitted changes ({@code git_dirty} true in provenance.json) are
 * named in the provenance appendix; runs without the key, or with it false, read exactly as before.
 */
class DirtyBuildTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    private static List<Path> provenanceFiles(Path root) throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(p -> p.getFileName().toString().equals(RunFiles.PROVENANCE)).sorted().toList();
        }
    }

    private static void setDirty(Path provenance, Object value) throws IOException {
        @SuppressWarnings("unchecked")
        Map<String, Object> p = JSON.readValue(provenance.toFile(), LinkedHashMap.class);
        p.put(Provenance.DIRTY, value);
        JSON.writeValue(provenance.toFile(), p);
    }

    @Test
    void theProvenanceAppendixNamesRunsFromADirtyBuildAndNothingElseChanges() throws IOException {
        Path root = SyntheticResults.standardTree(tmp.resolve("results"));
        List<Block> before = ProvenanceSection.blocks(ChartTrees.context(root));

        List<Path> files = provenanceFiles(root);
        for (Path f : files) {
            setDirty(f, false);
        }
        assertEquals(before, ProvenanceSection.blocks(ChartTrees.context(root)), "a clean build reads as before");

        setDirty(files.get(0), true);
        setDirty(files.get(1), true);
        List<Block> after = ProvenanceSection.blocks(ChartTrees.context(root));
        Block.TableBlock versions = (Block.TableBlock) after.get(1);
        assertTrue(versions.table().rows().contains(List.of("0.1.0 @ 0123456789ab + uncommitted changes", "2")),
                versions.table().rows().toString());
        String warning = after.stream().filter(b -> b instanceof Block.Paragraph p && p.text().contains("uncommitted"))
                .map(b -> ((Block.Paragraph) b).text()).findFirst().orElseThrow();
        assertTrue(warning.startsWith("Warning: 2 of "), warning);
        assertTrue(warning.contains(" runs were trained by a build with uncommitted changes: the commit they record"
                + " (0123456789ab) is not the code they ran"), warning);
        assertEquals(before.size() + 1, after.size(), "one paragraph more");
    }

    @Test
    void theWarningCountsOnlyRunsThatRecordADirtyBuild() {
        Map<String, Object> old = Map.of(Provenance.COMMIT, "aaaaaaaaaaaaaaaa");
        Map<String, Object> clean = Map.of(Provenance.COMMIT, "bbbbbbbbbbbbbbbb", Provenance.DIRTY, false);
        Map<String, Object> dirtyB = Map.of(Provenance.COMMIT, "bbbbbbbbbbbbbbbb", Provenance.DIRTY, true);
        Map<String, Object> dirtyC = Map.of(Provenance.COMMIT, "cccccccccccccccc", Provenance.DIRTY, true);
        assertNull(ProvenanceSection.dirtyBuilds(List.of(old, clean)));
        assertNull(ProvenanceSection.dirtyBuilds(List.of()));
        assertEquals("Warning: 3 of 5 runs were trained by a build with uncommitted changes: the commits they record"
                + " (bbbbbbbbbbbb, cccccccccccc) are not the code they ran, so training them again from those commits"
                + " need not give the same results.",
                ProvenanceSection.dirtyBuilds(List.of(old, dirtyC, clean, dirtyB, dirtyB)));
    }
}
