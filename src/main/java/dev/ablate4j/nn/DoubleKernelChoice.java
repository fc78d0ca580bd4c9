package dev.ablate4j.nn;

/**
 * Which {@link DoubleKernelSet} the float64 networks use in this JVM, decided once, by the same
 * rule and switch as {@link FloatKernelChoice}: {@code VectorDoubleKernels} when the JVM was
 * started with {@code --add-modules jdk.incubator.vector} and {@code -Dablate4j.vector=false} is
 * not given, else {@link DoubleKernelSet#SCALAR}. Both give the same bits, so runs made either way
 * can be mixed, resumed and compared; every committed float64 run keeps its golden hash.
 */
final class DoubleKernelChoice {

    /** The kernels of this JVM. */
    static final DoubleKernelSet KERNELS = choose();

    private DoubleKernelChoice() {}

    private static DoubleKernelSet choose() {
        DoubleKernelSet vector = FloatKernelChoice.vectorDisabled() ? null : vectorOrNull();
        return vector == null ? DoubleKernelSet.SCALAR : vector;
    }

    /** The Vector API kernels whatever the property says, or null when the module is absent (tests, benchmarks). */
    static DoubleKernelSet vectorOrNull() {
        return FloatKernelChoice.loadIfModule("dev.ablate4j.nn.VectorDoubleKernels", DoubleKernelSet.class);
    }
}
