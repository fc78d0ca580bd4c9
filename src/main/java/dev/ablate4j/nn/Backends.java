package dev.ablate4j.nn;

import java.util.List;

/**
 * The backends by name: {@code java} (always available, bit-identical everywhere), {@code nd4j}
 * (ND4J on OpenBLAS; only in builds made with the Maven profile {@code nd4j}) and {@code auto}
 * ({@link AutoBackend}: ND4J where it measured faster, else Java).
 */
public final class Backends {

    /** The names {@link #byId} accepts. */
    public static final List<String> IDS = List.of("java", "nd4j", "auto");

    private static final String ND4J_CLASS = "dev.ablate4j.nn.nd4j.Nd4jBackend";

    private Backends() {}

    /** The backend called {@code id}, or an {@link IllegalArgumentException} saying what is allowed or missing. */
    public static Backend byId(String id) {
        switch (id) {
            case "java":
                return JavaBackend.INSTANCE;
            case "nd4j":
                return nd4j();
            case "auto":
                return AutoBackend.INSTANCE;
            default:
                throw new IllegalArgumentException("backend: unknown backend '" + id + "'; allowed: "
                        + String.join(", ", IDS));
        }
    }

    /** True when ND4J and its native libraries are on the class path (a {@code -Pnd4j} build). */
    public static boolean nd4jAvailable() {
        try {
            Class.forName(ND4J_CLASS, false, Backends.class.getClassLoader());
            Class.forName("org.nd4j.linalg.factory.Nd4j", false, Backends.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    private static Backend nd4j() {
        if (!nd4jAvailable()) {
            throw new IllegalArgumentException("backend: nd4j is not in this build of ablate4j; build it with "
                    + "'./mvnw -Pnd4j package' (adds ND4J with its linux-x86_64 natives), or use --backend java");
        }
        try {
            return (Backend) Class.forName(ND4J_CLASS).getField("INSTANCE").get(null);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot load the nd4j backend", e);
        }
    }
}
