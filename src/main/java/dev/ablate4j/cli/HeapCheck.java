package dev.ablate4j.cli;

import dev.ablate4j.config.Keys;
import dev.ablate4j.config.Limits;
import dev.ablate4j.config.TrainConfig;
import dev.ablate4j.env.Env;
import dev.ablate4j.env.Envs;
import java.util.Locale;

/**
 * Refuses a run whose networks and rollout batch would not fit in this JVM's heap, before anything
 * is allocated or written (the parameter limit itself is checked with the config, {@link Limits}).
 */
final class HeapCheck {

    private HeapCheck() {}

    static void require(TrainConfig config) {
        int obs;
        int act;
        try (Env env = Envs.make(config.get(Keys.ENV))) {
            obs = env.observationSpace().size();
            act = env.actionSpace().size();
        }
        long need = Limits.heapBytes(obs, act, config.get(Keys.HIDDEN), config.get(Keys.ROLLOUT_STEPS));
        long max = Runtime.getRuntime().maxMemory();
        if (need > max) {
            throw new BadInputException(String.format(Locale.ROOT,
                    "hidden %s with rollout-steps %d needs about %,d MB of heap (%,d parameters); this JVM has"
                            + " %,d MB (raise -Xmx or shrink them)",
                    config.get(Keys.HIDDEN).toString().replace(" ", ""), config.get(Keys.ROLLOUT_STEPS),
                    need >> 20, Limits.parameters(obs, act, config.get(Keys.HIDDEN)), max >> 20));
        }
    }
}
