package dev.ablate4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ablate4j.results.AtomicFiles;
import dev.ablate4j.results.Provenance;
import dev.ablate4j.results.RunFiles;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A MUJOCO_HOME holding something that is not a MuJoCo library. A classic task does
 * not load MuJoCo at all (no JVM warning lines, no version in its provenance); a MuJoCo task is refused
 * with one line, before the JVM tries the file. Runs in a fresh JVM: MuJoCo is loaded once per process.
 */
class GarbageMujocoHomeTest {

    @TempDir
    Path tmp;

    private record Result(int code, String err) {}

    private Result ablate4j(Path mujocoHome, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectOutput(ProcessBuilder.Redirect.DISCARD);
        pb.environment().put("MUJOCO_HOME", mujocoHome.toString());
        Process p = pb.start();
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        return new Result(p.exitValue(), err);
    }

    @Test
    void aGarbageMujocoHomeDoesNotConcernPendulumAndIsOneLineForHopper() throws Exception {
        Path home = Files.createDirectories(tmp.resolve("mujoco/lib"));
        Files.writeString(home.resolve("libmujoco.so.3.1.0"), "not a library\n");
        Path pendulum = tmp.resolve("pendulum");
        Result r = ablate4j(home.getParent(), "train", "--env", "Pendulum-v1", "--steps", "128", "--rollout-steps",
                "128", "--minibatches", "4", "--epochs", "1", "--hidden", "8,8", "--quiet", "--out",
                pendulum.toString());
        assertEquals(0, r.code(), r.err());
        assertFalse(r.err().contains("warning") || r.err().contains("stack guard"), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err()); // the "done: ..." line only
        assertNull(AtomicFiles.readJson(pendulum.resolve(RunFiles.PROVENANCE)).get(Provenance.MUJOCO_VERSION));

        Path hopper = tmp.resolve("hopper");
        Result h = ablate4j(home.getParent(), "train", "--env", "Hopper-v4", "--steps", "2048", "--out",
                hopper.toString());
        assertEquals(ExitCodes.BAD_INPUT, h.code(), h.err());
        assertEquals(1, h.err().strip().lines().count(), h.err());
        assertTrue(h.err().contains("libmujoco.so.3.1.0 (MUJOCO_HOME=" + home.getParent()
                + "): not a shared library (no ELF header)"), h.err());
        assertFalse(Files.exists(hopper));
    }
}
