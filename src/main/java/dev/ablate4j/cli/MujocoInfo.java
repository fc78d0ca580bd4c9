package dev.ablate4j.cli;

import dev.ablate4j.config.Keys;
import dev.ablate4j.config.TrainConfig;
import dev.ablate4j.env.mujoco.MujocoEnvs;

/**
 * The MuJoCo in use, for provenance and for a run's identity: a MuJoCo task's config names its
 * MuJoCo version ({@link Keys#MUJOCO}), filled with the loaded one unless given, and a run is only
 * trained on the MuJoCo its config names.
 */
final class MujocoInfo {
    private MujocoInfo() {}

    /**
     * The loaded MuJoCo library's version for provenance: null when MuJoCo cannot be loaded, and for a
     * classic task (Pendulum-v1, ...), which does not load MuJoCo at all, so that a broken
     * {@code MUJOCO_HOME} does not concern it.
     */
    static String version(TrainConfig config) {
        return config.usesMujoco() && MujocoEnvs.available() ? MujocoEnvs.version() : null;
    }

    /**
     * {@code config} on the loaded MuJoCo's version, unless it is not a MuJoCo task, no MuJoCo can be
     * loaded, or the version was {@code given} (a flag, or a MuJoCo run's config file).
     */
    static TrainConfig withLoadedVersion(TrainConfig config, boolean given) {
        if (given || !config.usesMujoco()) {
            return config;
        }
        String loaded = MujocoEnvs.version();
        return loaded == null ? config : config.with(Keys.MUJOCO, loaded);
    }

    /**
     * Null when a run of {@code config} can be trained here; otherwise one line saying that it asks
     * for another MuJoCo than the loaded one, and how to switch. {@code what} names the asker.
     */
    static String mismatch(String wanted, String what) {
        String loaded = MujocoEnvs.version();
        if (wanted == null || loaded == null || wanted.equals(loaded)) {
            return null;
        }
        return what + " asks for MuJoCo " + wanted + " but this process loaded " + MujocoEnvs.source()
                + "; " + MujocoEnvs.HOW_TO_SWITCH;
    }

    /** {@link #mismatch(String, String)} for one run's config (classic-control runs always fit). */
    static String mismatch(TrainConfig config, String what) {
        return config.usesMujoco() ? mismatch(config.get(Keys.MUJOCO), what) : null;
    }
}
