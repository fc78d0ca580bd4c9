package dev.ablate4j.env.mujoco;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ablate4j.env.EnvSpec;
import org.junit.jupiter.api.Test;

/** Without the shim, creating an environment fails with one clear line; nothing else breaks. */
class MujocoUnavailableTest {

    @Test
    void aMissingShimGivesOneClearLine() {
        String path = "/nonexistent/ablate4j/libablate4j_mujoco.so";
        String previous = System.getProperty(MujocoNative.SHIM_PROPERTY);
        System.setProperty(MujocoNative.SHIM_PROPERTY, path);
        try {
            assertFalse(MujocoEnvs.available());
            assertNull(MujocoEnvs.version());
            for (EnvSpec spec : MujocoEnvs.specs()) {
                MujocoUnavailableException e = assertThrows(MujocoUnavailableException.class, () -> spec.factory().get());
                String message = e.getMessage();
                assertFalse(message.contains("\n") || message.contains("\r"), message);
                assertTrue(message.contains(path), message);
                assertTrue(message.contains("apt-get install -y libmujoco-dev"), message);
                assertEquals(message, MujocoEnvs.unavailableReason());
                assertEquals(0, e.getStackTrace().length, "no stack trace: the cause is the installation");
                assertTrue(e instanceof IllegalStateException);
            }
        } finally {
            if (previous == null) {
                System.clearProperty(MujocoNative.SHIM_PROPERTY);
            } else {
                System.setProperty(MujocoNative.SHIM_PROPERTY, previous);
            }
        }
    }

    @Test
    void theMessageIsOneLineWhateverTheCause() {
        String message = new MujocoUnavailableException("libmujoco.so.2.2.2: cannot open\nshared object file").getMessage();
        assertEquals("MuJoCo environments are unavailable: libmujoco.so.2.2.2: cannot open shared object file;"
                + " install MuJoCo with `apt-get install -y libmujoco-dev`", message);
    }

    @Test
    void platformFolderNamesOsAndArchitecture() {
        String platform = MujocoNative.platform();
        assertTrue(platform.matches("[a-z]+-[a-z0-9_]+"), platform);
        assertFalse(platform.endsWith("amd64"), "amd64 is named x86_64: " + platform);
    }
}
