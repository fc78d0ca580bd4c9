package dev.ablate4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ablate4j.matrix.RunClaim;
import dev.ablate4j.results.RunFiles;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Two train on one --out: the second exits 2 with one line instead of writing the same files. */
class TrainClaimTest {

    @TempDir
    Path tmp;

    private StringWriter err = new StringWriter();

    private int train(Path out) {
        err = new StringWriter();
        CommandLine cl = Main.commandLine();
        cl.setErr(new PrintWriter(err, true));
        cl.setOut(new PrintWriter(new StringWriter(), true));
        return cl.execute("train", "--env", "Pendulum-v1", "--steps", "256", "--rollout-steps", "128",
                "--minibatches", "4", "--epochs", "1", "--hidden", "8,8", "--quiet", "--out", out.toString());
    }

    @Test
    void aSecondTrainOnADirectoryBeingTrainedExitsTwoWithOneLine() throws Exception {
        Path out = tmp.resolve("run");
        try (RunClaim other = RunClaim.tryClaim(out)) { // as a train (or a matrix task) holds it while training
            int code = train(out);
            String text = err.toString().strip();
            assertEquals(2, code, text);
            assertEquals(1, text.lines().count(), text);
            assertTrue(text.startsWith("error: --out " + out + ": another process is training in it (pid "
                    + ProcessHandle.current().pid() + " on "), text);
            assertFalse(Files.exists(out.resolve(RunFiles.CONFIG)), "nothing written");
        }
        assertEquals(0, train(out), err.toString());
        assertTrue(RunFiles.isDone(out));
        assertFalse(Files.exists(out.resolve("LOCK")), "the claim is released at the end");
        assertEquals(0, train(out), err.toString());
        assertTrue(err.toString().contains("already done with this config"), err.toString());
    }
}
