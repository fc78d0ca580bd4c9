package dev.ablate4j.run;

/** A training whose losses or parameters stopped being finite numbers. */
public final class DivergedException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int iteration;

    public DivergedException(int iteration, String what) {
        super("diverged at iteration " + iteration + ": " + what + " is not finite");
        this.iteration = iteration;
    }

    public int iteration() {
        return iteration;
    }
}
