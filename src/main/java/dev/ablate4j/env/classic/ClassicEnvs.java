package dev.ablate4j.env.classic;

import dev.ablate4j.env.EnvSpec;
import java.util.List;

/** The classic-control environments with Gymnasium's ids and time limits. */
public final class ClassicEnvs {

    private ClassicEnvs() {}

    /** {@code Pendulum-v1} (200 steps) and {@code MountainCarContinuous-v0} (999 steps). */
    public static List<EnvSpec> specs() {
        return List.of(
                new EnvSpec(Pendulum.ID, 200,
                        "swing a pendulum upright; obs [cos θ, sin θ, θdot], torque in [-2, 2]",
                        Pendulum::new),
                new EnvSpec(MountainCarContinuous.ID, 999,
                        "drive an underpowered car up a hill; obs [position, velocity], force in [-1, 1]",
                        MountainCarContinuous::new));
    }
}
