package dev.ablate4j.report;

import dev.ablate4j.results.ConfigFile;
import dev.ablate4j.results.Provenance;
import java.util.Map;

/**
 * One completed training run read from a results tree.
 *
 * @param path        where it was found, as the root was given plus the path below it
 * @param env         environment id
 * @param cellKey     key of its {@link ResultCell}
 * @param seed        its seed
 * @param config      the resolved config ({@code config.json}), keys sorted
 * @param provenance  {@code provenance.json} (empty when the file is missing)
 * @param envSteps    env steps at the end of each iteration
 * @param meanReturn  mean episode return per iteration (NaN when no episode ended)
 * @param trustRegion trust-region measurements, or null
 * @param finalReturn the run's score: mean of the last 5 finite per-iteration mean returns, or with
 *                    {@code report --score eval} the mean return of its {@code eval.csv} ({@link Score}; {@link dev.ablate4j.results.Returns#finalReturn})
 * @param maxReturn   max over training of the per-iteration mean return
 */
public record Run(
        String path,
        String env,
        String cellKey,
        long seed,
        Map<String, Object> config,
        Map<String, Object> provenance,
        double[] envSteps,
        double[] meanReturn,
        TrustRegionSeries trustRegion,
        double finalReturn,
        double maxReturn) {

    /**
     * The MuJoCo version the run was trained on, from its {@code provenance.json} ("unknown" without
     * one); null for a classic-control run, which uses no MuJoCo whatever the machine had.
     */
    public String mujocoVersion() {
        if (!dev.ablate4j.env.Envs.usesMujoco(env)) {
            return null;
        }
        Object v = provenance.get(Provenance.MUJOCO_VERSION);
        return v == null ? "unknown" : v.toString();
    }

    /** The distinct MuJoCo versions of {@code runs} ("-" when none uses MuJoCo), sorted, comma-separated. */
    public static String mujocoVersions(java.util.Collection<Run> runs) {
        java.util.TreeSet<String> v = new java.util.TreeSet<>();
        for (Run r : runs) {
            if (r.mujocoVersion() != null) {
                v.add(r.mujocoVersion());
            }
        }
        return v.isEmpty() ? "-" : String.join(", ", v);
    }

    /** The boolean value of config key {@code key}, or null when absent or not a boolean. */
    public Boolean flag(String key) {
        Object v = config.get(key);
        return v instanceof Boolean ? (Boolean) v : null;
    }

    /**
     * The environment steps the run trained: whole iterations of {@code rollout-steps}
     * ({@link ConfigFile#trainedSteps()}), or its configured {@code steps} when the file does not say
     * how it rounds (older or foreign files); null when it records no budget.
     */
    public Long trainedSteps() {
        ConfigFile file = new ConfigFile(config);
        return file.trainedSteps() != null ? file.trainedSteps() : file.steps();
    }

    /** A numeric config value, or NaN when absent or not a number. */
    public double number(String key) {
        return Values.number(config, key);
    }
}
