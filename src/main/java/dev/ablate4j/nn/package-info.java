/**
 * Plain-Java neural networks for the policy-gradient algorithms, in double precision: the
 * fully connected {@link dev.ablate4j.nn.Mlp} (its parameters live in a caller's flat array), the
 * diagonal {@link dev.ablate4j.nn.GaussianPolicy} (mean network plus a state-independent log-std,
 * with log-probabilities, entropy, mean KL and the exact Fisher-vector product TRPO needs), the
 * {@link dev.ablate4j.nn.ValueNet}, the {@link dev.ablate4j.nn.Adam} optimizer and
 * {@link dev.ablate4j.nn.GradClip global gradient clipping}.
 *
 * <h2>Determinism</h2>
 * Results are bit-identical on every JVM and CPU: transcendental functions go through
 * {@link dev.ablate4j.nn.Fn} ({@code StrictMath}), randomness only through the
 * {@code SplittableRandom} passed in, and every sum is taken in a fixed order (Java never
 * reassociates or fuses floating-point operations; the JIT's vectorization of the element-wise
 * loops does not change results). A fingerprint of 20 training-like iterations (init, acting,
 * log-prob gradients, clipping, Adam, Fisher-vector products, value updates; both activations,
 * both inits) was identical on JDK 17.0.15 (C2, C2 without SuperWord, interpreter only) and JDK
 * 25.0.3 (C2, C1 only). The mean computed for one sample is bit-identical to the same sample's
 * row in a batch, and the log-probability {@link dev.ablate4j.nn.GaussianPolicy#act} returns is
 * bit-identical to {@link dev.ablate4j.nn.GaussianPolicy#logProb} for that action.
 *
 * <h2>StrictMath rather than commons-math3 FastMath</h2>
 * Both are deterministic pure-Java (or fdlibm-specified) implementations; the choice was made by
 * a microbenchmark (each function in its own monomorphic loop over 50,000 random arguments, JIT
 * warmed up by 200 passes, best of 15 timings of 10 passes; tanh and exp arguments in [-4, 4], log
 * arguments in [0.001, 10]; AMD EPYC, 2 cores shared with other work), in ns per call:
 * <pre>
 *                 JDK 17.0.15               JDK 25.0.3
 *                 StrictMath  FastMath      StrictMath  FastMath
 *   tanh          19.4-21.1   29.0-29.4     14.0-14.1   30.4-30.8
 *   exp            6.8-7.0     9.7-9.8       6.3-6.5     9.0-9.2
 *   log           11.0         9.5           5.7-5.8     9.0
 * </pre>
 * tanh, the function on the hot path (once per hidden unit per sample), and exp are faster with
 * StrictMath on both JDKs; FastMath's log is faster only on JDK 17, and log is used only once per
 * normal draw. The two libraries differ by at most 2 ulp (tanh) and 1 ulp (exp, log). StrictMath
 * is used for all three: one implementation, specified to give fdlibm's results on every JDK.
 * ({@code Math.tanh}, an intrinsic on JDK 25 at about 13 ns, is excluded because intrinsics may
 * differ between JDKs and CPUs.) A tanh built from {@code StrictMath.expm1} was measured at 15.9
 * ns (JDK 17) and 13.4 ns (JDK 25): not enough of a gain to replace the library function.
 *
 * <h2>Conventions a user should know</h2>
 * <ul>
 *   <li>Parameter layout: per layer the weights as an in x out row-major block (the transpose of
 *       the usual out x in matrix), then the biases; the policy's log-std follows the mean
 *       network's parameters.</li>
 *   <li>Orthogonal init is QR of a Gaussian matrix with the sign correction (uniform over
 *       orthogonal matrices), as PyTorch's {@code orthogonal_}; Xavier init is uniform with bound
 *       sqrt(6 / (fan_in + fan_out)); biases start at 0, the log-std at 0.</li>
 *   <li>Adam follows PyTorch's arrangement of the bias-corrected update and minimizes (pass the
 *       negated gradient of an objective). {@link dev.ablate4j.nn.GradClip#clipGlobalNorm} rescales
 *       only when the norm exceeds the limit, by PyTorch's coefficient maxNorm / (norm + 1e-6).</li>
 *   <li>{@link dev.ablate4j.nn.GaussianPolicy#fisherVectorProduct} adds no damping; TRPO adds it.</li>
 *   <li>Networks keep per-call caches in preallocated workspaces that grow to the largest batch
 *       seen; after that no call allocates. Networks are not thread-safe.</li>
 * </ul>
 */
package dev.ablate4j.nn;
