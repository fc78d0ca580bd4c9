package dev.ablate4j.cli;

import dev.ablate4j.config.TrainConfig;
import dev.ablate4j.env.mujoco.MujocoEnvs;

/** The MuJoCo library version for provenance (null when libmujoco is not installed). */
final class MujocoInfo {
    private MujocoInfo() {}

    static String version(TrainConfig config) {
        return MujocoEnvs.available() ? MujocoEnvs.version() : null;
    }
}
