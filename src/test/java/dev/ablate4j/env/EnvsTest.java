package dev.ablate4j.env;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class EnvsTest {

    @Test
    void registersTheClassicEnvironmentsWithGymnasiumLimits() {
        List<EnvSpec> specs = Envs.specs();
        assertEquals(200, Envs.spec("Pendulum-v1").maxEpisodeSteps());
        assertEquals(999, Envs.spec("MountainCarContinuous-v0").maxEpisodeSteps());
        for (EnvSpec spec : specs) {
            if (spec.id().endsWith("-v4") && !dev.ablate4j.env.mujoco.MujocoEnvs.available()) {
                continue; // MuJoCo tasks need libmujoco; their own tests cover them
            }
            Env env = Envs.make(spec.id());
            assertInstanceOf(TimeLimit.class, env);
            assertEquals(spec.id(), env.id());
        }
        assertEquals(3, Envs.make("Pendulum-v1").observationSpace().size());
        assertEquals(1, Envs.make("Pendulum-v1").actionSpace().size());
        assertEquals(2, Envs.make("MountainCarContinuous-v0").observationSpace().size());
    }

    @Test
    void unknownIdListsTheRegisteredIds() {
        UnknownEnvException e = assertThrows(UnknownEnvException.class, () -> Envs.make("Pendulum-v0"));
        String message = e.getMessage();
        assertTrue(message.contains("'Pendulum-v0'"), message);
        for (EnvSpec spec : Envs.specs()) {
            assertTrue(message.contains(spec.id()), message);
        }
    }
}
