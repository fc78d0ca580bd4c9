package dev.ablate4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ablate4j.report.SyntheticResults;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The issue's sequence: a report that keeps its runs in {@code --out/results} was killed after it had
 * moved {@code results/} and the user's notes into its staging directory (as versions before the
 * crash-safe swap did). Before, {@code report out/results --out out} then exited 2 ("does not exist")
 * and the staging directory stayed; now the rerun brings them back first and builds the report.
 */
class ReportRecoveryTest {

    @TempDir
    Path tmp;

    @Test
    void aRerunRecoversWhatAKilledSwapLeftInItsStagingDirectory() throws IOException {
        Path out = tmp.resolve("out");
        Files.createDirectories(out);
        Files.writeString(out.resolve("report.md"), "old report\n");
        Path staging = tmp.resolve(".out.report-3b241101-e2bb-4255-8caf-4136c566a962");
        SyntheticResults.standardTree(staging.resolve("results"));
        Files.writeString(staging.resolve("notes.txt"), "my notes\n");
        Files.writeString(staging.resolve("report.md"), "new report, never swapped in\n");

        CommandRun r = CommandRun.of(new ReportCommand(), out.resolve("results").toString(), "--out", out.toString(),
                "--resamples", "200");
        assertEquals(0, r.code(), r.err());
        assertEquals("my notes\n", Files.readString(out.resolve("notes.txt")));
        assertTrue(Files.isDirectory(out.resolve("results/quick")), "results/ carried into the new report");
        assertTrue(Files.readString(out.resolve("report.md")).startsWith("#"), "the new report");
        try (Stream<Path> s = Files.list(tmp)) {
            assertEquals(1, s.count(), "no staging directory left beside --out");
        }
    }
}
