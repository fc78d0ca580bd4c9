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
 * <p><b>Which MuJoCo.</b> By default the system's {@code libmujoco.so} (Debian's
 * {@code libmujoco-dev}, 2.2.2), through the shim compiled against {@code /usr/include/mujoco}. With
 * a MuJoCo directory named by the system property {@value #HOME_PROPERTY} or, if that is unset, the
 * environment variable {@value #HOME_ENV} (a folder holding {@code libmujoco.so.X.Y.Z} directly, as
 * the pip wheel's {@code site-packages/mujoco} does, or under {@code lib/}, as a release archive
 * does), that library is loaded first by its absolute path and then the shim compiled against its
 * headers ({@code ./mvnw package -Dmujoco.home=DIR}), found in the jar under
 * {@code native/<platform>/mujoco-<mjVERSION_HEADER>/}. A shim only works with the MuJoCo it was
 * compiled for: its {@code mjVERSION_HEADER} must equal the library's {@code mj_version()}, else
 * loading fails with both numbers named. One JVM holds one MuJoCo.
 *
 * <p>The shim is loaded from the path in the system property {@value #SHIM_PROPERTY} if set, else
 * from the jar (or {@code target/classes}) resource, copied to a file first: into the directory
 * named by the environment variable {@value #DIR_ENV} if set, else into the JVM's temporary
 * directory ({@code java.io.tmpdir}), and when loading from there fails (a {@code noexec}
 * {@code /tmp}, common on clusters) into {@code ~/.cache/ablate4j/native}. Loading fails cleanly
 * when the resource is absent (the build had no MuJoCo headers) or when the MuJoCo library is
 * missing; {@link #problem()} then says which, in one line.
 */
final class MujocoNative {

    /** System property naming an explicit shim file. */
    static final String SHIM_PROPERTY = "ablate4j.mujoco.shim";

    /** Environment variable naming the directory the bundled shim is copied to before loading. */
    static final String DIR_ENV = "ABLATE4J_NATIVE_DIR";

    static final String LIBRARY_FILE = "libablate4j_mujoco.so";

    /** System property naming a MuJoCo directory to use instead of the system library. */
    static final String HOME_PROPERTY = "ablate4j.mujoco.home";

    /** Environment variable naming a MuJoCo directory, used when {@value #HOME_PROPERTY} is unset. */
    static final String HOME_ENV = "MUJOCO_HOME";

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
        MujocoHome home = MujocoHome.selected();
        String key = (explicit == null ? BUNDLED : explicit) + "|" + (home == null ? "" : home.dir());
        if (key.equals(loadedKey)) {
            return null;
        }
        if (loadedKey != null) {
            if (explicit != null && !Files.isRegularFile(Path.of(explicit))) {
                return missingShim(explicit);
            }
            return "this JVM already loaded " + loadedSource + "; one JVM holds one MuJoCo";
        }
        String known = failures.get(key);
        if (known != null) {
            return known;
        }
        String problem = tryLoad(explicit, home);
        if (problem == null) {
            loadedKey = key;
            loadedSource = describe(home);
        } else {
            failures.put(key, problem);
        }
        return problem;
    }

    private static String loadedSource;

    /** Which MuJoCo is loaded and from where (null while none is), e.g. "MuJoCo 2.2.2 (the system library)". */
    static synchronized String source() {
        return problem() == null ? loadedSource : null;
    }

    private static String describe(MujocoHome home) {
        String where = home == null
                ? "the system library, libmujoco.so on the linker path"
                : home.library() + ", from " + home.origin();
        return "MuJoCo " + versionString() + " (" + where + ")";
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

    private static String tryLoad(String explicit, MujocoHome home) {
        if (explicit != null && !Files.isRegularFile(Path.of(explicit))) {
            return missingShim(explicit);
        }
        String folder = "";
        if (home != null) {
            String problem = home.problem();
            if (problem == null) {
                problem = home.load();
            }
            if (problem != null) {
                return problem;
            }
            folder = "mujoco-" + home.headerVersion() + "/";
        }
        if (explicit != null) {
            return checked(load(Path.of(explicit)), home);
        }
        String resource = "/native/" + platform() + "/" + folder + LIBRARY_FILE;
        URL url = MujocoNative.class.getResource(resource);
        if (url == null) {
            if (home != null) {
                return "this ablate4j build has no MuJoCo shim for MuJoCo " + home.version() + " (" + home.origin()
                        + "); build one with ./mvnw package -Dmujoco.home=" + home.dir();
            }
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
                return checked(problem, home);
            }
            first = first == null ? problem : first;
        }
        return first + "; set " + DIR_ENV + " to a directory that allows executables";
    }

    private static String missingShim(String explicit) {
        return "the MuJoCo shim " + explicit + " (system property " + SHIM_PROPERTY + ") does not exist";
    }

    /** After a load: the shim's headers and the library must be the same MuJoCo (and the one asked for). */
    private static String checked(String problem, MujocoHome home) {
        if (problem != null) {
            return problem;
        }
        int header = headerVersion();
        int library = libraryVersion();
        if (header != library) {
            return "the MuJoCo shim was compiled for MuJoCo " + MujocoHome.versionName(header)
                    + " but the loaded library is MuJoCo " + MujocoHome.versionName(library)
                    + "; rebuild with ./mvnw package" + (home == null ? "" : " -Dmujoco.home=" + home.dir());
        }
        if (home != null && library != home.headerVersion()) {
            return home.origin() + " holds " + home.library() + " but MuJoCo " + MujocoHome.versionName(library)
                    + " was loaded";
        }
        return null;
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

    /** {@code mjVERSION_HEADER} of the headers the shim was compiled with, e.g. 222 or 3014000. */
    static native int headerVersion();

    /** {@code mj_version()} of the loaded library. */
    static native int libraryVersion();

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
