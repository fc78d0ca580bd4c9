package dev.ablate4j.env.mujoco;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.ablate4j.env.Box;
import dev.ablate4j.env.Env;
import java.util.SplittableRandom;

/** Helpers shared by the MuJoCo tests. */
final class MujocoTesting {

    static final String[] IDS = {HopperEnv.ID, Walker2dEnv.ID, HalfCheetahEnv.ID, HumanoidEnv.ID};

    private MujocoTesting() {}

    /** Skips the calling test, with the reason, when MuJoCo cannot be loaded here. */
    static void assumeMujoco() {
        assumeTrue(MujocoEnvs.available(), () -> "skipped: " + MujocoEnvs.unavailableReason());
    }

    static MujocoEnv create(String id) {
        assumeMujoco();
        Env env = MujocoEnvs.specs().stream()
                .filter(s -> s.id().equals(id))
                .findFirst()
                .orElseThrow()
                .factory()
                .get();
        return (MujocoEnv) env;
    }

    /** A uniform random action inside the action space. */
    static double[] randomAction(Box space, SplittableRandom random) {
        double[] a = new double[space.size()];
        for (int i = 0; i < a.length; i++) {
            a[i] = random.nextDouble(space.low(i), space.high(i));
        }
        return a;
    }
}
