package dev.ablate4j.results;

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

    /** The keys of {@code provenance.json}. Readers tolerate any of them missing and keys they do not know. */
    public static final String VERSION = "ablate4j_version";
    public static final String COMMIT = "git_commit";
    /**
     * Whether the build was made from a checkout with uncommitted changes to tracked files (so
     * {@link #COMMIT} names code it did not run): true or false; null when the commit is unknown,
     * and absent in runs made before the key existed (read as not known to be dirty).
     */
    public static final String DIRTY = "git_dirty";
    public static final String JAVA_VERSION = "java_version";
    public static final String JAVA_VENDOR = "java_vendor";
    public static final String OS = "os";
    public static final String ARCH = "arch";
    public static final String MUJOCO_VERSION = "mujoco_version";
    public static final String START = "start";
    public static final String END = "end";
    /** A {@link RunStatus} word. */
    public static final String STATUS = "status";
    /** How many times the run was resumed from a checkpoint. */
    public static final String RESUMED = "resumed";
    public static final String DIVERGED_AT = "diverged_at_iteration";
    public static final String ERROR = "error";
    public static final String ENV_STEPS = "env_steps";

    /** What the build records as the commit outside a git checkout ({@code revisionOnScmFailure} in pom.xml). */
    static final String UNKNOWN_COMMIT = "unknown";

    private Provenance() {}

    /** The status {@code provenance} records, or null when it records none (or one this version does not know). */
    public static RunStatus status(java.util.Map<String, ?> provenance) {
        return RunStatus.of(provenance.get(STATUS));
    }

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

    /**
     * Whether this build was made from a checkout with uncommitted changes to tracked files, or null
     * when unknown (no commit: not built from a git checkout, or run from classes without
     * build information). The buildnumber-maven-plugin's check (pom.xml) runs
     * {@code git status --porcelain} at build time and writes {@code tainted} or {@code ok};
     * untracked files are not counted, as with {@code git describe --dirty}.
     */
    public static Boolean dirty() {
        String commit = commit();
        if (commit == null || commit.equals(UNKNOWN_COMMIT)) {
            return null;
        }
        return switch (String.valueOf(build().getProperty("tainted"))) {
            case "tainted" -> Boolean.TRUE;
            case "ok" -> Boolean.FALSE;
            default -> null;
        };
    }

    /** Whether {@code provenance} records a build with uncommitted changes ({@link #DIRTY} true; false when absent). */
    public static boolean builtDirty(Map<String, ?> provenance) {
        return Boolean.TRUE.equals(provenance.get(DIRTY));
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
        p.put(VERSION, version());
        p.put(COMMIT, commit());
        p.put(DIRTY, dirty());
        p.put(JAVA_VERSION, System.getProperty("java.version"));
        p.put(JAVA_VENDOR, System.getProperty("java.vendor"));
        p.put(OS, System.getProperty("os.name") + " " + System.getProperty("os.version"));
        p.put(ARCH, System.getProperty("os.arch"));
        p.put(MUJOCO_VERSION, mujocoVersion);
        p.put(START, Instant.now().toString());
        p.put(STATUS, RunStatus.RUNNING.word());
        return p;
    }
}
