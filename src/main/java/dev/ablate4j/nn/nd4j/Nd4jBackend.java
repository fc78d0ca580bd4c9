package dev.ablate4j.nn.nd4j;

import dev.ablate4j.nn.Backend;
import dev.ablate4j.nn.Mlp;
import dev.ablate4j.nn.MlpRunner;
import org.nd4j.linalg.factory.Nd4j;

/** The ND4J backend (see the package documentation). */
public final class Nd4jBackend implements Backend {

    /** The one instance; loading it loads ND4J's native libraries and limits them to one thread. */
    public static final Nd4jBackend INSTANCE = new Nd4jBackend();

    private Nd4jBackend() {
        Nd4j.getEnvironment().setMaxThreads(1);
        Nd4j.getEnvironment().setMaxMasterThreads(1);
        Nd4j.factory().blas().setMaxThreads(1);
    }

    @Override
    public String id() {
        return "nd4j";
    }

    @Override
    public MlpRunner runner(Mlp mlp) {
        return new Nd4jRunner(mlp);
    }
}
