package dev.ablate4j.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * A running adaptive design cannot switch {@code multiplicity} midway, in either direction: matrix
 * refuses in one line with exit 2 and writes nothing — not even its record of the spec
 * ({@code <spec>/spec.yaml}, {@code spec.json}), which would otherwise name a spec whose rule the
 * results do not follow.
 */
class MultiplicitySwitchTest {

    @TempDir
    Path tmp;

    private static final String NONE = AdaptiveMatrixTest.SPEC;
    private static final String BONFERRONI = NONE.replace("until: {decided: [ppo vs ppo-m]}}",
            "until: {decided: [ppo vs ppo-m]}, multiplicity: bonferroni}");

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void switchingMultiplicityMidwayIsRefusedWithoutWritingAnything(boolean startWithBonferroni) throws Exception {
        assertTrue(BONFERRONI.contains("multiplicity: bonferroni"), BONFERRONI);
        Path spec = tmp.resolve("ad.yaml");
        Path results = tmp.resolve("r");
        Files.writeString(spec, startWithBonferroni ? BONFERRONI : NONE);
        MatrixBadInputTest.Outcome first = MatrixBadInputTest.run("matrix", spec.toString(), "--results",
                results.toString(), "--quiet", "--workers", "1");
        assertEquals(0, first.code(), first.err());
        Map<String, byte[]> before = allFiles(results);

        Files.writeString(spec, startWithBonferroni ? NONE : BONFERRONI);
        MatrixBadInputTest.Outcome changed = MatrixBadInputTest.run("matrix", spec.toString(), "--results",
                results.toString(), "--quiet", "--workers", "1");
        assertEquals(2, changed.code(), changed.out() + changed.err());
        List<String> lines = changed.err().lines().filter(l -> !l.isBlank()).toList();
        assertEquals(1, lines.size(), changed.err());
        assertTrue(lines.get(0).contains("adaptive.json was written for another adaptive rule"), changed.err());

        Map<String, byte[]> after = allFiles(results);
        assertEquals(before.keySet(), after.keySet(), "no file added or removed");
        for (String f : before.keySet()) {
            assertArrayEquals(before.get(f), after.get(f), f + " was rewritten by a refused matrix");
        }
    }

    /**
     * One spec's results in two roots, run under different multiplicity rules: the report refuses (exit 2,
     * one line, no output) instead of deciding with whichever root came first; the same rule in both
     * roots is reported.
     */
    @org.junit.jupiter.api.Test
    void aReportOverTwoRootsWithDifferentRulesOfOneSpecIsRefused() throws Exception {
        Path none = train("none", NONE);
        Path bonferroni = train("bonferroni", BONFERRONI);
        for (List<Path> roots : List.of(List.of(none, bonferroni), List.of(bonferroni, none))) {
            Path out = tmp.resolve("report-" + roots.get(0).getParent().getFileName());
            MatrixBadInputTest.Outcome rep = MatrixBadInputTest.run("report", roots.get(0).toString(),
                    roots.get(1).toString(), "--out", out.toString());
            assertEquals(2, rep.code(), rep.out() + rep.err());
            List<String> lines = rep.err().lines().filter(l -> !l.isBlank()).toList();
            assertEquals(1, lines.size(), rep.err());
            assertTrue(lines.get(0).contains("record different adaptive designs of spec ad"), rep.err());
            assertTrue(lines.get(0).contains("multiplicity: bonferroni"), rep.err());
            assertTrue(!Files.exists(out), "nothing written: " + out);
        }
        Path same = train("none-again", NONE);
        Path out = tmp.resolve("report-same");
        MatrixBadInputTest.Outcome rep = MatrixBadInputTest.run("report", none.toString(), same.toString(), "--out",
                out.toString());
        assertEquals(0, rep.code(), rep.err());
    }

    /** {@code DIR/ad} after a matrix of {@code yaml} into a results root of its own. */
    private Path train(String root, String yaml) throws IOException {
        Path spec = Files.writeString(tmp.resolve(root + ".yaml"), yaml);
        Path results = tmp.resolve(root);
        MatrixBadInputTest.Outcome m = MatrixBadInputTest.run("matrix", spec.toString(), "--results",
                results.toString(), "--quiet", "--workers", "1");
        assertEquals(0, m.code(), m.err());
        return results.resolve("ad");
    }

    private static Map<String, byte[]> allFiles(Path root) throws IOException {
        Map<String, byte[]> m = new TreeMap<>();
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                m.put(root.relativize(p).toString(), Files.readAllBytes(p));
            }
        }
        return m;
    }
}
