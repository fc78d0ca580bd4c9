package dev.ablate4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.ablate4j.config.Preset;
import dev.ablate4j.config.TrainConfig;
import dev.ablate4j.env.mujoco.MujocoEnvs;
import dev.ablate4j.results.AtomicFiles;
import dev.ablate4j.results.Provenance;
import dev.ablate4j.results.RunFiles;
import dev.ablate4j.run.RunDriver;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code train} on a MuJoCo task records the loaded MuJoCo and trains only on the one a config names. */
class TrainMujocoVersionTest {

    @TempDir
    Path tmp;

    private static final String[] TINY = {"train", "--env", "Hopper-v4", "--steps", "64", "--rollout-steps", "64",
        "--minibatches", "4", "--epochs", "1", "--hidden", "8,8", "--tr-log-every", "0", "--quiet"};

    private String[] tiny(String... more) {
        String[] all = new String[TINY.length + more.length];
        System.arraycopy(TINY, 0, all, 0, TINY.length);
        System.arraycopy(more, 0, all, TINY.length, more.length);
        return all;
    }

    @Test
    void theLoadedVersionIsRecordedAndAnotherIsRefused() {
        assumeTrue(MujocoEnvs.available(), () -> "skipped: " + MujocoEnvs.unavailableReason());
        String loaded = MujocoEnvs.version();
        Path a = tmp.resolve("a");
        MatrixBadInputTest.Outcome trained = MatrixBadInputTest.run(tiny("--out", a.toString()));
        assertEquals(0, trained.code(), trained.err());
        assertEquals(loaded, AtomicFiles.readJson(a.resolve(RunFiles.CONFIG)).get("mujoco"));
        assertEquals(loaded, AtomicFiles.readJson(a.resolve(RunFiles.PROVENANCE)).get(Provenance.MUJOCO_VERSION));

        Path b = tmp.resolve("b");
        MatrixBadInputTest.Outcome refused = MatrixBadInputTest.run(tiny("--mujoco", "9.9.9", "--out", b.toString()));
        assertEquals(ExitCodes.BAD_INPUT, refused.code());
        String message = refused.err().strip();
        assertTrue(message.contains("asks for MuJoCo 9.9.9 but this process loaded MuJoCo " + loaded)
                && message.contains("MUJOCO_HOME=DIR"), message);
        assertFalse(Files.exists(b), "nothing written");

        // rerunning a's config.json keeps its version; the run is already there
        MatrixBadInputTest.Outcome again = MatrixBadInputTest.run("train", "--config",
                a.resolve(RunFiles.CONFIG).toString(), "--quiet", "--out", a.toString());
        assertEquals(0, again.code(), again.err());
    }

    @Test
    void theDriverNeverTrainsARunOnAnotherMujoco() {
        TrainConfig other = TrainConfig.resolve(Preset.PPO, Map.of("env", "Hopper-v4", "mujoco", "3.14.0",
                "steps", 64, "rollout-steps", 64, "minibatches", 4));
        Path dir = tmp.resolve("c");
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> RunDriver.run(other, dir, "2.2.2", RunDriver.Progress.NONE));
        assertTrue(e.getMessage().contains("asks for MuJoCo 3.14.0 but MuJoCo 2.2.2 is loaded"), e.getMessage());
        assertFalse(Files.exists(dir), "nothing written");
    }
}
