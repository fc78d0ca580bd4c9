package dev.ablate4j.nn;

import java.util.List;

/**
 * The floating-point format the networks, Adam and the filters' outputs compute in (the run key
 * {@code precision}). {@link #FLOAT64} is the format of every run made before the key existed;
 * {@link #FLOAT32} computes each network pass in {@code float} with {@link Math#fma} (see this
 * package's documentation for what is float and how the results stay bit-reproducible).
 */
public enum Precision {
    FLOAT64("float64"),
    FLOAT32("float32");

    /** The names {@link #byId} accepts. */
    public static final List<String> IDS = List.of("float64", "float32");

    private final String id;

    Precision(String id) {
        this.id = id;
    }

    /** The name the {@code precision} key uses. */
    public String id() {
        return id;
    }

    /** The precision called {@code id}, or an {@link IllegalArgumentException} saying what is allowed. */
    public static Precision byId(String id) {
        for (Precision p : values()) {
            if (p.id.equals(id)) {
                return p;
            }
        }
        throw new IllegalArgumentException("precision: unknown precision '" + id + "'; allowed: "
                + String.join(", ", IDS));
    }

    /**
     * A fresh computation state for {@code mlp} in this precision: float64 on {@code backend},
     * float32 on the plain-Java float kernels ({@link FloatMlpRunner}; other backends have none).
     */
    public MlpRunner runner(Mlp mlp, Backend backend) {
        if (this == FLOAT64) {
            return backend.runner(mlp);
        }
        if (backend != JavaBackend.INSTANCE) {
            throw new IllegalArgumentException("precision float32 runs on the java backend only, not on "
                    + backend.id());
        }
        return new FloatMlpRunner(mlp);
    }

    /**
     * The float32 matrix kernels of this JVM, for people: "Vector API, 16 float lanes" when it was
     * started with {@code --add-modules jdk.incubator.vector}, else "scalar (C2 auto-vectorized)"
     * (the same bits either way; see {@code FloatKernelChoice}).
     */
    public static String float32Kernels() {
        return FloatKernelChoice.KERNELS.description();
    }

    /**
     * The float64 batch matrix kernels of this JVM, for people: "Vector API, 8 double lanes" when it
     * was started with {@code --add-modules jdk.incubator.vector}, else "scalar (C2
     * auto-vectorized)" (the same bits either way; see {@code DoubleKernelChoice}).
     */
    public static String float64Kernels() {
        return DoubleKernelChoice.KERNELS.description();
    }

    /** {@code x} as this precision holds it: unchanged in float64, rounded to the nearest float in float32. */
    public double round(double x) {
        return this == FLOAT32 ? (double) (float) x : x;
    }

    /** Rounds every element of {@code a} in place (a no-op in float64). */
    public void roundAll(double[] a) {
        if (this == FLOAT32) {
            for (int i = 0; i < a.length; i++) {
                a[i] = (float) a[i];
            }
        }
    }
}
