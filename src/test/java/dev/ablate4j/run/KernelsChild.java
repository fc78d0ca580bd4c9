package dev.ablate4j.run;

import dev.ablate4j.cli.Main;
import dev.ablate4j.nn.Precision;

/**
 * A child JVM's entry point for {@link VectorKernelsEndToEndTest}: prints which kernels this JVM
 * chose ({@code kernels: float32 ...; float64 ...} as the first line of stdout), then runs the
 * command line.
 */
public final class KernelsChild {

    private KernelsChild() {}

    public static void main(String[] args) {
        System.out.println("kernels: float32 " + Precision.float32Kernels() + "; float64 " + Precision.float64Kernels());
        System.out.flush();
        Main.main(args);
    }
}
