/**
 * The ND4J backend ({@code --backend nd4j}): an {@link dev.ablate4j.nn.Mlp}'s batch computations as
 * OpenBLAS matrix products through ND4J 1.0.0-M2.1, in double precision. Compiled only in the
 * Maven profile {@code nd4j}, which adds ND4J with its linux-x86_64 natives (about 134 MB); the
 * default build does not contain it, and {@link dev.ablate4j.nn.Backends} says so when asked for it.
 *
 * <h2>What a user should know</h2>
 * <ul>
 *   <li>Results agree with the plain-Java backend to about 1e-12 relative per computation (the
 *       tests require 1e-9 on forward, backward, forward-mode derivative and a whole PPO update),
 *       but are not bit-identical to it, and not guaranteed bit-identical across CPUs: OpenBLAS
 *       picks its kernels (and so its summation order and use of FMA) by CPU. Runs whose results
 *       must reproduce bit for bit anywhere use {@code --backend java}.</li>
 *   <li>ND4J and OpenBLAS run on one thread, like the Java backend: the matrix command runs one
 *       training per core, and on two cores two threads per run were slower.</li>
 *   <li>Acting (batch 1) always runs on the Java kernels, which are 3x (w = 1024) to 50x (w = 64) faster there.</li>
 *   <li>Layout: activations are kept transposed (features x batch) in column-major arrays, which
 *       are the row-major batch x features arrays of the Java side without any copy or transpose,
 *       and make every product a plain column-major GEMM with a column-major result (ND4J's fast path).</li>
 * </ul>
 */
package dev.ablate4j.nn.nd4j;
