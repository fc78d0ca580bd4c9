package dev.ablate4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A MuJoCo task asked for on a machine (or build) without MuJoCo is bad input: one line naming the
 * flag or spec key and how to install MuJoCo, exit 2, nothing written. Planning still works (a plan
 * may be for other machines).
 */
class MujocoMissingTest {

    /** {@code MujocoNative.SHIM_PROPERTY}: points the loader at a shim that does not exist. */
    private static final String SHIM_PROPERTY = "ablate4j.mujoco.shim";

    @TempDir
    Path tmp;

    private String previous;

    @BeforeEach
    void hideTheShim() {
        previous = System.getProperty(SHIM_PROPERTY);
        System.setProperty(SHIM_PROPERTY, "/nonexistent/ablate4j/libablate4j_mujoco.so");
    }

    @AfterEach
    void restoreTheShim() {
        if (previous == null) {
            System.clearProperty(SHIM_PROPERTY);
        } else {
            System.setProperty(SHIM_PROPERTY, previous);
        }
    }

    @Test
    void trainRefusesAMujocoTaskAndWritesNothing() {
        Path out = tmp.resolve("run");
        MatrixBadInputTest.Outcome o = MatrixBadInputTest.run("train", "--env", "Hopper-v4", "--steps", "2048",
                "--out", out.toString());
        assertOneLine(o, "--env Hopper-v4: MuJoCo environments are unavailable");
        assertFalse(Files.exists(out), "nothing written");
    }

    @Test
    void matrixRefusesASpecWithAMujocoTaskButPlanListsIt() throws IOException {
        Path spec = tmp.resolve("spec.yaml");
        Files.writeString(spec, """
                name: hop
                base: {preset: ppo}
                factors:
                  value-clip: [true, false]
                envs: [Pendulum-v1, Hopper-v4]
                seeds: 1
                steps: 2048
                """);
        Path results = tmp.resolve("results");
        MatrixBadInputTest.Outcome o = MatrixBadInputTest.run("matrix", spec.toString(), "--results",
                results.toString());
        assertOneLine(o, "spec.yaml: envs: Hopper-v4: MuJoCo environments are unavailable");
        assertFalse(Files.exists(results), "nothing written");

        MatrixBadInputTest.Outcome plan = MatrixBadInputTest.run("plan", spec.toString(), "--emit", "list");
        assertEquals(0, plan.code(), plan.err());
        assertTrue(plan.out().contains("/Hopper-v4/seed-0"), plan.out());
    }

    private static void assertOneLine(MatrixBadInputTest.Outcome o, String message) {
        assertEquals(ExitCodes.BAD_INPUT, o.code(), o.err());
        String text = o.err().strip();
        assertEquals(1, text.lines().count(), text);
        assertTrue(text.contains(message), text);
        assertTrue(text.contains("apt-get install -y libmujoco-dev"), text);
    }
}
