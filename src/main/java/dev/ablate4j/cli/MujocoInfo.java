package dev.ablate4j.cli;

import dev.ablate4j.config.TrainConfig;

/** The MuJoCo library version for provenance (null until the MuJoCo environments are registered). */
final class MujocoInfo {
    private MujocoInfo() {}

    static String version(TrainConfig config) {
        return null;
    }
}
