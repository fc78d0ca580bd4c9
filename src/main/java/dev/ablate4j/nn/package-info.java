/**
 * Plain-Java neural networks for the policy-gradient algorithms, in double precision or, with the
 * run key {@code precision: float32}, in single precision (see "Precision" below): the
 * fully connected {@link dev.ablate4j.nn.Mlp} (its parameters live in a caller's flat array; its
 * matrix kernels in {@code MatrixKernels}, its weight schemes and gains in
 * {@link dev.ablate4j.nn.Initialization}), the
 * diagonal {@link dev.ablate4j.nn.GaussianPolicy} (mean network plus a state-independent log-std,
 * with log-probabilities, entropy, mean KL and the exact Fisher-vector product TRPO needs), the
 * {@link dev.ablate4j.nn.ValueNet}, the {@link dev.ablate4j.nn.Adam} optimizer and
 * {@link dev.ablate4j.nn.GradClip global gradient clipping}.
 *
 * <h2>Determinism</h2>
 * Results are bit-identical on every JVM and CPU (NaN payloads excepted: Java does not specify
 * which NaN a product of two NaNs gives, and it differs between JIT tiers and kernel sets; it can
 * only show in the checkpoint of a run that diverged): transcendental functions go through
 * {@link dev.ablate4j.nn.Fn} (tanh: ablate4j's own {@link dev.ablate4j.nn.Fn#tanh pure-Java tanh},
 * made only of exactly specified IEEE operations; exp and log: {@code StrictMath}), randomness
 * only through the {@code SplittableRandom} passed in, and every sum is taken in a fixed order
 * (Java never reassociates or fuses floating-point operations; the JIT's vectorization of the
 * element-wise loops does not change results). The order is: each output of a layer is its bias
 * plus the terms in ascending order of the input index; a weight gradient is its previous value
 * plus the terms in ascending order of the sample; an input gradient is 0 plus the terms in
 * ascending order of the output index. {@code MlpSummationOrderTest} checks the kernels bit for
 * bit against plain loops in that order. A SHA-256 over every parameter and metric of three
 * 3-iteration trainings (ppo, trpo, ppo-m; 64-64 networks) was identical on JDK 17.0.15 (C2, C2
 * without SuperWord, C1 only) and JDK 25.0.3 (the same three). The mean computed for one sample
 * is bit-identical to the same sample's row in a batch, and the log-probability
 * {@link dev.ablate4j.nn.GaussianPolicy#act} returns is bit-identical to
 * {@link dev.ablate4j.nn.GaussianPolicy#logProb} for that action.
 *
 * <h2>Speed</h2>
 * Batch computations keep one array per sample and one per weight row, all indexed from 0: C2
 * (JDK 17 and 25) vectorizes loops over such arrays but not loops over one flat array at
 * different run-time offsets. The matrix products are blocked three rows of the result by two
 * terms per pass (fastest of the blockings measured on JDK 17; others stop the vectorizer),
 * which reached about 15 billion multiply-adds per second on one core. Batch-1 acting reads the
 * flat parameter array directly (a row copy of the weights would cost more than it saves).
 * tanh, once per hidden unit per sample, had been half of a forward pass with
 * {@code StrictMath.tanh} (about 20 ns on JDK 17, a native call); ablate4j's {@code Tanh} takes
 * about 5 ns and is more accurate (within 0.75 ulp of the exact value where fdlibm's is up to
 * about 2 ulp off). Figures and commands: {@code docs/performance.md}.
 *
 * <h2>Precision: float64 and float32</h2>
 * {@link dev.ablate4j.nn.Precision} selects the number format. float64 is the format of every run
 * made before the key existed, and its kernels ({@code MatrixKernels}) keep their separate
 * multiply and add: fusing them would change the bits of every committed run and golden hash.
 * float32 is a parallel set of kernels behind the same interfaces, not a second copy of the
 * networks:
 * <ul>
 *   <li>{@code FloatKernels}: the float twins of {@code MatrixKernels} (same row layout, same
 *       blocking, same order of terms), every multiply-add a {@link java.lang.Math#fma} (one
 *       rounding; exactly specified, so the same bits on every JVM and CPU);</li>
 *   <li>{@code VectorFloatKernels}: the same three products and {@code FloatTanh} written with the Vector API
 *       ({@code jdk.incubator.vector}; 16-float {@code zmm} vectors with AVX-512), lanes over the
 *       output index and the coefficient broadcast, so every element keeps its chain of
 *       {@code Math.fma} in ascending k: the same bits by construction
 *       ({@code VectorFloatKernelsTest}). {@code FloatKernelChoice} picks one set per JVM: the
 *       vector kernels when the JVM was started with {@code --add-modules jdk.incubator.vector}
 *       (and {@code -Dablate4j.vector=false} is not given), else the scalar ones; the vector class
 *       is loaded by name only then, so a plain {@code java -jar} never touches the module;</li>
 *   <li>{@code FloatMlpRunner}: an {@link dev.ablate4j.nn.MlpRunner} (the interface the backends
 *       implement) doing {@link dev.ablate4j.nn.Mlp}'s forward, backward and forward-mode passes on
 *       float buffers with those kernels; {@link dev.ablate4j.nn.Precision#runner} hands it out, so
 *       {@link dev.ablate4j.nn.GaussianPolicy} and {@link dev.ablate4j.nn.ValueNet} choose it in one
 *       place (their acting and one-state value use it too, with a one-row path);</li>
 *   <li>{@link dev.ablate4j.nn.Adam} with a precision: float m, v and parameter updates with fused
 *       multiply-adds.</li>
 * </ul>
 * What is float in a float32 run: the network parameters (rounded at initialization, kept float by
 * Adam, rounded after TRPO's step), every activation, the gradients the networks produce, Adam's
 * state, the sampled actions, and the filters' outputs (observations and rewards as the learner
 * sees them; {@code rl.Sampler} rounds them). What stays double: the public arrays that hold those
 * float values ({@code params()}, {@code grads()}, batch inputs and outputs: a double holds a float
 * exactly, so checkpoints, policy.json and the algorithms are unchanged), the per-sample Gaussian
 * arithmetic on the network outputs (log-density, KL, the output gradients, which are rounded when
 * they enter the network), the losses, GAE, gradient clipping's norm, TRPO's conjugate gradient
 * and line search, and the filters' running statistics. Hidden tanh is {@code FloatTanh}, a
 * branch-free rational approximation evaluated in double and rounded once (at most 1 ulp from
 * the exact value; about 2-3x cheaper than the double {@code Tanh}). A float32 run is bit-reproducible like a float64 one: its golden hashes
 * ({@code Float32DeterminismTest}) were the same on JDK 17 with C2, without SuperWord, with C1
 * only, with AVX2 instead of AVX-512, with {@code -XX:-UseFMA} (the slow exact software path of
 * {@code Math.fma}), and on JDK 25. {@code FloatSummationOrderTest} checks the blocked float kernels
 * bit for bit against plain fused loops in the documented order.
 *
 * <p>Known cost of this design: the parameter and gradient arrays stay {@code double[]}, so a
 * pass rounds the weights it reads to float and the gradients it writes back (scalar
 * conversions on JDK 17, whose C2 does not vectorize double-to-float); measured, 10-15% of
 * the kernels' time at 64 x 64. {@code FloatWeightCache} keeps each layer's rounded weights (and
 * their transpose, for the backward pass) while the double weights are unchanged, checked by a
 * bit-wise comparison on every use rather than trusted to callers: a rollout, whose one-state
 * passes read unchanged networks thousands of times, then rounds each weight once (sampling
 * took about 25% less CPU on Pendulum), and a backward pass reuses its forward pass's rounding. The larger limit of the scalar kernels is the vector width: at
 * 64-element rows C2 packs four elements per instruction (float32 on 128-bit registers, float64 on
 * 256-bit), a quarter of the float width the FMA peak is measured with, and no bit-preserving
 * blocking kept its vectorization reliably enough to be faster in the network. The Vector API
 * kernels remove that limit for float32 when the module is added (full-width vectors, four rows by
 * four vectors of accumulators in registers). float64 keeps its bits the same way: with the module,
 * {@code DoubleKernelChoice} runs {@link dev.ablate4j.nn.Mlp}'s batch products on
 * {@code VectorDoubleKernels} (8 double lanes with AVX-512, a separate multiply and add per term in
 * ascending k, exactly as {@code MatrixKernels}), which {@code VectorDoubleKernelsTest} and the golden
 * hashes check bit for bit. At 64-64 the double tanh costs about as much as the products, so the
 * same class also evaluates {@link dev.ablate4j.nn.Fn#tanh}'s series and table branches in vector
 * lanes with the same operations in the same order (lanes needing {@code StrictMath.exp}, and NaN,
 * fall back to the scalar function): bench on Pendulum, 400k steps, the update took about 30% less
 * CPU (19,000 to 27,800 env steps per CPU-second) and the whole run 29% less.
 * {@code docs/performance.md} has the benchmarks.
 *
 * <h2>Backends</h2>
 * {@link dev.ablate4j.nn.GaussianPolicy} and {@link dev.ablate4j.nn.ValueNet} run their batch
 * computations on a {@link dev.ablate4j.nn.Backend}: {@link dev.ablate4j.nn.JavaBackend} (default,
 * bit-identical everywhere), ND4J ({@code dev.ablate4j.nn.nd4j}, only in builds with the Maven
 * profile {@code nd4j}; agrees to about 1e-12 but not bit for bit) or
 * {@link dev.ablate4j.nn.AutoBackend} (ND4J where it measured faster: wide networks and large
 * batches). Batch-1 acting always runs in plain Java. float32 runs on the Java backend only.
 *
 * <h2>Why StrictMath for exp and log</h2>
 * Both {@code StrictMath} and commons-math3 {@code FastMath} are deterministic pure-Java (or
 * fdlibm-specified) implementations; the choice was made by a microbenchmark (each function in
 * its own monomorphic loop over 50,000 random arguments, JIT warmed up by 200 passes, best of 15
 * timings of 10 passes; exp arguments in [-4, 4], log arguments in [0.001, 10]; AMD EPYC, 2 cores
 * shared with other work), in ns per call:
 * <pre>
 *                 JDK 17.0.15               JDK 25.0.3
 *                 StrictMath  FastMath      StrictMath  FastMath
 *   tanh          19.4-21.1   29.0-29.4     14.0-14.1   30.4-30.8
 *   exp            6.8-7.0     9.7-9.8       6.3-6.5     9.0-9.2
 *   log           11.0         9.5           5.7-5.8     9.0
 * </pre>
 * exp is faster with StrictMath on both JDKs; FastMath's log is faster only on JDK 17, and log is
 * used only once per normal draw. Neither is on the hot path any more. ({@code Math.tanh}, an
 * intrinsic on JDK 25 at about 13 ns, is excluded because intrinsics may differ between JDKs
 * and CPUs.)
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
