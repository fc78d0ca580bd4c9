package dev.ablate4j.nn;

/**
 * {@code --backend auto}: each batch computation runs on whichever backend was measured faster for
 * its network size and batch size — ND4J for large networks and batches, the plain-Java kernels
 * otherwise (always for batch 1). Without ND4J in the build it is the Java backend. The choice
 * depends only on the network and the batch size, so it is the same on every run of a config;
 * but when it picks ND4J, results are no longer bit-identical across CPUs (see
 * {@code dev.ablate4j.nn.nd4j}).
 *
 * <p>The crossover (docs/performance.md; one thread, AMD EPYC, other work on the machine): for
 * PPO's minibatches of 64, end to end ({@code bench --hidden w,w}), Java is faster at w = 512, the
 * two tie at w = 768 (0.59M multiply-adds per sample) and ND4J is 1.2-1.3x faster at w = 1024
 * (1.05M); at batch 2048 (JMH {@code MlpBenchmark.forwardBackward}, 11-w-w-3) they tie at w = 384
 * (150k) and ND4J is about 1.1x faster at w = 512 (270k) and 1.8x at w = 1024. Ties go to Java
 * (bit-identical everywhere).
 */
public final class AutoBackend implements Backend {

    /** The one instance. */
    public static final AutoBackend INSTANCE = new AutoBackend();

    /** Batches from this size on count as large. */
    static final int LARGE_BATCH = 1024;
    /** Multiply-adds per sample from which ND4J is used for smaller batches (between w = 768 and 1024). */
    static final long SMALL_BATCH_CROSSOVER = 800_000;
    /** Multiply-adds per sample from which ND4J is used for large batches (just below w = 512). */
    static final long LARGE_BATCH_CROSSOVER = 250_000;

    private AutoBackend() {}

    @Override
    public String id() {
        return "auto";
    }

    /** Whether a batch of {@code batch} samples through {@code mlp} runs on ND4J (when ND4J is in the build). */
    public static boolean prefersNd4j(Mlp mlp, int batch) {
        if (batch < 2) {
            return false;
        }
        long work = multiplyAddsPerSample(mlp);
        return work >= (batch >= LARGE_BATCH ? LARGE_BATCH_CROSSOVER : SMALL_BATCH_CROSSOVER);
    }

    /** Sum over layers of fan-in x fan-out: the multiply-adds of one sample's forward pass. */
    static long multiplyAddsPerSample(Mlp mlp) {
        int[] sizes = mlp.layerSizes();
        long sum = 0;
        for (int l = 1; l < sizes.length; l++) {
            sum += (long) sizes[l - 1] * sizes[l];
        }
        return sum;
    }

    @Override
    public MlpRunner runner(Mlp mlp) {
        if (!Backends.nd4jAvailable()) {
            return JavaBackend.INSTANCE.runner(mlp);
        }
        return new Runner(mlp, JavaBackend.INSTANCE.runner(mlp), Backends.byId("nd4j").runner(mlp));
    }

    /** Sends each forward pass to the preferred backend, and what depends on it to the same one. */
    private static final class Runner implements MlpRunner {
        private final Mlp mlp;
        private final MlpRunner java;
        private final MlpRunner nd4j;
        private MlpRunner last;

        Runner(Mlp mlp, MlpRunner java, MlpRunner nd4j) {
            this.mlp = mlp;
            this.java = java;
            this.nd4j = nd4j;
            this.last = java;
        }

        @Override
        public void forward(double[] params, int offset, double[] input, int batch) {
            last = prefersNd4j(mlp, batch) ? nd4j : java;
            last.forward(params, offset, input, batch);
        }

        @Override
        public int batch() {
            return last.batch();
        }

        @Override
        public double[] output() {
            return last.output();
        }

        @Override
        public void backward(double[] params, int offset, double[] dOutput, double[] grads, int gradOffset) {
            last.backward(params, offset, dOutput, grads, gradOffset);
        }

        @Override
        public void jvp(double[] params, int offset, double[] tangent, int tangentOffset) {
            last.jvp(params, offset, tangent, tangentOffset);
        }

        @Override
        public double[] tangentOutput() {
            return last.tangentOutput();
        }
    }
}
