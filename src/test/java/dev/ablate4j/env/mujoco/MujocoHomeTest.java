package dev.ablate4j.env.mujoco;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How a MuJoCo directory (MUJOCO_HOME) is read: the library file and its version number. */
class MujocoHomeTest {

    @TempDir
    Path tmp;

    @Test
    void versionsAreMujocosHeaderNumbers() {
        assertEquals(222, MujocoHome.code("libmujoco.so.2.2.2"));
        assertEquals(3014000, MujocoHome.code("libmujoco.so.3.14.0"));
        assertEquals(3002007, MujocoHome.code("libmujoco.so.3.2.7"));
        assertEquals("2.2.2", MujocoHome.versionName(222));
        assertEquals("3.14.0", MujocoHome.versionName(3014000));
        assertEquals("3.2.7", MujocoHome.versionName(3002007));
        assertThrows(IllegalArgumentException.class, () -> MujocoHome.code("libmujoco.so"));
    }

    @Test
    void aDirectoryNeedsExactlyOneLibraryThereOrUnderLib() throws IOException {
        String previous = System.getProperty(MujocoNative.HOME_PROPERTY);
        try {
            System.setProperty(MujocoNative.HOME_PROPERTY, tmp.toString());
            MujocoHome home = MujocoHome.selected();
            assertTrue(home.origin().startsWith("-Dablate4j.mujoco.home="), home.origin());
            assertTrue(home.problem().contains("holds no libmujoco.so.X.Y.Z"), home.problem());

            Files.createDirectories(tmp.resolve("lib"));
            Files.writeString(tmp.resolve("lib/libmujoco.so.3.14.0"), "");
            assertNull(home.problem());
            assertEquals("3.14.0", home.version());
            assertEquals(3014000, home.headerVersion());
            assertEquals(tmp.resolve("lib/libmujoco.so.3.14.0"), home.library());

            Files.writeString(tmp.resolve("libmujoco.so.3.2.7"), "");
            assertTrue(home.problem().contains("several MuJoCo libraries"), home.problem());

            System.setProperty(MujocoNative.HOME_PROPERTY, tmp.resolve("missing").toString());
            assertTrue(MujocoHome.selected().problem().endsWith("is not a directory"));
        } finally {
            if (previous == null) {
                System.clearProperty(MujocoNative.HOME_PROPERTY);
            } else {
                System.setProperty(MujocoNative.HOME_PROPERTY, previous);
            }
        }
    }
}
