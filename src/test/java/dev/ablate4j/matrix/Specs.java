package dev.ablate4j.matrix;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Small spec texts and helpers for the matrix tests. */
final class Specs {

    /** Base settings that make a Pendulum run take a fraction of a second. */
    static final String TINY_BASE = "rollout-steps: 64, minibatches: 4, epochs: 2, hidden: [8, 8], tr-log-every: 4";

    /** A 2 x 2 factorial (value-clip x grad-clip) of tiny Pendulum runs, 2 seeds: 8 runs named {@code name}. */
    static String twoByTwo(String name) {
        return """
                name: %s
                base: {preset: ppo, %s}
                factors:
                  value-clip: [true, false]
                  grad-clip: [false, true]
                envs: [Pendulum-v1]
                seeds: 2
                steps: 256
                """.formatted(name, TINY_BASE);
    }

    /** Accepts every env id (for specs naming environments this checkout does not build). */
    static final EnvCheck ANY_ENV = id -> {};

    private Specs() {}

    static Spec parse(String yaml) {
        return SpecReader.parse(yaml, "test.yaml");
    }

    static Plan plan(String yaml) {
        return Expansion.expand(parse(yaml), EnvCheck.REGISTRY, Expansion.DEFAULT_MAX_RUNS);
    }

    static Path write(Path dir, String name, String yaml) {
        try {
            Path f = dir.resolve(name);
            Files.writeString(f, yaml);
            return f;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
