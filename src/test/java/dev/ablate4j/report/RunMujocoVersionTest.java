package dev.ablate4j.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The MuJoCo version a report shows per cell: from provenance, only for MuJoCo tasks. */
class RunMujocoVersionTest {

    private static Run run(String env, Map<String, Object> provenance) {
        return new Run("p", env, "k", 0, Map.of(), provenance, new double[0], new double[0], null, 0, 0);
    }

    @Test
    void versionsComeFromProvenanceAndOnlyForMujocoTasks() {
        Run old = run("Hopper-v4", Map.of("mujoco_version", "2.2.2"));
        Run recent = run("Walker2d-v4", Map.of("mujoco_version", "3.14.0"));
        Run pendulum = run("Pendulum-v1", Map.of("mujoco_version", "2.2.2"));
        assertEquals("2.2.2", old.mujocoVersion());
        assertNull(pendulum.mujocoVersion(), "classic control uses no MuJoCo, whatever the machine had");
        assertEquals("unknown", run("Humanoid-v4", Map.of()).mujocoVersion());
        assertEquals("2.2.2, 3.14.0", Run.mujocoVersions(List.of(recent, old, pendulum, old)));
        assertEquals("-", Run.mujocoVersions(List.of(pendulum)));
    }

    @Test
    void configsWrittenBeforeAKeyReadWithItsLegacyValue() {
        Map<String, Object> hopper = new HashMap<>(Map.of("env", "Hopper-v4", "seed", 1));
        ResultsReader.withLegacyValues(hopper);
        assertEquals("2.2.2", hopper.get("mujoco"), "every run before the key was on Debian's 2.2.2");
        assertEquals("returns", hopper.get("reward-scale-mode"));
        Map<String, Object> recent = new HashMap<>(Map.of("env", "Hopper-v4", "mujoco", "3.14.0"));
        ResultsReader.withLegacyValues(recent);
        assertEquals("3.14.0", recent.get("mujoco"), "a recorded value stays");
        Map<String, Object> pendulum = new HashMap<>(Map.of("env", "Pendulum-v1"));
        ResultsReader.withLegacyValues(pendulum);
        assertNull(pendulum.get("mujoco"), "classic control has no MuJoCo version");
    }
}
