package dev.ablate4j.env.mujoco;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The JNI shim {@code src/main/c/ablate4j_mujoco.c} and how it is found.
 *
 * <p>The shim is loaded from the path in the system property {@value #SHIM_PROPERTY} if set, else
 * from the jar (or {@code target/classes}) resource {@code native/<platform>/libablate4j_mujoco.so},
 * copied to a file first: into the directory named by the environment variable {@value #DIR_ENV}
 * if set, else into the JVM's temporary directory ({@code java.io.tmpdir}), and when loading from
 * there fails (a {@code noexec} {@code /tmp}, common on clusters) into
 * {@code ~/.cache/ablate4j/native}. Loading fails cleanly when the resource is absent (the build had
 * no libmujoco-dev) or when {@code libmujoco.so} is not installed; {@link #problem()} then says
 * which, in one line.
 */
final class MujocoNative {

    /** System property naming an explicit shim file. */
    static final String SHIM_PROPERTY = "ablate4j.mujoco.shim";

    /** Environment variable naming the directory the bundled shim is copied to before loading. */
    static final String DIR_ENV = "ABLATE4J_NATIVE_DIR";

    static final String LIBRARY_FILE = "libablate4j_mujoco.so";

    /** Readout bits, as in the C shim. */
    static final int READ_QPOS = 1;
    static final int READ_QVEL = 2;
    static final int READ_XIPOS = 4;
    static final int READ_CINERT = 8;
    static final int READ_CVEL = 16;
    static final int READ_QFRC_ACTUATOR = 32;
    static final int READ_CFRC_EXT = 64;

    /** Model arrays, as in the C shim's modelArray. */
    static final int MODEL_TIMESTEP = 0;
    static final int MODEL_CTRLRANGE = 1;
    static final int MODEL_CTRLLIMITED = 2;
    static final int MODEL_BODY_MASS = 3;
    static final int MODEL_QPOS0 = 4;

    private static final String BUNDLED = "<bundled>";
    private static String loadedKey;
    private static final Map<String, String> failures = new HashMap<>();

    private MujocoNative() {}

    /**
     * Null when the shim (and so libmujoco) is loaded and usable; otherwise one line saying what
     * is missing. Loading is attempted once per value of {@value #SHIM_PROPERTY}.
     */
    static synchronized String problem() {
        String explicit = System.getProperty(SHIM_PROPERTY);
        String key = explicit == null ? BUNDLED : explicit;
        if (key.equals(loadedKey)) {
            return null;
        }
        String known = failures.get(key);
        if (known != null) {
            return known;
        }
        String problem = tryLoad(explicit);
        if (problem == null) {
            loadedKey = key;
        } else {
            failures.put(key, problem);
        }
        return problem;
    }

    /** Throws {@link MujocoUnavailableException} unless the shim is usable. */
    static void require() {
        String problem = problem();
        if (problem != null) {
            throw new MujocoUnavailableException(problem);
        }
    }

    /** {@code linux-x86_64}, {@code linux-aarch64}, ...: the resource folder of this JVM's platform. */
    static String platform() {
        String os = System.getProperty("os.name", "unknown").toLowerCase(Locale.ROOT);
        if (os.startsWith("linux")) {
            os = "linux";
        } else if (os.startsWith("mac")) {
            os = "macos";
        } else if (os.startsWith("windows")) {
            os = "windows";
        }
        String arch = System.getProperty("os.arch", "unknown").toLowerCase(Locale.ROOT);
        if (arch.equals("amd64") || arch.equals("x86-64")) {
            arch = "x86_64";
        } else if (arch.equals("arm64")) {
            arch = "aarch64";
        }
        return os + "-" + arch;
    }

    private static String tryLoad(String explicit) {
        if (explicit != null) {
            Path file = Path.of(explicit);
            if (!Files.isRegularFile(file)) {
                return "the MuJoCo shim " + explicit + " (system property " + SHIM_PROPERTY + ") does not exist";
            }
            return load(file);
        }
        String resource = "/native/" + platform() + "/" + LIBRARY_FILE;
        URL url = MujocoNative.class.getResource(resource);
        if (url == null) {
            return "this ablate4j build has no MuJoCo shim for " + platform()
                    + " (it is compiled only when /usr/include/mujoco/mujoco.h exists at build time; rebuild after installing)";
        }
        String first = null;
        for (Path dir : extractionDirs()) {
            String problem;
            try {
                problem = load(extract(url, dir));
            } catch (IOException | RuntimeException e) {
                problem = "cannot copy the MuJoCo shim into " + dir + " (" + MujocoUnavailableException.oneLine(
                        String.valueOf(e.getMessage())) + ")";
            }
            if (problem == null || problem.startsWith(MISSING_LIBRARY)) {
                return problem;
            }
            first = first == null ? problem : first;
        }
        return first + "; set " + DIR_ENV + " to a directory that allows executables";
    }

    private static final String MISSING_LIBRARY = "the MuJoCo library is not installed";

    /** Where the bundled shim may be copied, in order: $ABLATE4J_NATIVE_DIR alone, else tmpdir then ~/.cache. */
    static List<Path> extractionDirs() {
        String dir = System.getenv(DIR_ENV);
        if (dir != null && !dir.isBlank()) {
            return List.of(Path.of(dir));
        }
        List<Path> dirs = new ArrayList<>();
        dirs.add(Path.of(System.getProperty("java.io.tmpdir")));
        String home = System.getProperty("user.home");
        if (home != null && !home.isBlank() && !home.equals("?")) {
            dirs.add(Path.of(home, ".cache", "ablate4j", "native"));
        }
        return dirs;
    }

    private static String load(Path file) {
        try {
            System.load(file.toAbsolutePath().toString());
        } catch (UnsatisfiedLinkError e) {
            String why = MujocoUnavailableException.oneLine(e.getMessage());
            if (why.contains("libmujoco")) {
                return MISSING_LIBRARY + " (" + why + ")";
            }
            return "cannot load the MuJoCo shim " + file + " (" + why + ")";
        }
        try {
            versionString();
        } catch (UnsatisfiedLinkError e) {
            return file + " is not the ablate4j MuJoCo shim (" + MujocoUnavailableException.oneLine(e.getMessage()) + ")";
        }
        return null;
    }

    /**
     * Copies the shim into {@code dir} under a name made unique to this process, so processes that
     * share the directory (array tasks on one node) never load a half-written file.
     */
    private static Path extract(URL url, Path dir) throws IOException {
        Files.createDirectories(dir);
        Path file = Files.createTempFile(dir, "ablate4j_mujoco", ".so");
        file.toFile().deleteOnExit();
        try (InputStream in = url.openStream()) {
            Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
        }
        return file;
    }

    // ----------------------------------------------------------------- the shim's functions

    /** {@code mj_versionString()}, e.g. "2.2.2". */
    static native String versionString();

    /** Compiles an MJCF model from XML text; returns a handle (throws IllegalArgumentException on bad XML). */
    static native long load(String xml, int readoutMask);

    static native void free(long handle);

    /** nq, nv, nu, na, nbody, readout size, state size. */
    static native int[] sizes(long handle);

    static native double[] modelArray(long handle, int which);

    /** mj_resetData, qpos/qvel set, mj_forward; fills {@code readout}. */
    static native void reset(long handle, double[] qpos, double[] qvel, double[] readout);

    /** ctrl set, {@code substeps} x mj_step (+ mj_rnePostConstraint if cfrc_ext is read); fills {@code readout}. */
    static native void step(long handle, double[] ctrl, int substeps, double[] readout);

    /** time, qpos, qvel, act, qacc_warmstart, ctrl. */
    static native void getState(long handle, double[] out);

    static native void setState(long handle, double[] state);
}
