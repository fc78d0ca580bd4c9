package dev.ablate4j.nn;

/**
 * Which {@link FloatKernelSet} the float32 networks use in this JVM, decided once when this class
 * is initialized: {@code VectorFloatKernels} (the Vector API) when the JVM was started with the
 * incubator module {@code jdk.incubator.vector} in its boot layer ({@code java --add-modules
 * jdk.incubator.vector -jar ...}) and the system property {@value #PROPERTY} is not
 * {@code false}; otherwise {@link FloatKernelSet#SCALAR}. Both give the same bits (see
 * {@code VectorFloatKernels}), so the choice changes speed only, never a result; runs made either
 * way can be mixed, resumed and compared.
 *
 * <p>The vector class is loaded by name only after the module was found: no class that refers to
 * {@code jdk.incubator.vector} is touched in a JVM without it, so a plain {@code java -jar} runs
 * as before. A JAR manifest cannot add the module (there is no {@code Add-Modules} attribute; the
 * launcher ignores it on JDK 17 and 25); {@code JDK_JAVA_OPTIONS=--add-modules=jdk.incubator.vector}
 * does it for every {@code java} launch. With the module the JVM prints one line to stderr
 * ({@code WARNING: Using incubator modules: jdk.incubator.vector}); nothing else changes.
 */
final class FloatKernelChoice {

    /** The system property that forces the scalar kernels when {@code false}. */
    static final String PROPERTY = "ablate4j.vector";

    /** The module the vector kernels need. */
    static final String MODULE = "jdk.incubator.vector";

    /** The kernels of this JVM. */
    static final FloatKernelSet KERNELS = choose();

    private FloatKernelChoice() {}

    private static FloatKernelSet choose() {
        FloatKernelSet vector = vectorDisabled() ? null : vectorOrNull();
        return vector == null ? FloatKernelSet.SCALAR : vector;
    }

    /** Whether {@value #PROPERTY} is {@code false}: the scalar kernels of both precisions, even with the module. */
    static boolean vectorDisabled() {
        return "false".equalsIgnoreCase(System.getProperty(PROPERTY, "").trim());
    }

    /** Whether the boot layer has the Vector API module (the JVM was started with {@code --add-modules jdk.incubator.vector}). */
    static boolean moduleAvailable() {
        return ModuleLayer.boot().findModule(MODULE).isPresent();
    }

    /**
     * The Vector API kernels, whatever {@value #PROPERTY} says, or null when the module is absent
     * (for tests and benchmarks that compare both sets).
     */
    static FloatKernelSet vectorOrNull() {
        return loadIfModule("dev.ablate4j.nn.VectorFloatKernels", FloatKernelSet.class);
    }

    /**
     * An instance of the named Vector API kernel class, loaded by name only when the module is in
     * the boot layer; null without the module, or when the class cannot be used here (its
     * constructor refuses the CPU's vector shape): the scalar kernels give the same bits.
     */
    static <T> T loadIfModule(String className, Class<T> type) {
        if (!moduleAvailable()) {
            return null;
        }
        try {
            return type.cast(Class.forName(className).getDeclaredConstructor().newInstance());
        } catch (ReflectiveOperationException | LinkageError e) {
            return null;
        }
    }
}
