package dev.ablate4j.env.mujoco;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The native bridge reports MuJoCo's errors as Java exceptions and keeps working. */
class MujocoSimTest {

    private static final String BOX_ON_PLANE = "<mujoco><worldbody><geom type=\"plane\" size=\"1 1 1\"/>"
            + "<body pos=\"0 0 0.2\"><freejoint/><geom type=\"box\" size=\"0.1 0.1 0.1\"/></body>"
            + "</worldbody></mujoco>";

    @Test
    void aMalformedModelGivesMujocosMessage() {
        MujocoTesting.assumeMujoco();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new MujocoSim("<mujoco><worldbody><geom type=\"nonsense\"/></worldbody></mujoco>", 3));
        assertTrue(e.getMessage().startsWith("MuJoCo could not load the model:"), e.getMessage());
        assertTrue(e.getMessage().contains("nonsense"), e.getMessage());
    }

    @Test
    void anEngineErrorWhileCompilingIsAnExceptionNotAnExit() {
        MujocoTesting.assumeMujoco();
        // 2.x sizes the stack in mjtNums (nstack); 3.x sizes the arena in bytes (memory) and ignores nstack
        String size = MujocoEnvs.version().startsWith("2.") ? "nstack=\"10\"" : "memory=\"64\"";
        String tinyStack = BOX_ON_PLANE.replace("<mujoco>", "<mujoco><size " + size + "/>");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new MujocoSim(tinyStack, 3));
        assertTrue(e.getMessage().toLowerCase().contains("stack"), e.getMessage());
        // The library is still usable afterwards.
        try (MujocoSim sim = new MujocoSim(BOX_ON_PLANE, MujocoNative.READ_QPOS | MujocoNative.READ_QVEL)) {
            assertEquals(7, sim.nq);
            assertEquals(6, sim.nv);
            assertEquals(13, sim.readoutSize);
            double[] readout = new double[13];
            double[] qpos = sim.qpos0();
            sim.reset(qpos, new double[6], readout);
            for (int i = 0; i < 100; i++) {
                sim.step(new double[0], 1, readout);
            }
            assertEquals(0.1, readout[2], 0.01, "the box settles on the plane");
        }
    }

    @Test
    void readoutAndStateArraysOfTheWrongLengthAreRejected() {
        MujocoTesting.assumeMujoco();
        try (MujocoSim sim = new MujocoSim(BOX_ON_PLANE, MujocoNative.READ_QPOS)) {
            assertThrows(IllegalArgumentException.class, () -> sim.reset(new double[7], new double[6], new double[8]));
            assertThrows(IllegalArgumentException.class, () -> sim.reset(new double[6], new double[6], new double[7]));
            assertThrows(IllegalArgumentException.class, () -> sim.setState(new double[sim.stateSize + 1]));
            assertThrows(IllegalArgumentException.class, () -> sim.step(new double[1], 1, new double[7]));
        }
    }
}
