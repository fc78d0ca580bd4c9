package dev.ablate4j.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunDirsTest {

    @TempDir
    Path root;

    @Test
    void seedNamesRoundTripAndOtherNamesHaveNoSeed() {
        assertEquals("seed-17", RunDirs.seedName(17));
        assertEquals(17, RunDirs.seedOf(Path.of("x", RunDirs.seedName(17))));
        assertTrue(RunDirs.isSeedDir(Path.of("seed-0")));
        assertFalse(RunDirs.isSeedDir(Path.of("seed-")));
        assertFalse(RunDirs.isSeedDir(Path.of("seed-1a")));
        assertEquals(-1, RunDirs.seedOf(Path.of("run-3")));
        assertEquals(-1, RunDirs.seedOf(Path.of("seed-99999999999999999999")), "beyond a long is not a seed");
        assertEquals(-1, RunDirs.seedOf(Path.of("/")));
    }

    @Test
    void findsSeedDirectoriesAndConfigDirectoriesSortedButNotWhatIsInsideARun() throws IOException {
        Path b1 = Files.createDirectories(root.resolve("spec/cellB/Hopper-v4/seed-1"));
        Path a0 = Files.createDirectories(root.resolve("spec/cellA/Hopper-v4/seed-0"));
        Files.createDirectories(a0.resolve("seed-5")); // inside a run: part of it
        Path trained = Files.createDirectories(root.resolve("single"));
        Files.writeString(trained.resolve(RunFiles.CONFIG), "{}");
        Files.createDirectories(root.resolve("spec/cellA/notes")); // neither a seed nor a config

        assertEquals(List.of(trained, a0, b1), RunDirs.under(root), "sorted by path");
        assertEquals(List.of(trained), RunDirs.under(trained), "the root itself can be the run");
    }

    @Test
    void showsTheRootAsGivenThenThePathBelowIt() {
        Path given = Path.of("results");
        assertEquals("results/spec/c/Hopper-v4/seed-2", RunDirs.shown(given, given.resolve("spec/c/Hopper-v4/seed-2")));
        assertEquals("results", RunDirs.shown(given, given));
        assertEquals("/r", RunDirs.shown(Path.of("/"), Path.of("/r")));
    }
}
