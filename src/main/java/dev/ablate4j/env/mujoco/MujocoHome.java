package dev.ablate4j.env.mujoco;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A MuJoCo directory chosen at run time instead of the system library: the system property
 * {@value MujocoNative#HOME_PROPERTY}, else the environment variable {@value MujocoNative#HOME_ENV}.
 * It holds {@code libmujoco.so.X.Y.Z} directly (the pip wheel's {@code site-packages/mujoco}) or
 * under {@code lib/} (a release archive); the version is read from that file name and written as
 * MuJoCo's {@code mjVERSION_HEADER} number (2.2.2 is 222, 3.14.0 is 3014000), which names the folder
 * of the shim compiled for it.
 */
final class MujocoHome {

    private static final Pattern LIBRARY = Pattern.compile("libmujoco\\.so\\.(\\d+)\\.(\\d+)\\.(\\d+)");

    private final Path dir;
    private final String origin;
    private Path library;
    private int headerVersion;

    private MujocoHome(Path dir, String origin) {
        this.dir = dir;
        this.origin = origin;
    }

    /** The directory asked for, or null for the system library. */
    static MujocoHome selected() {
        String property = System.getProperty(MujocoNative.HOME_PROPERTY);
        if (property != null && !property.isBlank()) {
            return new MujocoHome(Path.of(property).toAbsolutePath().normalize(),
                    "-D" + MujocoNative.HOME_PROPERTY + "=" + property);
        }
        String env = System.getenv(MujocoNative.HOME_ENV);
        if (env != null && !env.isBlank()) {
            return new MujocoHome(Path.of(env).toAbsolutePath().normalize(), MujocoNative.HOME_ENV + "=" + env);
        }
        return null;
    }

    Path dir() {
        return dir;
    }

    /** How it was chosen, e.g. "MUJOCO_HOME=/opt/mujoco". */
    String origin() {
        return origin;
    }

    /** Null when the directory holds exactly one MuJoCo library version; else what is wrong. */
    String problem() {
        if (!Files.isDirectory(dir)) {
            return origin + " is not a directory";
        }
        List<Path> found = new ArrayList<>();
        for (Path d : List.of(dir, dir.resolve("lib"))) {
            if (!Files.isDirectory(d)) {
                continue;
            }
            try (Stream<Path> files = Files.list(d)) {
                files.filter(f -> LIBRARY.matcher(f.getFileName().toString()).matches()).sorted().forEach(found::add);
            } catch (IOException e) {
                return origin + ": cannot list " + d + " (" + e.getMessage() + ")";
            }
        }
        if (found.isEmpty()) {
            return origin + " holds no libmujoco.so.X.Y.Z (looked in " + dir + " and " + dir.resolve("lib") + ")";
        }
        List<Integer> versions = found.stream().map(f -> code(f.getFileName().toString())).distinct().toList();
        if (versions.size() > 1) {
            return origin + " holds several MuJoCo libraries (" + found + "); point it at one";
        }
        library = found.get(0);
        headerVersion = versions.get(0);
        return null;
    }

    /** Loads the library by its absolute path, so the shim's dependency on it is already met; null on success. */
    String load() {
        if (!isElf(library)) {
            return "cannot load " + library + " (" + origin + "): not a shared library (no ELF header); point it at"
                    + " a MuJoCo release's folder";
        }
        try {
            System.load(library.toString());
            return null;
        } catch (UnsatisfiedLinkError e) {
            return "cannot load " + library + " (" + origin + "): "
                    + MujocoUnavailableException.oneLine(e.getMessage());
        }
    }

    /**
     * Whether {@code file} starts like an ELF object. Checked before {@code System.load}, which on a
     * file that is not one prints the JVM's own stack-guard warning lines before it fails.
     */
    static boolean isElf(Path file) {
        try (java.io.InputStream in = Files.newInputStream(file)) {
            byte[] magic = in.readNBytes(4);
            return magic.length == 4 && magic[0] == 0x7f && magic[1] == 'E' && magic[2] == 'L' && magic[3] == 'F';
        } catch (IOException e) {
            return false;
        }
    }

    /** The library file (after {@link #problem()} returned null). */
    Path library() {
        return library;
    }

    /** Its version as {@code mjVERSION_HEADER} (after {@link #problem()} returned null). */
    int headerVersion() {
        return headerVersion;
    }

    /** Its version as text, e.g. "3.14.0". */
    String version() {
        return versionName(headerVersion);
    }

    /** {@code mjVERSION_HEADER} of a library file name {@code libmujoco.so.X.Y.Z}. */
    static int code(String fileName) {
        Matcher m = LIBRARY.matcher(fileName);
        if (!m.matches()) {
            throw new IllegalArgumentException("not a MuJoCo library file name: " + fileName);
        }
        int major = Integer.parseInt(m.group(1));
        int minor = Integer.parseInt(m.group(2));
        int patch = Integer.parseInt(m.group(3));
        return major >= 3 ? major * 1_000_000 + minor * 1_000 + patch : major * 100 + minor * 10 + patch;
    }

    /** "2.2.2" for 222, "3.14.0" for 3014000. */
    static String versionName(int code) {
        if (code >= 1_000_000) {
            return (code / 1_000_000) + "." + (code / 1_000 % 1_000) + "." + (code % 1_000);
        }
        return (code / 100) + "." + (code / 10 % 10) + "." + (code % 10);
    }
}
