package dev.ablate4j.cli;

import dev.ablate4j.config.Keys;
import dev.ablate4j.env.Envs;
import dev.ablate4j.env.UnknownEnvException;
import dev.ablate4j.policy.BadPolicyException;
import dev.ablate4j.policy.PolicyJson;
import dev.ablate4j.policy.SavedPolicy;
import dev.ablate4j.results.AtomicFiles;
import dev.ablate4j.results.RunFiles;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The saved policy of a run directory, for {@code evaluate} and {@code export-onnx}: every way a
 * directory can fail to provide one is bad input, said in one line naming the run.
 */
final class SavedPolicies {

    private SavedPolicies() {}

    /** The policy of {@code run}; {@link BadInputException} when there is none or it is unusable. */
    static SavedPolicy read(Path run) {
        if (!Files.exists(run)) {
            throw new BadInputException("run " + run + ": no such directory");
        }
        if (!Files.isDirectory(run)) {
            throw new BadInputException("run " + run + ": not a directory; give a run directory (it holds "
                    + RunFiles.CONFIG + " and, once finished, " + RunFiles.POLICY + ")");
        }
        Path file = run.resolve(RunFiles.POLICY);
        if (!Files.exists(file)) {
            if (!Files.isRegularFile(run.resolve(RunFiles.CONFIG))) {
                throw new BadInputException("run " + run + ": not a run directory (no " + RunFiles.CONFIG + ", no "
                        + RunFiles.POLICY + ")");
            }
            if (!RunFiles.isDone(run)) {
                throw new BadInputException("run " + run + ": not finished (no " + RunFiles.DONE + " marker), so it has "
                        + "no " + RunFiles.POLICY + " yet");
            }
            throw new BadInputException("run " + run + ": has no saved policy (" + RunFiles.POLICY + "); runs trained "
                    + "before ablate4j saved policies have none: train it again (same config) to get one");
        }
        try {
            return PolicyJson.read(file);
        } catch (BadPolicyException e) {
            throw new BadInputException(e.getMessage());
        }
    }

    /**
     * Null when {@code policy}'s environment can be run here with the MuJoCo {@code run} was trained
     * on; otherwise the reason, in one line.
     */
    static String cannotRun(Path run, SavedPolicy policy) {
        String reason;
        try {
            reason = Envs.unavailableReason(policy.env());
        } catch (UnknownEnvException e) {
            return "run " + run + ": " + e.getMessage();
        }
        if (reason != null) {
            return "run " + run + " (" + policy.env() + "): " + reason;
        }
        if (!policy.variant().isV4() && !Envs.hasVariants(policy.env())) {
            return "run " + run + ": " + RunFiles.POLICY + " names an env_variant other than v4 for " + policy.env()
                    + ", which has none (only Humanoid-v4 has variants)";
        }
        if (Envs.usesMujoco(policy.env())) {
            String wanted = trainedOnMujoco(run);
            return MujocoInfo.mismatch(wanted, "run " + run + " (trained on MuJoCo " + wanted + ")");
        }
        return null;
    }

    /** The MuJoCo version in the run's config.json; the key's legacy value (2.2.2) for runs made before it existed. */
    static String trainedOnMujoco(Path run) {
        Path config = run.resolve(RunFiles.CONFIG);
        if (!Files.isRegularFile(config)) {
            return null;
        }
        try {
            Map<String, Object> json = AtomicFiles.readJson(config);
            Object v = json.get(Keys.MUJOCO.name());
            return String.valueOf(v == null ? Keys.MUJOCO.legacyValue() : v);
        } catch (UncheckedIOException e) {
            throw new BadInputException("run " + run + ": " + RunFiles.CONFIG + " is unreadable ("
                    + e.getCause().getMessage().lines().findFirst().orElse("") + ")");
        }
    }
}
