package dev.ablate4j.results;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The reference sample format ({@link ReferenceReturns}): what it keeps and every malformed file it refuses. */
class ReferenceReturnsTest {

    @TempDir
    Path tmp;

    private static ReferenceReturns parse(String text) throws CorruptFileException {
        return ReferenceReturns.parse(text, "ref.csv");
    }

    private static String refused(String text) {
        return assertThrows(CorruptFileException.class, () -> parse(text)).getMessage();
    }

    @Test
    void keepsCommentLinesAndSortsEachEnvironmentBySeed() throws CorruptFileException {
        ReferenceReturns r = parse("""
                # CleanRL ppo_continuous_action.py at fe8d8a03
                #  two spaces: one is kept
                #no space
                #
                env,seed,final_return
                Hopper-v4,3,2500.5
                Walker2d-v4,0,-1e2
                Hopper-v4,1,2400
                # a note between rows
                Hopper-v4, 2 ,.5
                """);
        assertEquals(List.of("CleanRL ppo_continuous_action.py at fe8d8a03", " two spaces: one is kept", "no space", "",
                "a note between rows"), r.comments());
        assertEquals(List.of("Hopper-v4", "Walker2d-v4"), r.envs());
        assertArrayEquals(new double[] {2400, 0.5, 2500.5}, r.returns("Hopper-v4"));
        assertArrayEquals(new double[] {-100}, r.returns("Walker2d-v4"));
        assertArrayEquals(new double[0], r.returns("Humanoid-v4"));
        assertEquals(4, r.rows().size());
        assertEquals(new ReferenceReturns.Row("Hopper-v4", 3, 2500.5), r.rows().get(0));
    }

    @Test
    void readsAFileWithCrLfLineEndsAndAByteOrderMark() throws Exception {
        Path f = tmp.resolve("ref.csv");
        Files.write(f, ("\uFEFF# made on Windows\r\nenv,seed,final_return\r\nPendulum-v1,0,-150.25\r\n")
                .getBytes(StandardCharsets.UTF_8));
        ReferenceReturns r = ReferenceReturns.read(f, "ref.csv");
        assertEquals(List.of("made on Windows"), r.comments());
        assertArrayEquals(new double[] {-150.25}, r.returns("Pendulum-v1"));
    }

    @Test
    void refusesEveryMalformedFileNamingTheFileAndLine() throws IOException {
        assertEquals("ref.csv line 2: the header must be env,seed,final_return, found env,seed,return",
                refused("# c\nenv,seed,return\nHopper-v4,0,1\n"));
        assertEquals("ref.csv line 1: the header must be env,seed,final_return, found seed,env,final_return",
                refused("seed,env,final_return\n0,Hopper-v4,1\n"));
        assertEquals("ref.csv: no header (expected env,seed,final_return)", refused(""));
        assertEquals("ref.csv: no header (expected env,seed,final_return)", refused("# only a comment\n"));
        assertEquals("ref.csv: no rows after the header; one row per run", refused("env,seed,final_return\n"));
        assertEquals("ref.csv line 3: final_return must be a finite decimal number, got 'abc'",
                refused("env,seed,final_return\nHopper-v4,0,1\nHopper-v4,1,abc\n"));
        for (String bad : List.of("nan", "NaN", "inf", "-Infinity", "1e999", "0x1p3", "12f", "")) {
            assertEquals("ref.csv line 2: final_return must be a finite decimal number, got '" + bad + "'",
                    refused("env,seed,final_return\nHopper-v4,0," + bad + "\n"), bad);
        }
        for (String bad : List.of("1.5", "x", "", "99999999999999999999")) {
            assertEquals("ref.csv line 2: seed must be an integer, got '" + bad + "'",
                    refused("env,seed,final_return\nHopper-v4," + bad + ",1\n"), bad);
        }
        assertEquals("ref.csv line 4: Hopper-v4 seed 0 appears twice (first on line 2); one row per run",
                refused("env,seed,final_return\nHopper-v4,0,1\nWalker2d-v4,0,2\nHopper-v4,0,3\n"));
        assertEquals("ref.csv line 2: expected 3 fields (env,seed,final_return), found 4",
                refused("env,seed,final_return\nHopper-v4,0,1,7\n"));
        assertEquals("ref.csv line 2: env is empty", refused("env,seed,final_return\n,0,1\n"));
        // a quoted line break would put a second line into the one-line error messages and the report
        assertEquals("ref.csv line 3: a quoted field holds a line break; each row is one run on one line",
                refused("env,seed,final_return\nHopper-v4,0,\"1\n\"\n"));
        assertEquals("ref.csv line 3: a quoted field holds a line break; each row is one run on one line",
                refused("env,seed,final_return\n\"Hopper\r\n# not a comment\",0,1\n"));
        Path latin1 = Files.write(tmp.resolve("latin1.csv"), new byte[] {'#', ' ', (byte) 0xE9, '\n'});
        assertEquals("latin1.csv: not UTF-8 text",
                assertThrows(CorruptFileException.class, () -> ReferenceReturns.read(latin1, "latin1.csv")).getMessage());
    }
}
