package dev.ablate4j.config;

/**
 * The combinations of the implementation keys ({@link Keys#implementationKeys()}, {@code grad-clip-scope
 * joint}) that no run can honour, refused in one line that names the key, why, and what is allowed: a
 * joint optimizer step needs PPO's minibatch step (TRPO has none), and one gradient norm over both
 * networks needs them stepped together. Under an implementation preset the line names the preset too.
 */
final class ImplementationChecks {

    private ImplementationChecks() {}

    static void check(TrainConfig c, String where) {
        String preset = ImplementationPreset.byId(c.preset()) != null ? "preset " + c.preset() + ": " : "";
        if (c.get(Keys.OPTIMIZER) == PpoOptimizer.JOINT && c.get(Keys.ALGO) != Algorithm.PPO) {
            throw new ConfigException(where + preset + "optimizer: joint steps policy and value together per PPO"
                    + " minibatch, and algo " + c.get(Keys.ALGO) + " has no minibatch policy step (with algo "
                    + c.get(Keys.ALGO) + " allowed: optimizer separate, grad-clip-scope both, policy or value)");
        }
        if (c.get(Keys.GRAD_CLIP_SCOPE) == GradClipScope.JOINT && c.get(Keys.OPTIMIZER) != PpoOptimizer.JOINT) {
            throw new ConfigException(where + preset + "grad-clip-scope: joint takes one norm over both networks'"
                    + " gradients, which needs optimizer joint (optimizer is " + c.get(Keys.OPTIMIZER)
                    + "; allowed with it: both, policy or value)");
        }
    }
}
