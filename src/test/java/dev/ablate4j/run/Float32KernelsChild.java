package dev.ablate4j.run;

import dev.ablate4j.cli.Main;
import dev.ablate4j.nn.Precision;

/**
 * A child JVM's entry point for {@link VectorKernelsEndToEndTest}: prints which float32 kernels
 * this JVM chose ({@code kernels: ...} as the first line of stdout), then runs the command line.
 */
public final class Float32KernelsChild {

    private Float32KernelsChild() {}

    public static void main(String[] args) {
        System.out.println("kernels: " + Precision.float32Kernels());
        System.out.flush();
        Main.main(args);
    }
}
