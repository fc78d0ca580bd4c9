package dev.ablate4j.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The report's replace-as-a-whole, killed after each step of its swap: {@code --out} holds the old
 * report with everything it carried or the new one with everything it carried (or, between the two
 * renames, nothing, with both complete beside it), and the next report's recovery leaves one of the
 * two whole and no leftover directory. Before the crash-safe swap a kill after the carried entries were moved lost them.
 */
class ReportOutputCrashTest {

    @TempDir
    Path tmp;

    private static final Map<String, String> OLD = Map.of("report.md", "old report\n", "summary.csv", "old,summary\n");
    private static final Map<String, String> NEW = Map.of("report.md", "new report\n", "summary.csv", "new,summary\n",
            "fig-1.png", "new png");
    private static final Map<String, String> CARRIED = Map.of("notes.txt", "my notes\n",
            "results/s/c0/Pendulum-v1/seed-0/metrics.csv", "iteration\n0\n", "results/s/c0/Pendulum-v1/seed-0/DONE",
            "done\n");

    private static final class Killed extends IOException {
        private static final long serialVersionUID = 1L;
    }

    private static void write(Path dir, Map<String, String> files) throws IOException {
        for (Map.Entry<String, String> f : files.entrySet()) {
            Path p = dir.resolve(f.getKey());
            Files.createDirectories(p.getParent());
            Files.writeString(p, f.getValue());
        }
    }

    /** Every regular file below {@code dir}, by relative path, with its text. */
    private static Map<String, String> files(Path dir) throws IOException {
        Map<String, String> m = new TreeMap<>();
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                m.put(dir.relativize(p).toString(), Files.readString(p));
            }
        }
        return m;
    }

    private static Map<String, String> union(Map<String, String> a, Map<String, String> b) {
        Map<String, String> m = new TreeMap<>(a);
        m.putAll(b);
        return m;
    }

    /** Names beside {@code out} other than out itself (leftovers). */
    private List<String> leftovers() throws IOException {
        try (Stream<Path> s = Files.list(tmp)) {
            return s.map(p -> p.getFileName().toString()).filter(n -> !n.equals("out")).sorted().toList();
        }
    }

    /** An old report with carried entries, and a staging directory holding the new report. */
    private Path[] prepare() throws IOException {
        Path out = tmp.resolve("out");
        write(out, union(OLD, CARRIED));
        Path staging = ReportOutput.stage(out);
        write(staging, NEW);
        return new Path[] {out, staging};
    }

    @ParameterizedTest
    @EnumSource(ReportOutput.Step.class)
    void aKillAfterEveryStepLeavesTheOldOrTheNewReportWithEverythingItCarried(ReportOutput.Step at)
            throws IOException {
        Path[] p = prepare();
        Path out = p[0];
        assertThrows(Killed.class, () -> ReportOutput.commit(p[1], out, step -> {
            if (step == at) {
                throw new Killed();
            }
        }));
        Map<String, String> old = union(OLD, CARRIED);
        Map<String, String> fresh = union(NEW, CARRIED);
        if (at == ReportOutput.Step.OLD_ASIDE) {
            assertFalse(Files.exists(out), "between the renames");
        } else {
            Map<String, String> now = files(out);
            assertTrue(now.equals(old) || now.equals(fresh), at + ": " + now);
            assertEquals(at.compareTo(ReportOutput.Step.SWAPPED) >= 0 ? fresh : old, now, at.toString());
        }

        // the next report's first step, once the killed process is gone: recover; then out is whole
        // (rolled forward once out was moved aside) and nothing is left beside it
        ReportOutput.recover(out, pid -> false);
        assertEquals(at.compareTo(ReportOutput.Step.OLD_ASIDE) >= 0 ? fresh : old, files(out), at.toString());
        assertEquals(List.of(), leftovers(), at.toString());
    }

    @Test
    void leftoversOfAReportStillRunningAreLeftAlone() throws IOException {
        Path[] p = prepare();
        assertThrows(Killed.class, () -> ReportOutput.commit(p[1], p[0], step -> {
            if (step == ReportOutput.Step.READY) {
                throw new Killed();
            }
        }));
        ReportOutput.recover(p[0], ReportOutput::running);
        assertEquals(1, leftovers().size(), "this JVM still runs: its ready directory stays");
    }

    @Test
    void aCommitWithoutAKillReplacesTheReportAndKeepsWhatItCarries() throws IOException {
        Path[] p = prepare();
        ReportOutput.commit(p[1], p[0]);
        assertEquals(union(NEW, CARRIED), files(p[0]));
        assertEquals(List.of(), leftovers());
    }

    @Test
    void aFailedReportPutsTheOldOneBackAndRemovesItsStaging() throws IOException {
        Path[] p = prepare();
        assertThrows(Killed.class, () -> ReportOutput.commit(p[1], p[0], step -> {
            if (step == ReportOutput.Step.OLD_ASIDE) {
                throw new Killed();
            }
        }));
        ReportOutput.discard(p[1], p[0]);
        assertEquals(union(OLD, CARRIED), files(p[0]));
        assertEquals(List.of(), leftovers());
    }

    @Test
    void stagingDirectoriesOfKilledReportsDoNotAccumulate() throws IOException {
        Path out = tmp.resolve("out");
        write(out, union(OLD, CARRIED));
        // two reports killed while writing (their processes are gone: pid 2^31-1 does not run here)
        Files.createDirectories(tmp.resolve(".out.report-2147483647-0f1e2d3c-aaaa-bbbb-cccc-000000000001"));
        write(tmp.resolve(".out.report-2147483647-0f1e2d3c-aaaa-bbbb-cccc-000000000002"), NEW);
        Path mine = ReportOutput.stage(out);
        assertEquals(List.of(mine.getFileName().toString()), leftovers(), "only this report's staging");
        assertEquals(union(OLD, CARRIED), files(out));
    }

    /** The case: a version that moved carried entries into its staging directory was killed. */
    @Test
    void carriedEntriesThatAnOlderVersionMovedIntoItsStagingComeBack() throws IOException {
        Path out = tmp.resolve("out");
        write(out, OLD);
        Path legacy = tmp.resolve(".out.report-3b241101-e2bb-4255-8caf-4136c566a962");
        write(legacy, union(NEW, CARRIED));
        ReportOutput.recover(out, ReportOutput::running);
        assertEquals(union(OLD, CARRIED), files(out));
        assertEquals(List.of(), leftovers());
    }

    @Test
    void anOlderVersionKilledBetweenItsRenamesIsRolledBackWithItsCarriedEntries() throws IOException {
        Path out = tmp.resolve("out");
        write(tmp.resolve(".out.old-9a0b1c2d-1111-2222-3333-444455556666"), OLD);
        write(tmp.resolve(".out.report-3b241101-e2bb-4255-8caf-4136c566a962"), union(NEW, CARRIED));
        ReportOutput.recover(out, ReportOutput::running);
        assertEquals(union(OLD, CARRIED), files(out));
        assertEquals(List.of(), leftovers());
    }
}
