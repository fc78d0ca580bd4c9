package dev.ablate4j.tensorboard;

import dev.ablate4j.results.AtomicFiles;
import dev.ablate4j.results.ConfigFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * HParams session groups of an export: one group per configuration — the run's resolved config
 * (environment included) without its seed and the keys that never tell configurations apart
 * ({@link ConfigFile#NOT_CONFIG}) — so the dashboard averages over seeds of one configuration
 * and never over two. A PPO run at {@code col/ppo/run} and a TRPO run at {@code col/trpo/run} are two
 * groups even though both directories are named {@code run}. A group is named as its first run
 * without the seed part ({@code quickstart/ppo/Pendulum-v1}); a name taken by another configuration
 * gets {@code ~2}, {@code ~3}, ... in input order.
 */
final class SessionGroups {

    private SessionGroups() {}

    /** The configuration a run belongs to, as canonical JSON text (keys sorted). */
    static String configKey(Map<String, Object> config) {
        Map<String, Object> m = new TreeMap<>(config);
        Object env = m.get("env");
        m.keySet().removeAll(ConfigFile.NOT_CONFIG);
        m.put("env", env); // one configuration per environment: groups never average across tasks
        try {
            return AtomicFiles.JSON.writer().without(com.fasterxml.jackson.databind.SerializationFeature.INDENT_OUTPUT)
                    .writeValueAsString(m);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The first 8 hex digits of the SHA-256 of {@link #configKey}: tells apart train directories named alike. */
    static String configHash(Map<String, Object> config) {
        byte[] d = dev.ablate4j.results.Sha256.of(configKey(config).getBytes(StandardCharsets.UTF_8));
        return java.util.HexFormat.of().formatHex(d, 0, 4);
    }

    /** The group of each run, in the order of {@code runs} (named {@code names}). */
    static List<String> assign(List<RunData> runs, List<String> names) {
        Map<String, String> groupOf = new HashMap<>();
        Set<String> taken = new HashSet<>();
        List<String> out = new ArrayList<>();
        for (int i = 0; i < runs.size(); i++) {
            String key = configKey(runs.get(i).config());
            String name = names.get(i);
            String group = groupOf.get(key);
            if (group == null) {
                String base = RunNames.group(name);
                group = base;
                for (int n = 2; !taken.add(group); n++) {
                    group = base + "~" + n;
                }
                groupOf.put(key, group);
            }
            out.add(group);
        }
        return out;
    }
}
