package dev.ablate4j.run;

import dev.ablate4j.config.Preset;
import dev.ablate4j.config.TrainConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/** Small, fast training configurations and file hashing for tests. */
public final class TinyRuns {

    private TinyRuns() {}

    /** Pendulum, 4 iterations of 256 steps, 16-16 networks, the given preset and overrides. */
    public static TrainConfig config(Preset preset, Map<String, ?> overrides) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("env", "Pendulum-v1");
        o.put("steps", 1024);
        o.put("rollout-steps", 256);
        o.put("minibatches", 4);
        o.put("epochs", 3);
        o.put("hidden", "16,16");
        o.put("tr-log-every", 2);
        o.put("seed", 1);
        o.putAll(overrides);
        return TrainConfig.resolve(preset, o);
    }

    public static String sha256(Path file) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(md.digest(Files.readAllBytes(file)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
