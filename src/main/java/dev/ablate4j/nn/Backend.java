package dev.ablate4j.nn;

/**
 * Where the batch computations of an {@link Mlp} run: the plain-Java kernels
 * ({@link JavaBackend}, the default, bit-identical on every JVM and CPU) or another library
 * (see {@link Backends}). Networks keep their parameters and gradients in their own flat arrays
 * whatever the backend; a backend only computes.
 */
public interface Backend {

    /** The name {@code --backend} uses for this backend. */
    String id();

    /** A fresh computation state for {@code mlp} (one per kind of computation that must not disturb another). */
    MlpRunner runner(Mlp mlp);
}
