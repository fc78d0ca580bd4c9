package dev.ablate4j.run;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/**
 * Where a result came from: ablate4j version and commit, JDK, OS and architecture, the MuJoCo
 * library version when one is loaded, start and end times, and the run's status. Written as
 * {@code provenance.json}; wall-clock times live only here and in {@code timing.csv}, never in the
 * deterministic results.
 */
public final class Provenance {

    private Provenance() {}

    /** The version of this build ({@code dev} when run from classes rather than the jar). */
    public static String version() {
        String v = build().getProperty("version");
        return v == null || v.startsWith("${") ? "dev" : v;
    }

    /** The git commit this build was made from, or null when unknown. */
    public static String commit() {
        String c = build().getProperty("commit");
        return c == null || c.isBlank() || c.startsWith("${") ? null : c;
    }

    private static Properties build() {
        Properties p = new Properties();
        try (InputStream in = Provenance.class.getResourceAsStream("/dev/ablate4j/build.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            // no build information: version "dev", commit unknown
        }
        return p;
    }

    /** The fields known when a run starts. */
    public static Map<String, Object> start(String mujocoVersion) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("ablate4j_version", version());
        p.put("git_commit", commit());
        p.put("java_version", System.getProperty("java.version"));
        p.put("java_vendor", System.getProperty("java.vendor"));
        p.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
        p.put("arch", System.getProperty("os.arch"));
        p.put("mujoco_version", mujocoVersion);
        p.put("start", Instant.now().toString());
        p.put("status", "running");
        return p;
    }
}
