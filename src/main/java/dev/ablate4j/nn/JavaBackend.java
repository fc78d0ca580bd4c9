package dev.ablate4j.nn;

/** The plain-Java kernels of {@link Mlp}: the default backend, bit-identical on every JVM and CPU. */
public final class JavaBackend implements Backend {

    /** The one instance. */
    public static final JavaBackend INSTANCE = new JavaBackend();

    private JavaBackend() {}

    @Override
    public String id() {
        return "java";
    }

    @Override
    public MlpRunner runner(Mlp mlp) {
        return new Runner(mlp);
    }

    /** An {@link MlpWorkspace} with its network. */
    private static final class Runner implements MlpRunner {
        private final Mlp mlp;
        private final MlpWorkspace ws;

        Runner(Mlp mlp) {
            this.mlp = mlp;
            this.ws = mlp.newWorkspace();
        }

        @Override
        public void forward(double[] params, int offset, double[] input, int batch) {
            mlp.forward(params, offset, input, batch, ws);
        }

        @Override
        public int batch() {
            return ws.batch();
        }

        @Override
        public double[] output() {
            return ws.output();
        }

        @Override
        public void backward(double[] params, int offset, double[] dOutput, double[] grads, int gradOffset) {
            mlp.backward(params, offset, dOutput, ws, grads, gradOffset);
        }

        @Override
        public void jvp(double[] params, int offset, double[] tangent, int tangentOffset) {
            mlp.jvp(params, offset, tangent, tangentOffset, ws);
        }

        @Override
        public double[] tangentOutput() {
            return ws.tangentOutput();
        }
    }
}
